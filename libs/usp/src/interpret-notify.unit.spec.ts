import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { interpretNotify } from './interpret-notify.js';
import type { Notification, Notify, StringMap, UspMsg } from './messages.js';
import { isNotifyMsg } from './messages.js';

const notify = (notification: Notification, sendResp = true): UspMsg<Notify> => ({
  msgId: 'n-1',
  body: { type: 'Notify', subscriptionId: 'boot-sub', sendResp, notification },
});
const base = { msgId: 'n-1', subscriptionId: 'boot-sub', sendResp: true };
const boot = (params: StringMap) => interpretNotify(notify({ type: 'event', objPath: 'Device.', eventName: 'Boot!', params }));

describe('interpretNotify: Boot!', () => {
  it('reads the TR-181 Boot! arguments: Cause, CommandKey, FirmwareUpdated and ParameterMap', () => {
    const params = {
      CommandKey: 'reboot-42',
      Cause: 'RemoteReboot',
      FirmwareUpdated: 'true',
      ParameterMap: JSON.stringify({ 'Device.DeviceInfo.SoftwareVersion': '2.1.0', 'Device.DeviceInfo.UpTime': '12' }),
    };
    assert.deepEqual(boot(params), {
      ...base,
      type: 'boot',
      objPath: 'Device.',
      cause: 'RemoteReboot',
      commandKey: 'reboot-42',
      firmwareUpdated: true,
      parameters: [
        { path: 'Device.DeviceInfo.SoftwareVersion', value: '2.1.0' },
        { path: 'Device.DeviceInfo.UpTime', value: '12' },
      ],
      problems: [],
      params,
    });
  });

  it('an ordinary boot: LocalReboot, no command key, firmware unchanged, 0/1 accepted as booleans', () => {
    const result = boot({ Cause: 'LocalReboot', CommandKey: '', FirmwareUpdated: '0', ParameterMap: '{}' });
    assert.equal(result.type, 'boot');
    if (result.type !== 'boot') return;
    assert.deepEqual([result.cause, result.commandKey, result.firmwareUpdated, result.parameters, result.problems], ['LocalReboot', '', false, [], []]);
    const updated = boot({ Cause: 'LocalFactoryReset', FirmwareUpdated: '1' });
    assert.ok(updated.type === 'boot' && updated.firmwareUpdated && updated.cause === 'LocalFactoryReset');
  });

  it('reads a malformed Boot! leniently and says what was wrong', () => {
    const notJson = boot({ Cause: 'RemoteReboot', FirmwareUpdated: 'yes', ParameterMap: '{"Device.A": ' });
    assert.ok(notJson.type === 'boot');
    assert.deepEqual(notJson.problems, ['FirmwareUpdated "yes" is not a boolean; read as false', 'ParameterMap is not JSON']);
    assert.equal(notJson.firmwareUpdated, false);
    const mixed = boot({ ParameterMap: JSON.stringify({ 'Device.A': 1, 'Device.B': true, 'Device.C': { x: 1 }, 'Device.D': null }) });
    assert.ok(mixed.type === 'boot');
    assert.deepEqual(mixed.parameters, [
      { path: 'Device.A', value: '1' },
      { path: 'Device.B', value: 'true' },
    ]);
    assert.deepEqual(mixed.problems, ['ParameterMap value of "Device.C" is not a string', 'ParameterMap value of "Device.D" is not a string']);
    const array = boot({ ParameterMap: '[1,2]' });
    assert.ok(array.type === 'boot');
    assert.deepEqual(array.problems, ['ParameterMap is not a JSON object']);
    assert.deepEqual(array.cause, '');
  });
});

describe('interpretNotify: other notifications', () => {
  it('other events stay events', () => {
    assert.deepEqual(interpretNotify(notify({ type: 'event', objPath: 'Device.LocalAgent.', eventName: 'Periodic!', params: {} })), {
      ...base,
      type: 'event',
      objPath: 'Device.LocalAgent.',
      eventName: 'Periodic!',
      params: {},
    });
  });

  it('ValueChange, ObjectCreation, ObjectDeletion', () => {
    assert.deepEqual(interpretNotify(notify({ type: 'valueChange', paramPath: 'Device.WiFi.SSID.1.SSID', paramValue: 'home' }, false)), {
      ...base,
      sendResp: false,
      type: 'valueChange',
      path: 'Device.WiFi.SSID.1.SSID',
      value: 'home',
    });
    assert.deepEqual(interpretNotify(notify({ type: 'objCreation', objPath: 'Device.NAT.PortMapping.4.', uniqueKeys: { Alias: 'cpe-4' } })), {
      ...base,
      type: 'objectCreation',
      objPath: 'Device.NAT.PortMapping.4.',
      uniqueKeys: { Alias: 'cpe-4' },
    });
    assert.deepEqual(interpretNotify(notify({ type: 'objDeletion', objPath: 'Device.NAT.PortMapping.4.' })), {
      ...base,
      type: 'objectDeletion',
      objPath: 'Device.NAT.PortMapping.4.',
    });
  });

  it('OperationComplete with output arguments or a command failure', () => {
    const complete = { type: 'operComplete', objPath: 'Device.', commandName: 'Reboot()', commandKey: 'reboot-42' } as const;
    assert.deepEqual(interpretNotify(notify({ ...complete, operationResp: { type: 'reqOutputArgs', outputArgs: { Note: 'ok' } } })), {
      ...base,
      type: 'operationComplete',
      objPath: 'Device.',
      commandName: 'Reboot()',
      commandKey: 'reboot-42',
      result: { status: 'succeeded', outputArgs: { Note: 'ok' } },
    });
    const failed = interpretNotify(notify({ ...complete, operationResp: { type: 'cmdFailure', errCode: 7022, errMsg: 'Command failure' } }));
    assert.ok(failed.type === 'operationComplete');
    assert.deepEqual(failed.result, { status: 'failed', errCode: 7022, errMsg: 'Command failure' });
  });

  it('OnBoardRequest with its versions as a list', () => {
    const request = interpretNotify(
      notify({ type: 'onBoardReq', oui: '00D09E', productClass: 'Gateway', serialNumber: 'SN1', agentSupportedProtocolVersions: '1.2, 1.3,1.4' }),
    );
    assert.deepEqual(request, {
      ...base,
      type: 'onBoardRequest',
      oui: '00D09E',
      productClass: 'Gateway',
      serialNumber: 'SN1',
      agentSupportedProtocolVersions: ['1.2', '1.3', '1.4'],
    });
  });

  it('isNotifyMsg picks Notify out of the Msgs', () => {
    assert.equal(isNotifyMsg(notify({ type: 'objDeletion', objPath: 'Device.X.1.' })), true);
    assert.equal(isNotifyMsg({ msgId: 'm', body: { type: 'NotifyResp', subscriptionId: 's' } }), false);
  });
});
