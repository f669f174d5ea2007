import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testModel } from '../testing/fixtures.js';
import type { DataModel, Resolved } from './data-model.js';

const resolved = (model: DataModel, path: string): Resolved => {
  const result = model.resolve(path);
  assert.ok(result.ok, `${path}: ${JSON.stringify(result)}`);
  return result.value;
};

const paths = (target: Resolved): string[] =>
  target.target === 'table' ? target.tables.map((t) => t.path) : target.target === 'param' ? target.objects.map((o) => `${o.path}${target.name}`) : target.objects.map((o) => o.path);

// The one object (or table) a path names.
const onlyOne = (model: DataModel, path: string) => {
  const target = resolved(model, path);
  assert.ok(target.target === 'object' || target.target === 'table', path);
  return target;
};
const objectAt = (model: DataModel, path: string) => {
  const target = onlyOne(model, path);
  const [object] = target.target === 'object' ? target.objects : [];
  assert.ok(object, path);
  return object;
};
const tableAt = (model: DataModel, path: string) => {
  const target = onlyOne(model, path);
  const [table] = target.target === 'table' ? target.tables : [];
  assert.ok(table, path);
  return table;
};

const errCode = (model: DataModel, path: string) => {
  const result = model.resolve(path);
  return result.ok ? 0 : result.error.errCode;
};

