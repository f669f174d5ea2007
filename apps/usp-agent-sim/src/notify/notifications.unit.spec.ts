import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testModel } from '../testing/fixtures.js';
import { answerOf, ask, settings } from '../testing/requests.js';
import { notificationsOf } from './notifications.js';
import { knownControllers, subscriptionsFor } from './subscriptions.js';

const ids = () => {
  let n = 0;
  return () => `n-${++n}`;
};

const subscribe = (model: ReturnType<typeof testModel>, notifType: string, referenceList: string, notifRetry = 'false') =>
  answerOf(
    ask(model, {
      type: 'Add',
      allowPartial: false,
      createObjs: [
        {
          objPath: 'Device.LocalAgent.Subscription.',
          paramSettings: settings({ Enable: 'true', ID: `${notifType}-sub`, NotifType: notifType, ReferenceList: referenceList, NotifRetry: notifRetry }),
        },
      ],
    }),
    'AddResp',
  );

describe('notifications', () => {
  it('announces Boot! to the factory Boot! subscription with cause, command key and ParameterMap', () => {
    const model = testModel();
    const [boot, ...others] = notificationsOf(model, { type: 'booted', cause: 'RemoteReboot', commandKey: 'ck-9', firmwareUpdated: false }, ids());
    assert.equal(others.length, 0);
    assert.deepEqual(boot, {
      msgId: 'n-1',
      body: {
        type: 'Notify',
        subscriptionId: 'boot-sub',
        sendResp: true,
        notification: {
          type: 'event',
          objPath: 'Device.',
          eventName: 'Boot!',
          params: {
            Cause: 'RemoteReboot',
            CommandKey: 'ck-9',
            FirmwareUpdated: 'false',
            ParameterMap: JSON.stringify({
              'Device.DeviceInfo.ManufacturerOUI': 'F1EE70',
              'Device.DeviceInfo.ProductClass': 'FleetlogUspGW',
              'Device.DeviceInfo.SerialNumber': 'usp-test-1',
              'Device.DeviceInfo.SoftwareVersion': '1.0.0',
              'Device.DeviceInfo.HardwareVersion': 'SIM-1',
            }),
          },
        },
      },
    });
  });

  it('sends nothing for a disabled subscription', () => {
    const model = testModel();
    model.setLocal('Device.LocalAgent.Subscription.1.Enable', 'false');
    assert.deepEqual(notificationsOf(model, { type: 'booted', cause: 'LocalReboot', commandKey: '', firmwareUpdated: false }, ids()), []);
  });

  it('tells OperationComplete to the factory subscription, which covers every command', () => {
    const [complete] = notificationsOf(
      testModel(),
      { type: 'operationCompleted', objPath: 'Device.IP.Diagnostics.', commandName: 'IPPing()', commandKey: 'k', result: { type: 'failure', errCode: 7022, errMsg: 'no' } },
      ids(),
    );
    assert.equal(complete?.body.subscriptionId, 'operation-complete-sub');
    assert.deepEqual(complete?.body.notification, {
      type: 'operComplete',
      objPath: 'Device.IP.Diagnostics.',
      commandName: 'IPPing()',
      commandKey: 'k',
      operationResp: { type: 'cmdFailure', errCode: 7022, errMsg: 'no' },
    });
  });

  it('matches ValueChange subscriptions by parameter, partial or search path', () => {
    const model = testModel();
    subscribe(model, 'ValueChange', 'Device.WiFi.SSID.1.SSID, Device.DeviceInfo., Device.IP.Interface.[Name==lan].Status');
    const covered = (path: string) => subscriptionsFor(model, 'ValueChange', path).map((s) => s.id);
    assert.deepEqual(covered('Device.WiFi.SSID.1.SSID'), ['ValueChange-sub']);
    assert.deepEqual(covered('Device.DeviceInfo.ProvisioningCode'), ['ValueChange-sub']);
    assert.deepEqual(covered('Device.IP.Interface.2.Status'), ['ValueChange-sub']);
    assert.deepEqual(covered('Device.IP.Interface.1.Status'), []);
    assert.deepEqual(covered('Device.WiFi.SSID.2.SSID'), []);
    const [change] = notificationsOf(model, { type: 'valueChanged', path: 'Device.WiFi.SSID.1.SSID', value: 'new' }, ids());
    assert.deepEqual(change?.body, { type: 'Notify', subscriptionId: 'ValueChange-sub', sendResp: false, notification: { type: 'valueChange', paramPath: 'Device.WiFi.SSID.1.SSID', paramValue: 'new' } });
  });

  it('tells ObjectCreation and ObjectDeletion to subscriptions on the table', () => {
    const model = testModel();
    subscribe(model, 'ObjectCreation', 'Device.WiFi.SSID.', 'true');
    subscribe(model, 'ObjectDeletion', 'Device.WiFi.SSID.');
    const [created] = notificationsOf(model, { type: 'objectCreated', path: 'Device.WiFi.SSID.3.', uniqueKeys: { Alias: 'cpe-3' } }, ids());
    assert.deepEqual([created?.body.subscriptionId, created?.body.sendResp, created?.body.notification], [
      'ObjectCreation-sub',
      true,
      { type: 'objCreation', objPath: 'Device.WiFi.SSID.3.', uniqueKeys: { Alias: 'cpe-3' } },
    ]);
    const [deleted] = notificationsOf(model, { type: 'objectDeleted', path: 'Device.WiFi.SSID.3.' }, ids());
    assert.deepEqual(deleted?.body.notification, { type: 'objDeletion', objPath: 'Device.WiFi.SSID.3.' });
  });

  it('knows the enabled controllers', () => {
    const model = testModel();
    assert.deepEqual(knownControllers(model), ['proto::fleetlog-controller']);
    model.setLocal('Device.LocalAgent.Controller.1.Enable', 'false');
    assert.deepEqual(knownControllers(model), []);
  });
});
