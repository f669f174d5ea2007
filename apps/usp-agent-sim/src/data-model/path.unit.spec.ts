import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parsePath, satisfies } from './path.js';

const parsed = (path: string) => {
  const result = parsePath(path);
  assert.ok(result.ok, `${path}: ${JSON.stringify(result)}`);
  return result.value;
};

const syntaxCode = (path: string) => {
  const result = parsePath(path);
  return result.ok ? 0 : result.error.errCode;
};

describe('USP path syntax', () => {
  it('reads names, instance numbers and the trailing dot of object paths', () => {
    const object = parsed('Device.WiFi.SSID.2.');
    assert.deepEqual(object.segments, [
      { type: 'name', name: 'Device' },
      { type: 'name', name: 'WiFi' },
      { type: 'name', name: 'SSID' },
      { type: 'instance', instance: 2 },
    ]);
    assert.equal(object.isObjectPath, true);
    assert.equal(object.isSearch, false);
    assert.equal(parsed('Device.DeviceInfo.SerialNumber').isObjectPath, false);
  });

  it('reads wildcards, {i} and search expressions, quoted values keeping dots and brackets', () => {
    const search = parsed('Device.LocalAgent.Subscription.[ID=="boot.[1]"&&Enable==true].Enable');
    assert.deepEqual(search.segments[3], {
      type: 'search',
      conditions: [
        { param: 'ID', operator: '==', value: 'boot.[1]' },
        { param: 'Enable', operator: '==', value: 'true' },
      ],
    });
    assert.equal(search.isSearch, true);
    assert.deepEqual(parsed('Device.WiFi.SSID.*.SSID').segments[3], { type: 'wildcard' });
    assert.deepEqual(parsed('Device.WiFi.SSID.{i}.').segments[3], { type: 'placeholder' });
    assert.deepEqual(parsed('Device.IP.Interface.[Stats.BytesSent>=10].').segments[3], {
      type: 'search',
      conditions: [{ param: 'Stats.BytesSent', operator: '>=', value: '10' }],
    });
  });

  it('takes commands and events only at the end', () => {
    assert.deepEqual(parsed('Device.Reboot()').segments[1], { type: 'name', name: 'Reboot()' });
    assert.deepEqual(parsed('Device.Boot!').segments[1], { type: 'name', name: 'Boot!' });
    assert.equal(syntaxCode('Device.Reboot().'), 7008);
    assert.equal(syntaxCode('Device.Reboot().X'), 7008);
  });

  it('refuses malformed paths with 7008', () => {
    for (const path of ['', 'Device..WiFi', '.Device', 'Device.WiFi.SSID.[Enable==true', 'Device.WiFi.SSID.[].', 'Device.WiFi.SSID.0.', 'Device.9Lives', 'Device.WiFi.SSID.[Enable].'])
      assert.equal(syntaxCode(path), 7008, path);
  });

  it('compares numbers as numbers and booleans by meaning', () => {
    assert.equal(satisfies('10', { param: 'X', operator: '>', value: '9' }, 'unsignedInt'), true);
    assert.equal(satisfies('10', { param: 'X', operator: '>', value: '9' }, 'string'), false);
    assert.equal(satisfies('1', { param: 'X', operator: '==', value: 'true' }, 'boolean'), true);
    assert.equal(satisfies('home', { param: 'X', operator: '!=', value: 'guest' }, 'string'), true);
    assert.equal(satisfies('5', { param: 'X', operator: '<=', value: '5' }, 'int'), true);
  });
});
