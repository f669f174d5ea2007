import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { interpretNotify, interpretResponse, isNotifyMsg, isResponseMsg, notifyResp } from '@fleetlog/usp';
import type { Notify, UspBody, UspMsg } from '@fleetlog/usp';
import { settings } from '../testing/requests.js';
import { startTestController } from '../testing/test-controller.js';
import type { ControllerInboxEntry, TestController } from '../testing/test-controller.js';
import { createUspAgentFleet } from './fleet.js';
import { createUspAgent } from './usp-agent.js';
import type { UspAgent } from './usp-agent.js';

// Integration: the real Mosquitto of the local stack; this test plays the controller.
const brokerUrl = process.env['FLEETLOG_MQTT_URL'] ?? 'mqtt://127.0.0.1:1883';
const run = `${process.pid}-${Date.now() % 100_000}`;
const tenantId = `it-${run}`;
const fast = { notifyRetryMs: 400, rebootDelayMs: 300, operationMs: 200, seed: 11 };

const addressOf = (agent: UspAgent) => ({ endpointId: agent.endpointId, topic: agent.topics.agent });
const notifyOf = (entry: ControllerInboxEntry): UspMsg<Notify> | undefined => (entry.msg !== undefined && isNotifyMsg(entry.msg) ? entry.msg : undefined);
const isBoot = (entry: ControllerInboxEntry) => {
  const notify = notifyOf(entry);
  return notify?.body.notification.type === 'event' && notify.body.notification.eventName === 'Boot!';
};
const bodyOf = <T extends UspBody['type']>(msg: UspMsg, type: T): Extract<UspBody, { type: T }> => {
  assert.equal(msg.body.type, type, JSON.stringify(msg.body));
  return msg.body as Extract<UspBody, { type: T }>;
};
const outcomeOf = (msg: UspMsg) => {
  assert.ok(isResponseMsg(msg), msg.body.type);
  return interpretResponse(msg);
};
const objectsOf = (msg: UspMsg): string[] => {
  const outcome = outcomeOf(msg);
  assert.equal(outcome.status, 'succeeded', JSON.stringify(outcome));
  return outcome.status === 'succeeded' ? outcome.objects : [];
};

