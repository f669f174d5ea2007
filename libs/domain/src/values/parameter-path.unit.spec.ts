import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isInstancePath, parameterPathProblem, parseParameterPath } from './parameter-path.js';

const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/);
const instance = fc.integer({ min: 1, max: 4294967295 }).map(String);
// Names, each optionally followed by one instance number: Device.IP.Interface.3.IPv4Address.1
const objectSegments = fc
  .array(fc.tuple(name, fc.option(instance, { nil: undefined })), { minLength: 1, maxLength: 6 })
  .map((pairs) => pairs.flatMap(([n, i]) => (i === undefined ? [n] : [n, i])));

describe('ParameterPath', () => {
  it('accepts TR-181 parameter paths, partial paths and instance numbers', () => {
    for (const path of [
      'Device.DeviceInfo.SoftwareVersion',
      'Device.',
      'Device.IP.Interface.',
      'Device.IP.Interface.2.IPv4Address.1.IPAddress',
      'InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANIPConnection.1.ExternalIPAddress',
      'Device.X_ACME-COM_Feature.Enable',
      'Device._Private',
    ]) {
      assert.deepEqual(parseParameterPath(path), { ok: true, value: path }, path);
    }
  });

  it('rejects empty segments, spaces, bad names, leading instances and oversized paths with INVALID_PARAMETER_PATH', () => {
    for (const path of [
      '',
      '.',
      'Device..Info',
      '.Device.Info',
      'Device.Device Info',
      'Device.1Info',
      'Device.Info!',
      '1.Device',
      'Device.IP.Interface.0.Name',
      'Device.IP.Interface.01.Name',
      'Device.IP.Interface.4294967296.Name',
      'Device.IP.Interface.1.2.Name',
      'Device.IP.Interface.*.Name',
      `Device.${'A'.repeat(250)}`,
      42,
    ]) {
      const result = parseParameterPath(path);
      assert.ok(!result.ok && result.error.code === 'INVALID_PARAMETER_PATH', String(path));
    }
  });

  it('tells parameters (no trailing dot) from objects (trailing dot)', () => {
    assert.ok(parseParameterPath('Device.DeviceInfo.', 'object').ok);
    assert.ok(!parseParameterPath('Device.DeviceInfo.', 'parameter').ok);
    assert.ok(parseParameterPath('Device.DeviceInfo.Uptime', 'parameter').ok);
    assert.ok(!parseParameterPath('Device.DeviceInfo.Uptime', 'object').ok);
    // A parameter cannot be an instance number.
    assert.ok(!parseParameterPath('Device.IP.Interface.1', 'parameter').ok);
  });

  it('tells table paths from instance paths', () => {
    assert.equal(isInstancePath('Device.IP.Interface.3.'), true);
    assert.equal(isInstancePath('Device.IP.Interface.'), false);
    assert.equal(isInstancePath('Device.IP.Interface.3.Name'), false);
  });

  it('accepts every well-formed path', () => {
    fc.assert(
      fc.property(objectSegments, name, (segments, parameter) => {
        assert.equal(parameterPathProblem(`${segments.join('.')}.`, 'object'), undefined);
        assert.equal(parameterPathProblem(`${segments.join('.')}.${parameter}`, 'parameter'), undefined);
      }),
    );
  });

  it('rejects any path with white space or an empty segment', () => {
    fc.assert(
      fc.property(objectSegments, fc.constantFrom(' ', '\t', '\n', ''), fc.nat(), (segments, junk, at) => {
        const index = at % segments.length;
        const broken = segments.map((segment, i) => (i === index ? (junk === '' ? '' : `${segment}${junk}x`) : segment));
        assert.notEqual(parameterPathProblem(`${broken.join('.')}.Name`), undefined);
      }),
    );
  });
});