describe('data model', () => {
  it('starts with the factory contents and the agent identity', () => {
    const model = testModel();
    assert.equal(model.get('Device.DeviceInfo.SerialNumber'), 'usp-test-1');
    assert.equal(model.get('Device.DeviceInfo.ManufacturerOUI'), 'F1EE70');
    assert.equal(model.get('Device.LocalAgent.EndpointID'), 'proto::usp-test-1');
    assert.equal(model.get('Device.LocalAgent.Controller.1.EndpointID'), 'proto::fleetlog-controller');
    assert.equal(model.get('Device.LocalAgent.Subscription.1.ID'), 'boot-sub');
    assert.equal(model.get('Device.WiFi.SSIDNumberOfEntries'), '2');
    assert.equal(model.get('Device.WiFi.SSID.1.Alias'), 'cpe-1');
    assert.match(model.get('Device.WiFi.SSID.1.BSSID') ?? '', /^02(:[0-9A-F]{2}){5}$/);
    assert.equal(model.get('Device.IP.Interface.2.IPv4Address.1.IPAddress'), '192.168.1.1');
  });

  it('computes UpTime and CurrentLocalTime from the clock', () => {
    let now = 1_700_000_000_000;
    const model = testModel(() => now);
    model.markBooted(now);
    now += 42_500;
    assert.equal(model.get('Device.DeviceInfo.UpTime'), '42');
    assert.equal(model.get('Device.Time.CurrentLocalTime'), '2023-11-14T22:14:02Z');
  });

  it('resolves instance numbers, wildcards and search expressions to concrete paths', () => {
    const model = testModel();
    assert.deepEqual(paths(resolved(model, 'Device.WiFi.SSID.*.SSID')), ['Device.WiFi.SSID.1.SSID', 'Device.WiFi.SSID.2.SSID']);
    assert.deepEqual(paths(resolved(model, 'Device.WiFi.SSID.2.')), ['Device.WiFi.SSID.2.']);
    assert.deepEqual(paths(resolved(model, 'Device.WiFi.SSID.')), ['Device.WiFi.SSID.']);
    assert.deepEqual(paths(resolved(model, 'Device.IP.Interface.[Name=="lan"].IPv4Address.*.')), ['Device.IP.Interface.2.IPv4Address.1.']);
    assert.deepEqual(paths(resolved(model, 'Device.IP.Interface.[Stats.BytesSent>1000].')), ['Device.IP.Interface.1.']);
    assert.deepEqual(paths(resolved(model, 'Device.LocalAgent.Subscription.[NotifType==Event&&Enable==1].ID')), ['Device.LocalAgent.Subscription.1.ID']);
    const command = resolved(model, 'Device.IP.Interface.*.Reset()');
    assert.equal(command.target, 'command');
    assert.deepEqual(paths(command), ['Device.IP.Interface.1.', 'Device.IP.Interface.2.']);
    assert.equal(resolved(model, 'Device.Boot!').target, 'event');
  });

  it('resolves a path of the supported model that matches no instance to nothing, not to an error', () => {
    const model = testModel();
    assert.deepEqual(paths(resolved(model, 'Device.WiFi.SSID.9.')), []);
    assert.deepEqual(paths(resolved(model, 'Device.WiFi.SSID.[SSID=="nobody"].Enable')), []);
  });

  it('answers 7026 for paths outside the supported model and 7008 for bad syntax', () => {
    const model = testModel();
    for (const path of ['Device.Nothing.', 'Device.WiFi.SSID.1.Nothing', 'InternetGatewayDevice.', 'Device.DeviceInfo', 'Device.DeviceInfo.SerialNumber.', 'Device.WiFi.1.', 'Device.WiFi.SSID.Enable', 'Device.WiFi.SSID.[Nope==1].', 'Device.Reboot'])
      assert.equal(errCode(model, path), 7026, path);
    assert.equal(errCode(model, 'Device..'), 7008);
  });

  it('names supported objects with {i}, from table, instance or placeholder paths alike', () => {
    const model = testModel();
    for (const path of ['Device.WiFi.SSID.', 'Device.WiFi.SSID.{i}.', 'Device.WiFi.SSID.1.', 'Device.WiFi.SSID.*.']) {
      const found = model.supported(path);
      assert.ok(found.ok, path);
      assert.equal(found.value.path, 'Device.WiFi.SSID.{i}.');
      assert.equal(found.value.table?.access, 'OBJ_ADD_DELETE');
    }
    const nested = model.supported('Device.IP.Interface.{i}.IPv4Address.');
    assert.ok(nested.ok);
    assert.equal(nested.value.path, 'Device.IP.Interface.{i}.IPv4Address.{i}.');
    for (const path of ['Device.WiFi.SSID.{i}.{i}.', 'Device.DeviceInfo.{i}.', 'Device.DeviceInfo.SerialNumber', 'Device.Nope.']) assert.equal(model.supported(path).ok, false, path);
  });

  it('checks values against type and constraints', () => {
    const model = testModel();
    const enable = model.locate(objectAt(model, 'Device.WiFi.SSID.1.'), 'Enable');
    assert.ok(enable);
    assert.equal(model.checkValue(enable.spec, 'maybe')?.errCode, 7011);
    assert.equal(model.checkValue(enable.spec, '1'), undefined);
    model.write(enable, '1');
    assert.equal(model.get('Device.WiFi.SSID.1.Enable'), 'true');
    const ssid = model.locate(enable.object, 'SSID');
    assert.ok(ssid);
    assert.equal(model.checkValue(ssid.spec, 'x'.repeat(33))?.errCode, 7012);
  });

  it('makes device-side changes, refusing computed parameters and bad values', () => {
    const model = testModel();
    const changed = model.setLocal('Device.WiFi.SSID.1.Status', 'Down');
    assert.deepEqual(changed, { ok: true, value: { changed: true } });
    assert.deepEqual(model.setLocal('Device.WiFi.SSID.1.Status', 'Down'), { ok: true, value: { changed: false } });
    assert.equal(model.setLocal('Device.WiFi.SSID.1.Status', 'Sideways').ok, false);
    assert.equal(model.setLocal('Device.DeviceInfo.UpTime', '5').ok, false);
    assert.equal(model.setLocal('Device.WiFi.SSID.*.Status', 'Up').ok, false);
    assert.equal(model.setLocal('Device.WiFi.SSID.7.Status', 'Up').ok, false);
  });

  it('adds instances with agent-assigned unique keys, never reusing a number, and finds unique-key clashes', () => {
    const model = testModel();
    const ssids = tableAt(model, 'Device.WiFi.SSID.');
    const third = model.addInstance(ssids);
    assert.ok(third.ok);
    assert.equal(third.value.path, 'Device.WiFi.SSID.3.');
    assert.deepEqual(Object.keys(model.uniqueKeys(third.value)), ['Alias', 'Name', 'BSSID']);
    assert.equal(model.uniqueKeys(third.value)['Alias'], 'cpe-3');
    assert.deepEqual(model.keyConflicts(third.value, { Alias: 'cpe-1' }), ['Alias']);
    assert.deepEqual(model.keyConflicts(third.value, { Alias: 'fresh', SSID: 'x' }), []);
    model.deleteInstance(third.value);
    const fourth = model.addInstance(ssids);
    assert.ok(fourth.ok);
    assert.equal(fourth.value.path, 'Device.WiFi.SSID.4.');
    for (let i = 0; i < 5; i += 1) model.addInstance(ssids);
    const full = model.addInstance(ssids);
    assert.equal(full.ok ? 0 : full.error.errCode, 7017);
  });

  it('restores a snapshot and goes back to factory contents on reset', () => {
    const model = testModel();
    const before = model.snapshot();
    model.setLocal('Device.WiFi.SSID.1.SSID', 'changed');
    model.restore(before);
    assert.notEqual(model.get('Device.WiFi.SSID.1.SSID'), 'changed');
    model.setLocal('Device.WiFi.SSID.1.SSID', 'changed');
    model.reset();
    assert.match(model.get('Device.WiFi.SSID.1.SSID') ?? '', /^Fleetlog-/);
  });
});
