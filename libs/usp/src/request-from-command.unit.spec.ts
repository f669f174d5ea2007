import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { commandKindsOf, validateCommandArguments } from '@fleetlog/domain';
import type { CommandArguments } from '@fleetlog/domain';
import type { UspRequestBody } from './messages.js';
import { decodeMsg, encodeMsg } from './msg-codec.js';
import { requestFromCommand } from './request-from-command.js';
import type { UspCommandKind } from './request-from-command.js';

// One example per USP command kind, with the request body it must become.
const examples: { [K in UspCommandKind]: { args: CommandArguments<K>; body: UspRequestBody } } = {
  'usp.Get': {
    args: { paths: ['Device.DeviceInfo.', 'Device.IP.Interface.[Name=="eth0"].Status'], maxDepth: 2 },
    body: { type: 'Get', paramPaths: ['Device.DeviceInfo.', 'Device.IP.Interface.[Name=="eth0"].Status'], maxDepth: 2 },
  },
  'usp.Set': {
    args: { updates: [{ objPath: 'Device.WiFi.SSID.1.', params: { SSID: 'home', Enable: 'true' } }], allowPartial: false },
    body: {
      type: 'Set',
      allowPartial: false,
      updateObjs: [
        {
          objPath: 'Device.WiFi.SSID.1.',
          paramSettings: [
            { param: 'SSID', value: 'home', required: true },
            { param: 'Enable', value: 'true', required: true },
          ],
        },
      ],
    },
  },
  'usp.Add': {
    args: { creates: [{ objPath: 'Device.NAT.PortMapping.' }, { objPath: 'Device.NAT.PortMapping.', params: { Enable: 'true' } }], allowPartial: true },
    body: {
      type: 'Add',
      allowPartial: true,
      createObjs: [
        { objPath: 'Device.NAT.PortMapping.', paramSettings: [] },
        { objPath: 'Device.NAT.PortMapping.', paramSettings: [{ param: 'Enable', value: 'true', required: true }] },
      ],
    },
  },
  'usp.Delete': {
    args: { objPaths: ['Device.NAT.PortMapping.3.'], allowPartial: false },
    body: { type: 'Delete', allowPartial: false, objPaths: ['Device.NAT.PortMapping.3.'] },
  },
  'usp.Operate': {
    args: { command: 'Device.IP.Diagnostics.IPPing()', commandKey: 'ping-1', sendResp: true, inputArgs: { Host: '8.8.8.8' } },
    body: { type: 'Operate', command: 'Device.IP.Diagnostics.IPPing()', commandKey: 'ping-1', sendResp: true, inputArgs: { Host: '8.8.8.8' } },
  },
  'usp.GetInstances': {
    args: { objPaths: ['Device.IP.Interface.'], firstLevelOnly: true },
    body: { type: 'GetInstances', objPaths: ['Device.IP.Interface.'], firstLevelOnly: true },
  },
  'usp.GetSupportedDM': {
    args: { objPaths: ['Device.IP.Interface.{i}.'], returnParams: false },
    body: {
      type: 'GetSupportedDM',
      objPaths: ['Device.IP.Interface.{i}.'],
      firstLevelOnly: false,
      returnCommands: true,
      returnEvents: true,
      returnParams: false,
      returnUniqueKeySets: true,
    },
  },
  'usp.GetSupportedProtocol': {
    args: { controllerSupportedProtocolVersions: '1.2,1.3' },
    body: { type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.2,1.3' },
  },
};

const kinds = Object.keys(examples) as UspCommandKind[];

const requestFor = <K extends UspCommandKind>(kind: K, msgId: string) => requestFromCommand(kind, examples[kind].args, msgId);

describe('requestFromCommand', () => {
  it('has an example for every USP kind in the domain catalog', () => {
    assert.deepEqual([...commandKindsOf('USP')].sort(), [...kinds].sort());
  });

  for (const kind of kinds) {
    it(`turns ${kind} into a ${examples[kind].body.type} request that encodes and decodes`, () => {
      const { args, body } = examples[kind];
      assert.ok(validateCommandArguments('USP', kind, args).ok, 'the example is valid for the domain');
      const msg = requestFor(kind, 'cmd-42');
      assert.deepEqual(msg, { msgId: 'cmd-42', body });
      assert.deepEqual(decodeMsg(encodeMsg(msg)), { ok: true, value: msg });
    });
  }

  it('fills what a command leaves out: Get max depth 0 (no limit), GetSupportedProtocol versions from the defaults', () => {
    assert.deepEqual(requestFromCommand('usp.Get', { paths: ['Device.'] }, 'm').body, { type: 'Get', paramPaths: ['Device.'], maxDepth: 0 });
    assert.deepEqual(requestFromCommand('usp.GetSupportedProtocol', {}, 'm').body, { type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' });
    assert.deepEqual(requestFromCommand('usp.GetSupportedProtocol', {}, 'm', { controllerSupportedProtocolVersions: '1.3,1.4' }).body, {
      type: 'GetSupportedProtocol',
      controllerSupportedProtocolVersions: '1.3,1.4',
    });
  });
});
