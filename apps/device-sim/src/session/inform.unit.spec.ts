import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testModel } from '../testing/fixtures.js';
import { event } from './events.js';
import { buildInform, xsdDateTime } from './inform.js';

describe('buildInform', () => {
  it('carries the DeviceIdStruct, the events, the time and the forced inform parameters', () => {
    const model = testModel();
    const inform = buildInform({ model, events: [event('1 BOOT')], valueChanges: [], retryCount: 2, now: Date.parse('2024-05-01T10:20:30.456Z') });
    assert.deepEqual(inform.deviceId, { manufacturer: 'Fleetlog', oui: '00D09E', productClass: 'SimGateway', serialNumber: 'SIM000001' });
    assert.deepEqual(inform.events, [{ eventCode: '1 BOOT', commandKey: '' }]);
    assert.equal(inform.currentTime, '2024-05-01T10:20:30Z');
    assert.equal(inform.retryCount, 2);
    assert.equal(inform.maxEnvelopes, 1);
    assert.deepEqual(
      inform.parameters.map((p) => p.name),
      model.informParameterNames(),
    );
  });

  it('adds changed parameters once, with their type, and drops the ones deleted since', () => {
    const model = testModel();
    const inform = buildInform({
      model,
      events: [event('4 VALUE CHANGE')],
      valueChanges: ['Device.WiFi.SSID.1.Enable', 'Device.DeviceInfo.SoftwareVersion', 'Device.WiFi.SSID.9.SSID'],
      retryCount: 0,
      now: 0,
    });
    const names = inform.parameters.map((p) => p.name);
    assert.equal(names.filter((n) => n === 'Device.DeviceInfo.SoftwareVersion').length, 1);
    assert.deepEqual(inform.parameters.at(-1), { name: 'Device.WiFi.SSID.1.Enable', value: 'true', type: 'boolean' });
    assert.ok(!names.includes('Device.WiFi.SSID.9.SSID'));
  });

  it('never carries a password', () => {
    const inform = buildInform({ model: testModel(), events: [], valueChanges: ['Device.ManagementServer.Password'], retryCount: 0, now: 0 });
    assert.equal(inform.parameters.find((p) => p.name === 'Device.ManagementServer.Password')?.value, '');
  });

  it('writes xsd:dateTime in UTC without milliseconds', () => {
    assert.equal(xsdDateTime(0), '1970-01-01T00:00:00Z');
  });
});
