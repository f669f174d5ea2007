import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { silentLogger, type AnyEvent, type CommandEvent, type DeviceEventReported, type IngressRejected } from '@fleetlog/events';
import { sampleCommandRequested } from '@fleetlog/events/testing';
import { createCommandQueue } from '@fleetlog/platform';
import { decodeMsg, decodeRecord, DEFAULT_USP_LIMITS, encodeRecord, mqttConnectRecord, noSessionRecord, disconnectRecord, type UspBody, type UspMsg } from '@fleetlog/usp';
import { createMemoryAgentDirectory } from './agents.js';
import { createController, type Outgoing } from './controller.js';
import { parseControllerTopic } from './topics.js';

const CONTROLLER = 'proto::fleetlog-controller';
const AGENT = 'os::00D09E-UNIT0001';
const TENANT = 'acme';
const TOPIC = `usp/controller/${TENANT}/${AGENT}`;
const AGENT_TOPIC = `usp/agent/${AGENT}`;

const setup = () => {
  const published: AnyEvent[] = [];
  const rejects: IngressRejected[] = [];
  const sent: Outgoing[] = [];
  const queue = createCommandQueue('USP');
  const controller = createController({
    endpointId: CONTROLLER,
    topicPrefix: 'usp/controller',
    tenants: new Set([TENANT]),
    agentTopicTemplate: '',
    limits: { ...DEFAULT_USP_LIMITS, maxRecordBytes: 64 * 1024 },
    responseTimeoutMs: 60_000,
    queue,
    agents: createMemoryAgentDirectory(),
    publish: async (events) => void published.push(...events),
    reject: async (e) => void rejects.push(e),
    send: async (out) => void sent.push(out),
    now: Date.now,
    source: { app: 'usp-ingress', instance: 'unit' },
    logger: silentLogger,
  });
  /** What the agent got: the Msgs of the records sent to it. */
  const msgsSent = () =>
    sent.map((o) => {
      const r = decodeRecord(o.payload);
      assert.ok(r.ok && r.value.recordType.type === 'noSessionContext');
      const m = decodeMsg(r.value.recordType.payload);
      assert.ok(m.ok);
      return m.value;
    });
  const fromAgent = (body: UspBody, msgId = `m-${Math.random()}`, opts: { from?: string; to?: string; topic?: string } = {}) =>
    controller.handle({
      topic: opts.topic ?? TOPIC,
      responseTopic: AGENT_TOPIC,
      payload: Buffer.from(encodeRecord(noSessionRecord({ toId: opts.to ?? CONTROLLER, fromId: opts.from ?? AGENT, msg: { msgId, body } as UspMsg }))),
    });
  const connect = () =>
    controller.handle({ topic: TOPIC, responseTopic: AGENT_TOPIC, payload: Buffer.from(encodeRecord(mqttConnectRecord({ toId: CONTROLLER, fromId: AGENT, mqttVersion: 'V5', subscribedTopic: AGENT_TOPIC }))) });
  const command = async (kind: string, args: unknown) => {
    const e = sampleCommandRequested({ tenantId: TENANT, deviceId: AGENT, kind, args, protocol: 'USP' });
    await controller.onCommand(e, true);
    return e.aggregateId;
  };
  const commandEvents = (id: string) => published.filter((e): e is CommandEvent => e.type.startsWith('Command') && 'aggregateId' in e && e.aggregateId === id);
  return { controller, published, rejects, sent, msgsSent, fromAgent, connect, command, commandEvents, queue };
};

