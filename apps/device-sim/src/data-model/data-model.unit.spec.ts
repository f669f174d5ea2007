import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ParameterValueStruct } from '@fleetlog/cwmp';
import { createDataModel } from './data-model.js';
import { tr098Definition } from './tr098.js';
import { testIdentity as identity, testManagement as management, testModel as model } from '../testing/fixtures.js';

const valueOk = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  assert.ok(result.ok, `expected success, got ${JSON.stringify(result)}`);
  return result.value;
};
const faultOf = (result: { ok: boolean; error?: { faultCode: number } }): number => {
  assert.equal(result.ok, false);
  return result.error?.faultCode ?? -1;
};

describe('data model: GetParameterValues', () => {
  it('reads a parameter by its full name with its xsd type', () => {
    assert.deepEqual(valueOk(model().getParameterValues(['Device.DeviceInfo.SerialNumber'])), [
      { name: 'Device.DeviceInfo.SerialNumber', value: 'SIM000001', type: 'string' },
    ]);
  });

  it('reads every parameter below a partial path, in tree order', () => {
    const values = valueOk(model().getParameterValues(['Device.WiFi.SSID.2.']));
    assert.deepEqual(
      values.map((v) => v.name),
      ['Device.WiFi.SSID.2.Enable', 'Device.WiFi.SSID.2.Status', 'Device.WiFi.SSID.2.Name', 'Device.WiFi.SSID.2.SSID', 'Device.WiFi.SSID.2.BSSID', 'Device.WiFi.SSID.2.MACAddress'],
    );
    assert.equal(values.find((v) => v.name.endsWith('.Enable'))?.type, 'boolean');
  });

  it('reads nested instances and computes NumberOfEntries', () => {
    const m = model();
    assert.equal(m.get('Device.IP.Interface.1.IPv4Address.1.AddressingType'), 'DHCP');
    assert.equal(m.get('Device.IP.InterfaceNumberOfEntries'), '2');
    assert.equal(m.get('Device.IP.Interface.2.IPv4AddressNumberOfEntries'), '1');
    assert.equal(m.get('Device.Hosts.HostNumberOfEntries'), '2');
  });

  it('computes UpTime from the clock and the last boot', () => {
    let now = 10_000;
    const m = model(() => now);
    now += 42_500;
    assert.equal(m.get('Device.DeviceInfo.UpTime'), '42');
    m.markBooted(now);
    assert.equal(m.get('Device.DeviceInfo.UpTime'), '0');
  });

  it('reads passwords back as empty strings while the device still knows them', () => {
    const m = model();
    assert.equal(valueOk(m.getParameterValues(['Device.ManagementServer.ConnectionRequestPassword']))[0]?.value, '');
    assert.equal(m.get('Device.ManagementServer.ConnectionRequestPassword'), 'cr-pass');
  });

  it('answers 9005 for unknown names, objects named without a trailing dot, and parameters named with one', () => {
    const m = model();
    for (const name of ['Device.DeviceInfo.Nope', 'Device.WiFi', 'Device.DeviceInfo.SerialNumber.', 'Device.WiFi.SSID.9.', 'Device.WiFi.SSID.01.', 'Other.']) {
      assert.equal(faultOf(m.getParameterValues([name])), 9005, name);
    }
  });

  it('reads the whole tree for an empty name', () => {
    const all = valueOk(model().getParameterValues(['']));
    assert.ok(all.some((v) => v.name === 'Device.ManagementServer.ConnectionRequestURL'));
    assert.ok(all.every((v) => !v.name.endsWith('.')));
  });
});

