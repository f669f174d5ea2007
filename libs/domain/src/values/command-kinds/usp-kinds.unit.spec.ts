import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateCommandArguments } from './validate-command-arguments.js';

const accepts = (kind: string, args: unknown) => {
  const result = validateCommandArguments('USP', kind, args);
  assert.ok(result.ok, `${kind} ${JSON.stringify(args)}: ${JSON.stringify(result)}`);
};

const rejects = (kind: string, args: unknown, expected: string[]) => {
  const result = validateCommandArguments('USP', kind, args);
  assert.ok(!result.ok && result.error.code === 'INVALID_COMMAND_ARGUMENTS', `${kind} ${JSON.stringify(args)} was accepted`);
  assert.deepEqual('problems' in result.error ? result.error.problems : [], expected);
};

describe('USP command kinds', () => {
  it('Get takes paths (search paths included) and an optional max depth', () => {
    accepts('usp.Get', { paths: ['Device.DeviceInfo.', 'Device.IP.Interface.[Name=="eth0"].Status'], maxDepth: 2 });
    rejects('usp.Get', { paths: ['Device IP'] }, ['arguments.paths[0]: must not contain white space outside quoted values']);
    rejects('usp.Get', { paths: [], maxDepth: -1 }, ['arguments.paths: must have at least 1 item', 'arguments.maxDepth: must be an integer from 0 to 4294967295, got -1']);
  });

  it('Set takes object paths with at least one parameter each and allowPartial', () => {
    accepts('usp.Set', { updates: [{ objPath: 'Device.WiFi.SSID.1.', params: { SSID: 'home', Enable: 'true' } }], allowPartial: false });
    rejects('usp.Set', { updates: [{ objPath: 'Device.WiFi.SSID.1', params: {} }] }, [
      'arguments.updates[0].objPath: must name an object (ending in ".")',
      'arguments.updates[0].params: must have at least 1 entry',
      'arguments.allowPartial: is required',
    ]);
    rejects('usp.Set', { updates: [{ objPath: 'Device.WiFi.SSID.1.', params: { 'Bad Name': 'x', Enable: true } }], allowPartial: true }, [
      'arguments.updates[0].params: key "Bad Name" is not a relative name',
      'arguments.updates[0].params.Enable: must be a string, got true',
    ]);
  });

  it('Add creates objects with optional parameters; Delete removes objects', () => {
    accepts('usp.Add', { creates: [{ objPath: 'Device.NAT.PortMapping.' }, { objPath: 'Device.NAT.PortMapping.', params: { Enable: 'true' } }], allowPartial: true });
    rejects('usp.Add', { creates: [], allowPartial: true }, ['arguments.creates: must have at least 1 item']);
    accepts('usp.Delete', { objPaths: ['Device.NAT.PortMapping.3.', 'Device.NAT.PortMapping.[Alias=="x"].'], allowPartial: false });
    rejects('usp.Delete', { objPaths: ['Device.NAT.PortMapping.3.Enable'], allowPartial: false }, ['arguments.objPaths[0]: must name an object (ending in ".")']);
  });

  it('Operate takes a command path, a command key, sendResp and input arguments', () => {
    accepts('usp.Operate', { command: 'Device.Reboot()', commandKey: 'r1', sendResp: true, inputArgs: {} });
    accepts('usp.Operate', { command: 'Device.IP.Diagnostics.IPPing()', commandKey: '', sendResp: true, inputArgs: { Host: '8.8.8.8' } });
    rejects('usp.Operate', { command: 'Device.Reboot', commandKey: 'r1', sendResp: true }, [
      'arguments.command: must name a command, ending in "()"',
      'arguments.inputArgs: is required',
    ]);
  });

  it('GetInstances, GetSupportedDM and GetSupportedProtocol', () => {
    accepts('usp.GetInstances', { objPaths: ['Device.IP.Interface.'], firstLevelOnly: true });
    rejects('usp.GetInstances', { objPaths: ['Device.IP.Interface.'] }, ['arguments.firstLevelOnly: is required']);
    accepts('usp.GetSupportedDM', { objPaths: ['Device.IP.Interface.{i}.'], returnParams: true });
    rejects('usp.GetSupportedDM', { objPaths: ['Device.'], returnParams: 'yes' }, ['arguments.returnParams: must be a boolean, got "yes"']);
    accepts('usp.GetSupportedProtocol', {});
    accepts('usp.GetSupportedProtocol', { controllerSupportedProtocolVersions: '1.2,1.3' });
    rejects('usp.GetSupportedProtocol', { controllerSupportedProtocolVersions: 'latest' }, [
      'arguments.controllerSupportedProtocolVersions: must be a comma-separated list like "1.2,1.3"',
    ]);
  });
});

describe('MQTT command kinds', () => {
  it('Downlink takes any JSON payload', () => {
    for (const payload of [{ relay: 'on' }, 'reboot', 42, [1, 2], null]) {
      assert.ok(validateCommandArguments('MQTT', 'mqtt.Downlink', { payload }).ok, JSON.stringify(payload));
    }
  });

  it('Downlink rejects a missing or non-JSON payload', () => {
    for (const args of [{}, { payload: undefined }, { payload: { at: new Date(0) } }]) {
      const result = validateCommandArguments('MQTT', 'mqtt.Downlink', args);
      assert.ok(!result.ok && result.error.code === 'INVALID_COMMAND_ARGUMENTS');
    }
  });
});