describe('USP controller topics', () => {
  it('reads tenant, agent and a 3.1.1 reply-to from the topic, and refuses anything else', () => {
    assert.deepEqual(parseControllerTopic('usp/controller/acme/os::X', 'usp/controller'), { ok: true, value: { tenantId: 'acme', agentId: 'os::X', replyTo: null } });
    assert.deepEqual(parseControllerTopic('usp/controller/acme/os::X/reply-to=usp%2Fagent%2Fos::X', 'usp/controller'), { ok: true, value: { tenantId: 'acme', agentId: 'os::X', replyTo: 'usp/agent/os::X' } });
    for (const bad of ['usp/other/acme/os::X', 'usp/controller/ACME/os::X', 'usp/controller/acme', 'usp/controller/acme/os::X/extra', 'usp/controller/acme/os::X/reply-to=%E0%A4%A']) {
      assert.equal(parseControllerTopic(bad, 'usp/controller').ok, false, bad);
    }
  });
});

describe('USP controller', () => {
  it('registers an agent at its connect record and answers a Boot! Notify once its events are recorded', async () => {
    const t = setup();
    await t.connect();
    assert.deepEqual(t.published.map((e) => e.type), ['DeviceRegistered', 'DeviceWentOnline', 'DeviceEventReported']);
    await t.fromAgent(
      { type: 'Notify', subscriptionId: 'boot', sendResp: true, notification: { type: 'event', objPath: 'Device.', eventName: 'Boot!', params: { Cause: 'LocalReboot', CommandKey: '', FirmwareUpdated: 'false', ParameterMap: '{"Device.DeviceInfo.SoftwareVersion":"2.1"}' } } },
      'boot-1',
    );
    const boot = t.published.find((e): e is DeviceEventReported => e.type === 'DeviceEventReported' && e.payload.name === 'Boot!');
    assert.ok(boot);
    assert.deepEqual(boot.payload.arguments.map((a) => a.name), ['Cause', 'CommandKey', 'FirmwareUpdated', 'ParameterMap']);
    const params = t.published.find((e) => e.type === 'DeviceParametersReported');
    assert.deepEqual((params?.payload as { parameters: { path: string; value: string }[] }).parameters.map((p) => [p.path, p.value]), [['Device.DeviceInfo.SoftwareVersion', '2.1']]);
    const answers = t.msgsSent();
    assert.equal(answers.length, 1);
    assert.equal(answers[0]!.msgId, 'boot-1');
    assert.equal(answers[0]!.body.type, 'NotifyResp');
    assert.equal(t.sent[0]!.topic, AGENT_TOPIC);
    assert.equal(t.sent[0]!.mqtt5, true);
  });

  it('sends a Get with the command id as msg_id, and settles it with the values reported', async () => {
    const t = setup();
    await t.connect();
    const id = await t.command('usp.Get', { paths: ['Device.DeviceInfo.'] });
    const [get] = t.msgsSent();
    assert.equal(get!.msgId, id);
    assert.equal(get!.body.type, 'Get');
    await t.fromAgent({ type: 'GetResp', reqPathResults: [{ requestedPath: 'Device.DeviceInfo.', errCode: 0, errMsg: '', resolvedPathResults: [{ resolvedPath: 'Device.DeviceInfo.', resultParams: { SoftwareVersion: '2.1' } }] }] }, id);
    assert.deepEqual(t.commandEvents(id).map((e) => e.type), ['CommandDispatched', 'CommandSucceeded']);
    const reported = t.published.find((e) => e.type === 'DeviceParametersReported');
    assert.equal(reported?.correlationId, t.commandEvents(id)[0]!.correlationId, 'the values carry the command chain');
  });

  it('fails a command answered with an Error, with the USP error code', async () => {
    const t = setup();
    await t.connect();
    const id = await t.command('usp.Set', { updates: [{ objPath: 'Device.Nope.', params: { X: '1' } }], allowPartial: false });
    await t.fromAgent({ type: 'Error', errCode: 7016, errMsg: 'Object not found', paramErrs: [] }, id);
    const failed = t.commandEvents(id).at(-1)!;
    assert.equal(failed.type, 'CommandFailed');
    assert.equal((failed.payload as { code: string }).code, 'USP_7016');
  });

  it('accepts an asynchronous Operate and settles it with its OperationComplete', async () => {
    const t = setup();
    await t.connect();
    const id = await t.command('usp.Operate', { command: 'Device.IP.Diagnostics.IPPing()', commandKey: 'ping-1', sendResp: true, inputArgs: { Host: '192.0.2.1' } });
    await t.fromAgent({ type: 'OperateResp', operationResults: [{ executedCommand: 'Device.IP.Diagnostics.IPPing()', operationResp: { type: 'reqObjPath', reqObjPath: 'Device.LocalAgent.Request.1.' } }] }, id);
    assert.equal(t.commandEvents(id).at(-1)!.type, 'CommandAccepted');
    await t.fromAgent(
      { type: 'Notify', subscriptionId: 'ops', sendResp: true, notification: { type: 'operComplete', objPath: 'Device.IP.Diagnostics.', commandName: 'IPPing()', commandKey: 'ping-1', operationResp: { type: 'reqOutputArgs', outputArgs: { AverageResponseTime: '12' } } } },
      'oc-1',
    );
    assert.equal(t.commandEvents(id).at(-1)!.type, 'CommandSucceeded');
  });

  it('keeps a command for a disconnected agent until it connects again', async () => {
    const t = setup();
    await t.connect();
    await t.controller.handle({ topic: TOPIC, responseTopic: AGENT_TOPIC, payload: Buffer.from(encodeRecord(disconnectRecord({ toId: CONTROLLER, fromId: AGENT, reason: 'bye', reasonCode: 0 }))) });
    assert.equal(t.published.at(-1)!.type, 'DeviceWentOffline');
    const id = await t.command('usp.GetSupportedProtocol', {});
    assert.equal(t.sent.length, 0);
    await t.connect();
    assert.equal(t.published.filter((e) => e.type === 'DeviceWentOnline').length, 2, 'back online at its connect record');
    assert.deepEqual(t.msgsSent().map((m) => [m.msgId, m.body.type]), [[id, 'GetSupportedProtocol']]);
  });

  it('rejects spoofed, misaddressed, oversized, undecodable and unplaced records with a reason, and keeps going', async () => {
    const t = setup();
    await t.fromAgent({ type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' } as UspBody, 'x', { from: 'os::00D09E-SOMEONE-ELSE' });
    await t.fromAgent({ type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' } as UspBody, 'x', { to: 'proto::another-controller' });
    await t.controller.handle({ topic: TOPIC, payload: Buffer.alloc(100 * 1024, 1) });
    await t.controller.handle({ topic: TOPIC, payload: Buffer.from('definitely not protobuf \u0000\u00ff') });
    await t.controller.handle({ topic: `usp/controller/other-tenant/${AGENT}`, payload: Buffer.from('x') });
    await t.controller.handle({ topic: 'usp/controller/acme', payload: Buffer.from('x') });
    assert.deepEqual(
      t.rejects.map((r) => r.reasonCode),
      ['USP_FROM_ID_SPOOFED', 'USP_RECORD_NOT_FOR_THIS_CONTROLLER', 'USP_RECORD_TOO_LARGE', 'USP_RECORD_UNDECODABLE', 'USP_TENANT_UNKNOWN', 'USP_TOPIC_UNKNOWN'],
    );
    assert.ok(t.rejects.every((r) => r.protocol === 'USP' && r.raw.length > 0));
    assert.equal(t.published.length, 0, 'nothing recorded for the device');
    await t.connect();
    assert.deepEqual(t.published.map((e) => e.type), ['DeviceRegistered', 'DeviceWentOnline', 'DeviceEventReported'], 'the next good record is served');
  });

  it('answers a request from the agent with an Error, and records it', async () => {
    const t = setup();
    await t.connect();
    await t.fromAgent({ type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' } as UspBody, 'req-1');
    assert.equal(t.rejects.at(-1)!.reasonCode, 'USP_REQUEST_UNSUPPORTED');
    const [answer] = t.msgsSent();
    assert.equal(answer!.body.type, 'Error');
    assert.equal((answer!.body as { errCode: number }).errCode, 7001);
  });
});