describe('data model: SetParameterValues', () => {
  it('applies every value, reports what changed and sets ParameterKey', () => {
    const m = model();
    const changed = valueOk(
      m.setParameterValues(
        [
          { name: 'Device.WiFi.SSID.1.SSID', value: 'home', type: 'string' },
          { name: 'Device.ManagementServer.PeriodicInformInterval', value: '300', type: 'unsignedInt' },
        ],
        'key-1',
      ),
    );
    assert.deepEqual(changed, ['Device.WiFi.SSID.1.SSID']);
    assert.equal(m.get('Device.WiFi.SSID.1.SSID'), 'home');
    assert.equal(m.get('Device.ManagementServer.ParameterKey'), 'key-1');
  });

  it('rejects the whole request with 9003 and one fault per bad parameter, changing nothing', () => {
    const m = model();
    const result = m.setParameterValues(
      [
        { name: 'Device.WiFi.SSID.1.SSID', value: 'changed', type: 'string' },
        { name: 'Device.DeviceInfo.Nope', value: 'x', type: 'string' },
        { name: 'Device.DeviceInfo.SerialNumber', value: 'x', type: 'string' },
        { name: 'Device.WiFi.SSID.1.Enable', value: 'true', type: 'string' },
        { name: 'Device.ManagementServer.PeriodicInformInterval', value: '-5', type: 'unsignedInt' },
        { name: 'Device.WiFi.SSID.2.SSID', value: 'x'.repeat(33), type: 'string' },
        { name: 'Device.DeviceInfo.UpTime', value: '5', type: 'unsignedInt' },
      ],
      'key-2',
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.faultCode, 9003);
    assert.deepEqual(
      result.error.setParameterValuesFaults.map((f) => [f.parameterName, f.faultCode]),
      [
        ['Device.DeviceInfo.Nope', 9005],
        ['Device.DeviceInfo.SerialNumber', 9008],
        ['Device.WiFi.SSID.1.Enable', 9006],
        ['Device.ManagementServer.PeriodicInformInterval', 9007],
        ['Device.WiFi.SSID.2.SSID', 9007],
        ['Device.DeviceInfo.UpTime', 9008],
      ],
    );
    assert.equal(m.get('Device.WiFi.SSID.1.SSID'), 'Fleetlog-0001');
    assert.equal(m.get('Device.ManagementServer.ParameterKey'), '');
  });

  it('rejects a parameter named twice with 9003', () => {
    const set = { name: 'Device.WiFi.SSID.1.SSID', value: 'a', type: 'string' } as const;
    assert.equal(faultOf(model().setParameterValues([set, { ...set, value: 'b' }], '')), 9003);
  });

  it('checks enumerations and numeric ranges', () => {
    const m = model();
    assert.equal(faultOf(m.setParameterValues([{ name: 'Device.ManagementServer.PeriodicInformInterval', value: '0', type: 'unsignedInt' }], '')), 9003);
    assert.equal(faultOf(m.setParameterValues([{ name: 'Device.ManagementServer.PeriodicInformEnable', value: 'yes', type: 'boolean' }], '')), 9003);
  });

  it('is all or nothing for any mix of valid and invalid writes', () => {
    const writes = fc.array(
      fc.oneof(
        fc.record({ name: fc.constant('Device.WiFi.SSID.1.SSID'), value: fc.string({ maxLength: 40 }), type: fc.constant('string' as const) }),
        fc.record({ name: fc.constant('Device.IP.Interface.1.Enable'), value: fc.constantFrom('true', 'false', 'maybe'), type: fc.constant('boolean' as const) }),
        fc.record({ name: fc.constant('Device.ManagementServer.PeriodicInformInterval'), value: fc.integer({ min: -2, max: 99999 }).map(String), type: fc.constantFrom('unsignedInt' as const, 'int' as const) }),
        fc.record({ name: fc.constantFrom('Device.DeviceInfo.Manufacturer', 'Device.Nope'), value: fc.string(), type: fc.constant('string' as const) }),
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(writes, (parameters: ParameterValueStruct[]) => {
        const m = model();
        const before = m.parameters();
        const result = m.setParameterValues(parameters, 'k');
        if (result.ok) {
          // The last write wins only when names are distinct, which success implies.
          for (const p of parameters) assert.equal(m.get(p.name), p.value);
          assert.equal(m.get('Device.ManagementServer.ParameterKey'), 'k');
        } else {
          assert.deepEqual(m.parameters(), before);
        }
      }),
    );
  });
});

describe('data model: GetParameterNames', () => {
  it('answers the root object for an empty path with NextLevel true', () => {
    assert.deepEqual(valueOk(model().getParameterNames('', true)), [{ name: 'Device.', writable: false }]);
  });

  it('lists only the next level: parameters and objects, objects with a trailing dot', () => {
    const names = valueOk(model().getParameterNames('Device.', true));
    assert.deepEqual(
      names.map((n) => n.name),
      ['Device.RootDataModelVersion', 'Device.DeviceInfo.', 'Device.ManagementServer.', 'Device.WiFi.', 'Device.IP.', 'Device.Hosts.'],
    );
  });

  it('lists instances of a table as writable when the ACS may delete them', () => {
    assert.deepEqual(valueOk(model().getParameterNames('Device.WiFi.SSID.', true)), [
      { name: 'Device.WiFi.SSID.1.', writable: true },
      { name: 'Device.WiFi.SSID.2.', writable: true },
    ]);
    assert.deepEqual(valueOk(model().getParameterNames('Device.Hosts.Host.', true)).map((n) => n.writable), [false, false]);
  });

  it('lists the path itself and everything below it with NextLevel false', () => {
    const names = valueOk(model().getParameterNames('Device.IP.Interface.1.', false));
    assert.deepEqual(names[0], { name: 'Device.IP.Interface.1.', writable: true });
    assert.ok(names.some((n) => n.name === 'Device.IP.Interface.1.IPv4Address.1.IPAddress' && n.writable));
    assert.ok(names.some((n) => n.name === 'Device.IP.Interface.1.IPv4Address.' && n.writable));
    assert.ok(names.some((n) => n.name === 'Device.IP.Interface.1.Status' && !n.writable));
  });

  it('answers a parameter name with NextLevel false, and 9003 with NextLevel true', () => {
    const m = model();
    assert.deepEqual(valueOk(m.getParameterNames('Device.WiFi.SSID.1.SSID', false)), [{ name: 'Device.WiFi.SSID.1.SSID', writable: true }]);
    assert.equal(faultOf(m.getParameterNames('Device.WiFi.SSID.1.SSID', true)), 9003);
    assert.equal(faultOf(m.getParameterNames('Device.Nope.', true)), 9005);
  });
});

describe('data model: attributes', () => {
  it('sets notification and access list, and reads them back', () => {
    const m = model();
    valueOk(
      m.setParameterAttributes([
        { name: 'Device.WiFi.SSID.1.SSID', notificationChange: true, notification: 2, accessListChange: true, accessList: ['Subscriber'] },
      ]),
    );
    assert.deepEqual(valueOk(m.getParameterAttributes(['Device.WiFi.SSID.1.SSID'])), [
      { name: 'Device.WiFi.SSID.1.SSID', notification: 2, accessList: ['Subscriber'] },
    ]);
  });

  it('starts forced parameters at active notification and refuses to turn them off', () => {
    const m = model();
    assert.equal(valueOk(m.getParameterAttributes(['Device.DeviceInfo.SoftwareVersion']))[0]?.notification, 2);
    const off = { name: 'Device.DeviceInfo.SoftwareVersion', notificationChange: true, notification: 0, accessListChange: false, accessList: [] };
    assert.equal(faultOf(m.setParameterAttributes([off])), 9009);
  });

  it('refuses active notification on UpTime by name, but skips it under a partial path', () => {
    const m = model();
    const on = (name: string) => ({ name, notificationChange: true, notification: 2, accessListChange: false, accessList: [] });
    assert.equal(faultOf(m.setParameterAttributes([on('Device.DeviceInfo.UpTime')])), 9009);
    valueOk(m.setParameterAttributes([on('Device.DeviceInfo.')]));
    const attributes = valueOk(m.getParameterAttributes(['Device.DeviceInfo.']));
    assert.equal(attributes.find((a) => a.name === 'Device.DeviceInfo.UpTime')?.notification, 0);
    assert.equal(attributes.find((a) => a.name === 'Device.DeviceInfo.Manufacturer')?.notification, 2);
  });

  it('changes nothing when one entry of the request is bad', () => {
    const m = model();
    const result = m.setParameterAttributes([
      { name: 'Device.WiFi.SSID.1.SSID', notificationChange: true, notification: 1, accessListChange: false, accessList: [] },
      { name: 'Device.Nope', notificationChange: true, notification: 1, accessListChange: false, accessList: [] },
    ]);
    assert.equal(faultOf(result), 9005);
    assert.equal(m.parameter('Device.WiFi.SSID.1.SSID')?.notification, 0);
    const lightweight = { name: 'Device.WiFi.SSID.1.SSID', notificationChange: true, notification: 4, accessListChange: false, accessList: [] };
    assert.equal(faultOf(m.setParameterAttributes([lightweight])), 9009);
    const unknownAccess = { name: 'Device.WiFi.SSID.1.SSID', notificationChange: false, notification: 0, accessListChange: true, accessList: ['Admin'] };
    assert.equal(faultOf(m.setParameterAttributes([unknownAccess])), 9003);
  });
});

describe('data model: AddObject and DeleteObject', () => {
  it('adds an instance with factory values, never reusing numbers, and sets ParameterKey', () => {
    const m = model();
    assert.equal(valueOk(m.addObject('Device.WiFi.SSID.', 'add-1')), 3);
    assert.equal(m.get('Device.WiFi.SSID.3.Enable'), 'false');
    assert.equal(m.get('Device.WiFi.SSIDNumberOfEntries'), '3');
    assert.equal(m.get('Device.ManagementServer.ParameterKey'), 'add-1');
    valueOk(m.deleteObject('Device.WiFi.SSID.3.', 'del-1'));
    assert.equal(m.get('Device.WiFi.SSID.3.Enable'), undefined);
    assert.equal(m.get('Device.ManagementServer.ParameterKey'), 'del-1');
    assert.equal(valueOk(m.addObject('Device.WiFi.SSID.', 'add-2')), 4);
  });

  it('adds nested instances', () => {
    const m = model();
    assert.equal(valueOk(m.addObject('Device.IP.Interface.2.IPv4Address.', '')), 2);
    valueOk(m.setParameterValues([{ name: 'Device.IP.Interface.2.IPv4Address.2.IPAddress', value: '192.168.2.1', type: 'string' }], ''));
    assert.equal(m.get('Device.IP.Interface.2.IPv4AddressNumberOfEntries'), '2');
  });

  it('answers 9005 for what is not a table or instance, 9001 for read-only tables, 9004 when full', () => {
    const m = model();
    assert.equal(faultOf(m.addObject('Device.WiFi.', '')), 9005);
    assert.equal(faultOf(m.addObject('Device.WiFi.SSID.1.', '')), 9005);
    assert.equal(faultOf(m.addObject('Device.WiFi.SSID', '')), 9005);
    assert.equal(faultOf(m.addObject('Device.Hosts.Host.', '')), 9001);
    assert.equal(faultOf(m.deleteObject('Device.Hosts.Host.1.', '')), 9001);
    assert.equal(faultOf(m.deleteObject('Device.WiFi.SSID.', '')), 9005);
    assert.equal(faultOf(m.deleteObject('Device.WiFi.SSID.7.', '')), 9005);
    for (let i = 0; i < 6; i += 1) valueOk(m.addObject('Device.WiFi.SSID.', ''));
    assert.equal(faultOf(m.addObject('Device.WiFi.SSID.', '')), 9004);
    assert.equal(m.get('Device.ManagementServer.ParameterKey'), '');
  });
});

describe('data model: the device side', () => {
  it('lists the forced inform parameters', () => {
    assert.deepEqual(model().informParameterNames(), [
      'Device.RootDataModelVersion',
      'Device.DeviceInfo.HardwareVersion',
      'Device.DeviceInfo.SoftwareVersion',
      'Device.DeviceInfo.ProvisioningCode',
      'Device.ManagementServer.ParameterKey',
      'Device.ManagementServer.ConnectionRequestURL',
    ]);
  });

  it('changes read-only values locally but still checks their type', () => {
    const m = model();
    assert.deepEqual(valueOk(m.setLocal('Device.ManagementServer.ConnectionRequestURL', 'http://127.0.0.1:1/x')), { changed: true });
    assert.deepEqual(valueOk(m.setLocal('Device.ManagementServer.ConnectionRequestURL', 'http://127.0.0.1:1/x')), { changed: false });
    assert.equal(faultOf(m.setLocal('Device.WiFi.SSID.1.Enable', 'perhaps')), 9007);
    assert.equal(faultOf(m.setLocal('Device.DeviceInfo.UpTime', '1')), 9008);
  });

  it('adds hosts the ACS could not add', () => {
    const m = model();
    assert.equal(valueOk(m.addInstance('Device.Hosts.Host.', { HostName: 'laptop', IPAddress: '192.168.1.50' })), 3);
    assert.equal(m.get('Device.Hosts.Host.3.HostName'), 'laptop');
    valueOk(m.deleteInstance('Device.Hosts.Host.1.'));
    assert.equal(m.get('Device.Hosts.HostNumberOfEntries'), '2');
  });

  it('goes back to the factory contents on reset', () => {
    const m = model();
    valueOk(m.setParameterValues([{ name: 'Device.WiFi.SSID.1.SSID', value: 'changed', type: 'string' }], 'k'));
    valueOk(m.addObject('Device.WiFi.SSID.', ''));
    m.reset();
    assert.equal(m.get('Device.WiFi.SSID.1.SSID'), 'Fleetlog-0001');
    assert.equal(m.get('Device.WiFi.SSIDNumberOfEntries'), '2');
    assert.equal(m.get('Device.ManagementServer.ParameterKey'), '');
  });
});

describe('data model: TR-098 flavour', () => {
  it('serves InternetGatewayDevice with the same operations', () => {
    const m = createDataModel(tr098Definition(identity, management), { now: () => 0 });
    assert.equal(m.rootName, 'InternetGatewayDevice');
    assert.equal(m.get('InternetGatewayDevice.DeviceInfo.ManufacturerOUI'), '00D09E');
    assert.equal(m.get('InternetGatewayDevice.LANDevice.1.LANWLANConfigurationNumberOfEntries'), '1');
    assert.equal(valueOk(m.addObject('InternetGatewayDevice.LANDevice.1.WLANConfiguration.', '')), 2);
    assert.ok(m.informParameterNames().includes('InternetGatewayDevice.ManagementServer.ConnectionRequestURL'));
    assert.equal(faultOf(m.getParameterValues(['Device.DeviceInfo.SerialNumber'])), 9005);
  });
});