describe('USP agent against a controller on the real broker (MQTT 5)', () => {
  let controller: TestController;
  let agent: UspAgent;
  let firstBoot: ControllerInboxEntry;

  before(async () => {
    controller = await startTestController({ brokerUrl, tenantId });
    agent = createUspAgent({ brokerUrl, tenantId, endpointId: `proto::it-${run}-v5`, ...fast });
    await agent.start();
  });
  after(async () => {
    await agent.stop();
    await controller.close();
  });

  it('announces itself with an mqtt_connect Record, then Boot!, to its controller topic with the Response Topic property', async () => {
    const connect = await controller.waitFor((e) => e.record.recordType.type === 'mqttConnect');
    assert.equal(connect.topic, `usp/controller/${tenantId}/${agent.endpointId}`);
    assert.deepEqual(connect.record.recordType, { type: 'mqttConnect', version: 'V5', subscribedTopic: `usp/agent/${agent.endpointId}` });
    assert.deepEqual([connect.record.fromId, connect.record.toId], [agent.endpointId, 'proto::fleetlog-controller']);
    firstBoot = await controller.waitFor(isBoot);
    assert.ok(firstBoot.index > connect.index);
    assert.deepEqual([firstBoot.responseTopic, firstBoot.contentType], [`usp/agent/${agent.endpointId}`, 'usp.msg']);
    const notify = notifyOf(firstBoot);
    assert.ok(notify);
    const boot = interpretNotify(notify);
    assert.equal(boot.type, 'boot');
    assert.equal(boot.subscriptionId, 'boot-sub');
    assert.equal(boot.sendResp, true);
    if (boot.type !== 'boot') return;
    assert.deepEqual([boot.cause, boot.commandKey, boot.firmwareUpdated, boot.problems], ['LocalReboot', '', false, []]);
    assert.ok(boot.parameters.some((p) => p.path === 'Device.DeviceInfo.SerialNumber' && p.value === `it-${run}-v5`));
    assert.equal(agent.online, true);
  });

  it('sends Boot! again with the same msg_id until one NotifyResp arrives', async () => {
    const bootMsgId = firstBoot.msg?.msgId;
    const retried = await controller.waitFor((e) => e.index > firstBoot.index && e.msg?.msgId === bootMsgId);
    assert.ok(isBoot(retried));
    const notify = notifyOf(firstBoot);
    assert.ok(notify);
    await controller.send(addressOf(agent), notifyResp(notify));
    await agent.waitFor(() => agent.pendingNotifies.length === 0);
    assert.equal(agent.notifyResps, 1);
    // A retry counts once the broker took it, which may come after the controller saw it.
    await agent.waitFor(() => agent.notifyRetries >= 1);
  });

  it('answers Get with parameters, partial paths, wildcards and per-path errors', async () => {
    const answer = await controller.request(addressOf(agent), {
      type: 'Get',
      paramPaths: ['Device.DeviceInfo.SerialNumber', 'Device.WiFi.SSID.*.SSID', 'Device.LocalAgent.', 'Device.Nope.'],
      maxDepth: 0,
    });
    const results = bodyOf(answer, 'GetResp').reqPathResults;
    assert.deepEqual(
      results.map((r) => r.errCode),
      [0, 0, 0, 7026],
    );
    assert.deepEqual(results[0]?.resolvedPathResults, [{ resolvedPath: 'Device.DeviceInfo.', resultParams: { SerialNumber: `it-${run}-v5` } }]);
    assert.equal(results[1]?.resolvedPathResults.length, 2);
    assert.ok(results[2]?.resolvedPathResults.some((r) => r.resolvedPath === 'Device.LocalAgent.Subscription.1.' && r.resultParams['ID'] === 'boot-sub'));
    const outcome = outcomeOf(answer);
    assert.equal(outcome.status, 'partial');
  });

  it('answers Set, Add, GetInstances and Delete, changing its data model', async () => {
    const set = await controller.request(addressOf(agent), {
      type: 'Set',
      allowPartial: true,
      updateObjs: [
        { objPath: 'Device.WiFi.SSID.1.', paramSettings: [{ param: 'SSID', value: 'fleet-home', required: true }] },
        { objPath: 'Device.DeviceInfo.', paramSettings: [{ param: 'SerialNumber', value: 'x', required: true }] },
      ],
    });
    const setOutcome = outcomeOf(set);
    assert.equal(setOutcome.status, 'partial');
    assert.deepEqual(
      setOutcome.status === 'partial' ? setOutcome.failures.map((f) => [f.path, f.errCode]) : [],
      [
        ['Device.DeviceInfo.', 7021],
        ['Device.DeviceInfo.SerialNumber', 7013],
      ],
    );
    assert.equal(agent.model.get('Device.WiFi.SSID.1.SSID'), 'fleet-home');

    const add = await controller.request(addressOf(agent), {
      type: 'Add',
      allowPartial: false,
      createObjs: [{ objPath: 'Device.WiFi.SSID.', paramSettings: [{ param: 'SSID', value: 'guest', required: true }] }],
    });
    const created = bodyOf(add, 'AddResp').createdObjResults[0]?.operStatus;
    assert.equal(created?.type === 'operSuccess' && created.instantiatedPath, 'Device.WiFi.SSID.3.');
    assert.equal(created?.type === 'operSuccess' && created.uniqueKeys['Alias'], 'cpe-3');

    const instances = await controller.request(addressOf(agent), { type: 'GetInstances', objPaths: ['Device.WiFi.SSID.'], firstLevelOnly: true });
    assert.deepEqual(objectsOf(instances), ['Device.WiFi.SSID.1.', 'Device.WiFi.SSID.2.', 'Device.WiFi.SSID.3.']);

    const deleted = await controller.request(addressOf(agent), { type: 'Delete', allowPartial: false, objPaths: ['Device.WiFi.SSID.[SSID=="guest"].'] });
    assert.deepEqual(objectsOf(deleted), ['Device.WiFi.SSID.3.']);
    assert.equal(agent.model.get('Device.WiFi.SSIDNumberOfEntries'), '2');

    const refused = await controller.request(addressOf(agent), {
      type: 'Set',
      allowPartial: false,
      updateObjs: [{ objPath: 'Device.WiFi.SSID.9.', paramSettings: [{ param: 'SSID', value: 'x', required: true }] }],
    });
    assert.equal(bodyOf(refused, 'Error').errCode, 7016);
  });

  it('describes its data model and protocol versions', async () => {
    const dm = await controller.request(addressOf(agent), {
      type: 'GetSupportedDM',
      objPaths: ['Device.'],
      firstLevelOnly: false,
      returnCommands: true,
      returnEvents: true,
      returnParams: true,
      returnUniqueKeySets: true,
    });
    const objects = bodyOf(dm, 'GetSupportedDMResp').reqObjResults[0]?.supportedObjs ?? [];
    assert.ok(objects.some((o) => o.supportedObjPath === 'Device.WiFi.SSID.{i}.' && o.isMultiInstance));
    assert.ok(objects.some((o) => o.supportedCommands.some((c) => c.commandName === 'IPPing()' && c.commandType === 'CMD_ASYNC')));
    const protocol = await controller.request(addressOf(agent), { type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' });
    assert.equal(bodyOf(protocol, 'GetSupportedProtocolResp').agentSupportedProtocolVersions, '1.3,1.4');
  });

  it('runs a sync command, and an async one whose result comes in an OperationComplete Notify', async () => {
    const reset = await controller.request(addressOf(agent), { type: 'Operate', command: 'Device.IP.Interface.*.Reset()', commandKey: 'r-1', sendResp: true, inputArgs: {} });
    assert.deepEqual(
      bodyOf(reset, 'OperateResp').operationResults.map((r) => [r.executedCommand, r.operationResp.type]),
      [
        ['Device.IP.Interface.1.Reset()', 'reqOutputArgs'],
        ['Device.IP.Interface.2.Reset()', 'reqOutputArgs'],
      ],
    );

    const since = controller.inbox.length;
    const ping = await controller.request(addressOf(agent), {
      type: 'Operate',
      command: 'Device.IP.Diagnostics.IPPing()',
      commandKey: 'ping-1',
      sendResp: true,
      inputArgs: { Host: 'example.com', NumberOfRepetitions: '2' },
    });
    const pending = outcomeOf(ping);
    assert.equal(pending.status, 'succeeded');
    assert.deepEqual(pending.status === 'succeeded' && pending.pending, [{ command: 'Device.IP.Diagnostics.IPPing()', requestObjPath: 'Device.LocalAgent.Request.1.' }]);
    const completion = await controller.waitFor((e) => notifyOf(e)?.body.notification.type === 'operComplete', { since });
    const notify = notifyOf(completion);
    assert.ok(notify);
    const complete = interpretNotify(notify);
    assert.equal(complete.type, 'operationComplete');
    if (complete.type !== 'operationComplete') return;
    assert.deepEqual([complete.objPath, complete.commandName, complete.commandKey, complete.sendResp], ['Device.IP.Diagnostics.', 'IPPing()', 'ping-1', true]);
    assert.equal(complete.result.status === 'succeeded' && complete.result.outputArgs['SuccessCount'], '2');
    assert.equal(agent.model.get('Device.LocalAgent.RequestNumberOfEntries'), '0');
    await controller.send(addressOf(agent), notifyResp(notify));
    await agent.waitFor(() => agent.pendingNotifies.length === 0);
  });

  it('notifies ValueChange for a subscribed parameter the device changes', async () => {
    const subscribed = await controller.request(addressOf(agent), {
      type: 'Add',
      allowPartial: false,
      createObjs: [
        {
          objPath: 'Device.LocalAgent.Subscription.',
          paramSettings: settings({ Enable: 'true', ID: 'vc-1', NotifType: 'ValueChange', ReferenceList: 'Device.WiFi.SSID.1.SSID' }),
        },
      ],
    });
    assert.equal(outcomeOf(subscribed).status, 'succeeded');
    const since = controller.inbox.length;
    agent.changeValue('Device.WiFi.SSID.1.SSID', 'changed-on-device');
    const change = await controller.waitFor((e) => notifyOf(e)?.body.subscriptionId === 'vc-1', { since });
    assert.deepEqual(notifyOf(change)?.body.notification, { type: 'valueChange', paramPath: 'Device.WiFi.SSID.1.SSID', paramValue: 'changed-on-device' });
    assert.equal(notifyOf(change)?.body.sendResp, false);
  });

  it('ignores and counts records that are undecodable, for another agent, or from an unknown controller', async () => {
    const before = agent.ignored.length;
    const get = { msgId: 'ignored-1', body: { type: 'Get' as const, paramPaths: ['Device.'], maxDepth: 1 } };
    await controller.publishRaw(agent.topics.agent, new Uint8Array([0xff, 0x01, 0x02]));
    await controller.send(addressOf(agent), get, { toId: 'proto::someone-else' });
    await controller.send(addressOf(agent), get, { fromId: 'proto::rogue-controller' });
    await agent.waitFor(() => agent.ignored.length >= before + 3);
    assert.deepEqual(
      agent.ignored.slice(before).map((i) => i.reason),
      ['undecodable-record', 'not-for-this-agent', 'unknown-controller'],
    );
    assert.equal(controller.inbox.some((e) => e.msg?.msgId === 'ignored-1'), false);
  });

  it('injects faults: an Error for the next request, a lost answer, a late one', async () => {
    agent.setFaults({ error: { errCode: 7002, errMsg: 'busy', times: 1 } });
    const refused = await controller.request(addressOf(agent), { type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' });
    assert.deepEqual([bodyOf(refused, 'Error').errCode, bodyOf(refused, 'Error').errMsg], [7002, 'busy']);
    const fine = await controller.request(addressOf(agent), { type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' });
    assert.equal(fine.body.type, 'GetSupportedProtocolResp');

    agent.setFaults({ drop: { only: ['Set'], times: 1 } });
    const since = controller.inbox.length;
    await controller.send(addressOf(agent), { msgId: 'dropped-1', body: { type: 'Set', allowPartial: true, updateObjs: [{ objPath: 'Device.Time.', paramSettings: [{ param: 'NTPServer1', value: 'ntp.dropped', required: true }] }] } });
    // Answers go out in the order requests arrive: the Get's answer comes after the Set's would have.
    await controller.request(addressOf(agent), { type: 'Get', paramPaths: ['Device.Time.NTPServer1'], maxDepth: 0 });
    assert.equal(controller.inbox.slice(since).some((e) => e.msg?.msgId === 'dropped-1'), false);
    assert.equal(agent.model.get('Device.Time.NTPServer1'), 'ntp.dropped');

    agent.setFaults({ delayMs: 100 });
    const late = await controller.request(addressOf(agent), { type: 'Get', paramPaths: ['Device.Time.NTPServer1'], maxDepth: 0 });
    assert.equal(bodyOf(late, 'GetResp').reqPathResults[0]?.resolvedPathResults[0]?.resultParams['NTPServer1'], 'ntp.dropped');
    agent.setFaults({});
  });

  it('reboots on Device.Reboot(): answers, reconnects and sends Boot! with RemoteReboot and the command key', async () => {
    const since = controller.inbox.length;
    const answer = await controller.request(addressOf(agent), { type: 'Operate', command: 'Device.Reboot()', commandKey: 'reboot-42', sendResp: true, inputArgs: {} });
    assert.equal(outcomeOf(answer).status, 'succeeded');
    const reconnect = await controller.waitFor((e) => e.record.recordType.type === 'mqttConnect', { since });
    const boot = await controller.waitFor(isBoot, { since: reconnect.index });
    const notify = notifyOf(boot);
    assert.ok(notify);
    const parsed = interpretNotify(notify);
    assert.deepEqual(parsed.type === 'boot' && [parsed.cause, parsed.commandKey], ['RemoteReboot', 'reboot-42']);
    assert.equal(agent.boots, 2);
    // The ValueChange subscription was not Persistent: it did not survive the reboot.
    assert.equal(agent.model.get('Device.LocalAgent.SubscriptionNumberOfEntries'), '2');
    await controller.send(addressOf(agent), notifyResp(notify));
    await agent.waitFor(() => agent.pendingNotifies.length === 0);
    // The first Boot! stopped being retried once answered, reboots and all.
    const firstBootCopies = controller.inbox.filter((e) => e.msg?.msgId === firstBoot.msg?.msgId).length;
    assert.ok(firstBootCopies >= 2 && firstBootCopies <= 1 + agent.notifyRetries, `${firstBootCopies} copies`);
  });

  it('comes back with its factory data model after Device.FactoryReset()', async () => {
    assert.notEqual(agent.model.get('Device.WiFi.SSID.1.SSID'), `Fleetlog-${agent.endpointId.slice(-6)}`);
    const since = controller.inbox.length;
    await controller.send(addressOf(agent), { msgId: 'reset-1', body: { type: 'Operate', command: 'Device.FactoryReset()', commandKey: 'reset-1', sendResp: false, inputArgs: {} } });
    const boot = await controller.waitFor(isBoot, { since });
    const notify = notifyOf(boot);
    assert.ok(notify);
    const parsed = interpretNotify(notify);
    assert.deepEqual(parsed.type === 'boot' && [parsed.cause, parsed.commandKey], ['RemoteFactoryReset', 'reset-1']);
    // send_resp false: no OperateResp.
    assert.equal(controller.inbox.slice(since).some((e) => e.msg?.msgId === 'reset-1'), false);
    assert.equal(agent.model.get('Device.WiFi.SSID.1.SSID'), `Fleetlog-${agent.endpointId.slice(-6)}`);
    await controller.send(addressOf(agent), notifyResp(notify));
  });
});

describe('USP agent over MQTT 3.1.1', () => {
  it('carries its topic in /reply-to= and answers requests sent there', async () => {
    const controller = await startTestController({ brokerUrl, tenantId });
    const agent = createUspAgent({ brokerUrl, tenantId, endpointId: `proto::it-${run}-v311`, mqttVersion: 4, ...fast });
    try {
      await agent.start();
      const boot = await controller.waitFor((e) => isBoot(e) && e.record.fromId === agent.endpointId);
      assert.equal(boot.topic, `usp/controller/${tenantId}/${agent.endpointId}/reply-to=usp%2Fagent%2F${agent.endpointId}`);
      assert.equal(boot.responseTopic, undefined);
      assert.equal(boot.replyTo, agent.topics.agent);
      const connect = await controller.waitFor((e) => e.record.recordType.type === 'mqttConnect' && e.record.fromId === agent.endpointId);
      assert.equal(connect.record.recordType.type === 'mqttConnect' && connect.record.recordType.version, 'V3_1_1');
      const answer = await controller.request({ endpointId: agent.endpointId, topic: boot.replyTo ?? '' }, { type: 'Get', paramPaths: ['Device.LocalAgent.EndpointID'], maxDepth: 0 });
      assert.deepEqual(bodyOf(answer, 'GetResp').reqPathResults[0]?.resolvedPathResults[0]?.resultParams, { EndpointID: agent.endpointId });
    } finally {
      await agent.stop();
      await controller.close();
    }
  });
});

describe('USP agent fleet', () => {
  it('brings many agents online under distinct endpoint ids, each with its own Boot!', async () => {
    const controller = await startTestController({ brokerUrl, tenantId });
    const fleet = createUspAgentFleet({ count: 3, endpointIdPrefix: `proto::it-${run}-fleet-`, staggerMs: 5, brokerUrl, tenantId, ...fast });
    try {
      await fleet.start();
      assert.deepEqual(
        fleet.agents.map((a) => a.endpointId),
        [1, 2, 3].map((i) => `proto::it-${run}-fleet-00000${i}`),
      );
      for (const agent of fleet.agents) await controller.waitFor((e) => isBoot(e) && e.record.fromId === agent.endpointId);
      const second = fleet.byEndpointId(`proto::it-${run}-fleet-000002`);
      assert.ok(second?.online);
      const since = controller.inbox.length;
      await second.reboot();
      const boot = await controller.waitFor((e) => isBoot(e) && e.record.fromId === second.endpointId, { since });
      const notify = notifyOf(boot);
      assert.equal(notify && interpretNotify(notify).type === 'boot' && notify.body.notification.type === 'event' && notify.body.notification.params['Cause'], 'LocalReboot');
    } finally {
      await fleet.stop();
      await controller.close();
    }
  });
});
