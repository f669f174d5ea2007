import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import mqtt from 'mqtt';
import { silentLogger, topics, type AnyEvent, type CommandEvent, type DeviceEvent, type DeviceEventReported, type EventProducer, type IngressRejected } from '@fleetlog/events';
import { sampleCommandRequested, testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { createUspAgent, type UspAgent } from '@fleetlog/usp-agent-sim';
import { encodeRecord, noSessionRecord } from '@fleetlog/usp';
import { loadConfig } from './config.js';
import { startIngress, type RunningIngress } from './ingress.js';

// The controller in-process on the real Mosquitto, Kafka and registry, with simulated agents.
const tenant = uniqueTenant();
const controllerId = `proto::fleetlog-test-${randomBytes(4).toString('hex')}`;
const brokerUrl = process.env.FLEETLOG_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe('USP controller with simulated agents', () => {
  const bus = testBus();
  let producer: EventProducer;
  let consumer: ReturnType<typeof bus.consumer>;
  let ingress: RunningIngress;
  const agents: UspAgent[] = [];
  const seen: AnyEvent[] = [];

  const agent = async (n: number, extra: Partial<Parameters<typeof createUspAgent>[0]> = {}) => {
    const a = createUspAgent({ brokerUrl, tenantId: tenant, endpointId: `proto::usp-test-${tenant}-${n}`, controllerId, notifyRetryMs: 1000, rebootDelayMs: 300, operationMs: 300, ...extra });
    agents.push(a);
    await a.start();
    return a;
  };
  const ofDevice = (deviceId: string, type: DeviceEvent['type']) => seen.filter((e): e is DeviceEvent => e.type === type && 'aggregateId' in e && e.aggregateId === deviceId);
  /** The device's DeviceEventReported events, by name. */
  const reported = (deviceId: string, name: string) => ofDevice(deviceId, 'DeviceEventReported').filter((e): e is DeviceEventReported => e.type === 'DeviceEventReported' && e.payload.name === name);
  const argsOf = (e: DeviceEventReported) => Object.fromEntries(e.payload.arguments.map((x) => [x.name, x.value]));
  const commandEvents = (id: string) => seen.filter((e): e is CommandEvent => e.type.startsWith('Command') && 'aggregateId' in e && e.aggregateId === id);
  const rejects = () => seen.filter((e): e is IngressRejected => e.type === 'IngressRejected');

  /** Requests a command and waits until it settles; returns the events that followed the request. */
  const run = async (deviceId: string, kind: string, args: unknown) => {
    const e = sampleCommandRequested({ tenantId: tenant, deviceId, kind, args, protocol: 'USP' });
    await producer.publish([e]);
    return waitFor(`${kind} to settle`, () => {
      const events = commandEvents(e.aggregateId).filter((x) => x.type !== 'CommandRequested');
      return events.some((x) => ['CommandSucceeded', 'CommandFailed', 'CommandExpired'].includes(x.type)) && events;
    });
  };
  const resultOf = (events: CommandEvent[]) => JSON.parse((events.find((e) => e.type === 'CommandSucceeded')!.payload as { result: string }).result) as { parameters: { path: string; value: string }[]; objects: string[] };

  before(async () => {
    producer = bus.producer();
    await producer.connect();
    consumer = bus.consumer({
      producer,
      groupId: `usp-int-${randomUUID()}`,
      topics: [topics.deviceEvents.name, topics.commandEvents.name, topics.ingressRejects.name],
      fromBeginning: true,
      handle: async (b) => void seen.push(...b.events.map((e) => e.event).filter((e) => e.tenantId === tenant)),
    });
    await consumer.start();
    ingress = await startIngress(
      loadConfig({
        ...process.env,
        FLEETLOG_USP_ENDPOINT_ID: controllerId,
        FLEETLOG_USP_TENANTS: tenant,
        FLEETLOG_USP_SHARE_GROUP: `test-${randomBytes(4).toString('hex')}`,
        FLEETLOG_USP_METRICS_PORT: '0',
        FLEETLOG_USP_MAX_RECORD_BYTES: String(1024 * 1024),
      }),
      silentLogger,
    );
  });
  after(async () => {
    await Promise.all(agents.map((a) => a.stop()));
    await ingress.stop();
    await consumer.stop();
    await producer.disconnect();
  });

  it('an agent that connects and boots is registered and online, and its Boot! is answered exactly once', { timeout: 60_000 }, async () => {
    const a = await agent(1);
    await waitFor('registration, online and Boot!', () => ofDevice(a.endpointId, 'DeviceRegistered').length > 0 && ofDevice(a.endpointId, 'DeviceWentOnline').length > 0 && reported(a.endpointId, 'Boot!').length > 0);
    await a.waitFor(() => a.notifyResps >= 1);
    // Longer than two retry periods: an answered Notify is not sent again, and nothing answers twice.
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(a.notifyResps, 1);
    assert.equal(a.notifyRetries, 0);
    assert.equal(argsOf(reported(a.endpointId, 'Boot!')[0]!)['Cause'], 'LocalReboot');
    assert.ok(ofDevice(a.endpointId, 'DeviceParametersReported').length > 0, 'the ParameterMap values are reported');
  });

  it('round-trips Get, Set, Add, Delete, GetInstances, GetSupportedDM, GetSupportedProtocol, an Error and an asynchronous Operate', { timeout: 120_000 }, async () => {
    const a = await agent(2);
    await a.waitFor(() => a.notifyResps >= 1);
    const d = a.endpointId;

    const get = await run(d, 'usp.Get', { paths: ['Device.DeviceInfo.'] });
    assert.deepEqual(get.map((e) => e.type), ['CommandDispatched', 'CommandSucceeded']);
    assert.ok(resultOf(get).parameters.some((p) => p.path === 'Device.DeviceInfo.SoftwareVersion'));
    await waitFor('Get values as parameters', () => ofDevice(d, 'DeviceParametersReported').some((e) => e.correlationId === get[0]!.correlationId));

    const set = await run(d, 'usp.Set', { updates: [{ objPath: 'Device.WiFi.SSID.1.', params: { SSID: 'fleetlog-usp' } }], allowPartial: false });
    assert.equal(set.at(-1)!.type, 'CommandSucceeded');
    assert.equal(a.model.get('Device.WiFi.SSID.1.SSID'), 'fleetlog-usp');

    const add = await run(d, 'usp.Add', { creates: [{ objPath: 'Device.WiFi.SSID.', params: { SSID: 'guest' } }], allowPartial: false });
    const created = resultOf(add).objects[0]!;
    assert.match(created, /^Device\.WiFi\.SSID\.\d+\.$/);
    const instances = await run(d, 'usp.GetInstances', { objPaths: ['Device.WiFi.SSID.'], firstLevelOnly: true });
    assert.ok(resultOf(instances).objects.includes(created));
    const del = await run(d, 'usp.Delete', { objPaths: [created], allowPartial: false });
    assert.equal(del.at(-1)!.type, 'CommandSucceeded');

    const dm = await run(d, 'usp.GetSupportedDM', { objPaths: ['Device.WiFi.'] });
    assert.ok(resultOf(dm).objects.some((o) => o.startsWith('Device.WiFi.')));
    const proto = await run(d, 'usp.GetSupportedProtocol', {});
    assert.equal(proto.at(-1)!.type, 'CommandSucceeded');

    const bad = await run(d, 'usp.Set', { updates: [{ objPath: 'Device.NoSuchObject.', params: { X: '1' } }], allowPartial: false });
    const failed = bad.at(-1)!;
    assert.equal(failed.type, 'CommandFailed');
    assert.match((failed.payload as { code: string }).code, /^USP_70\d\d$/);

    const ping = await run(d, 'usp.Operate', { command: 'Device.IP.Diagnostics.IPPing()', commandKey: 'ping-1', sendResp: true, inputArgs: { Host: '192.0.2.1' } });
    assert.deepEqual(ping.map((e) => e.type), ['CommandDispatched', 'CommandAccepted', 'CommandSucceeded']);
    assert.equal(reported(d, 'OperationComplete').length, 1);
    assert.ok(ping.every((e) => e.correlationId === ping[0]!.correlationId), 'one correlation id from request to completion');
  });

  it('value changes, object creation and deletion the agent subscribes to become device events', { timeout: 60_000 }, async () => {
    const a = await agent(7);
    await a.waitFor(() => a.notifyResps >= 1);
    const d = a.endpointId;
    const subscribe = (id: string, notifType: string, referenceList: string) =>
      run(d, 'usp.Add', { creates: [{ objPath: 'Device.LocalAgent.Subscription.', params: { Enable: 'true', ID: id, NotifType: notifType, ReferenceList: referenceList, NotifRetry: 'true' } }], allowPartial: false });
    for (const [id, type, ref] of [['vc', 'ValueChange', 'Device.WiFi.SSID.1.SSID'], ['oc', 'ObjectCreation', 'Device.WiFi.SSID.'], ['od', 'ObjectDeletion', 'Device.WiFi.SSID.']] as const) {
      assert.equal((await subscribe(id, type, ref)).at(-1)!.type, 'CommandSucceeded', `subscription ${id}`);
    }
    a.changeValue('Device.WiFi.SSID.1.SSID', 'changed-on-the-device');
    const change = await waitFor('the value change', () => reported(d, 'ValueChange')[0]);
    assert.equal(change.payload.path, 'Device.WiFi.SSID.1.SSID');
    await waitFor('the new value as a parameter', () =>
      ofDevice(d, 'DeviceParametersReported').some((e) => e.type === 'DeviceParametersReported' && e.payload.origin === 'notify' && e.payload.parameters.some((p) => p.value === 'changed-on-the-device')),
    );
    const created = resultOf(await run(d, 'usp.Add', { creates: [{ objPath: 'Device.WiFi.SSID.', params: { SSID: 'temp' } }], allowPartial: false })).objects[0]!;
    await waitFor('the object creation', () => reported(d, 'ObjectCreation').some((e) => e.payload.path === created));
    await run(d, 'usp.Delete', { objPaths: [created], allowPartial: false });
    await waitFor('the object deletion', () => reported(d, 'ObjectDeletion').some((e) => e.payload.path === created));
    assert.ok(reported(d, 'ValueChange').every((e) => e.payload.subscriptionId === 'vc'));
  });

  it('a synchronous Reboot() brings the agent back with Boot! Cause RemoteReboot and the command key', { timeout: 60_000 }, async () => {
    const a = await agent(3);
    await a.waitFor(() => a.notifyResps >= 1);
    const reboot = await run(a.endpointId, 'usp.Operate', { command: 'Device.Reboot()', commandKey: 'reboot-7', sendResp: true, inputArgs: {} });
    assert.equal(reboot.at(-1)!.type, 'CommandSucceeded');
    const boot = await waitFor('the second Boot!', () => reported(a.endpointId, 'Boot!').find((e) => argsOf(e)['CommandKey'] === 'reboot-7'));
    assert.equal(argsOf(boot)['Cause'], 'RemoteReboot');
  });

  it('a command for an agent that went away is delivered when it comes back', { timeout: 60_000 }, async () => {
    const a = await agent(4);
    await a.waitFor(() => a.notifyResps >= 1);
    await a.stop();
    await waitFor('offline', () => ofDevice(a.endpointId, 'DeviceWentOffline').length > 0);
    const e = sampleCommandRequested({ tenantId: tenant, deviceId: a.endpointId, kind: 'usp.Get', args: { paths: ['Device.DeviceInfo.SoftwareVersion'] }, protocol: 'USP' });
    await producer.publish([e]);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(commandEvents(e.aggregateId).map((x) => x.type), ['CommandRequested'], 'nothing is sent to an agent that is away');
    const back = await agent(4);
    await waitFor('the command delivered after the reconnect', () => commandEvents(e.aggregateId).some((x) => x.type === 'CommandSucceeded'));
    assert.ok(back.received.some((m) => m.msgId === e.aggregateId));
  });

  it('an MQTT 3.1.1 agent with its reply-to in the topic is served the same way', { timeout: 60_000 }, async () => {
    const a = await agent(5, { mqttVersion: 4 });
    await a.waitFor(() => a.notifyResps >= 1);
    const get = await run(a.endpointId, 'usp.Get', { paths: ['Device.DeviceInfo.SoftwareVersion'] });
    assert.equal(get.at(-1)!.type, 'CommandSucceeded');
  });

  it('spoofed from_id, a 10 MB publish, random bytes and a record for another controller are each rejected with a reason, and the controller serves on', { timeout: 60_000 }, async () => {
    const a = await agent(6);
    await a.waitFor(() => a.notifyResps >= 1);
    const attacker = await mqtt.connectAsync(brokerUrl, { protocolVersion: 5, clientId: `attacker-${randomUUID()}` });
    const topic = `usp/controller/${tenant}/${a.endpointId}`;
    const record = (fromId: string, toId: string) =>
      Buffer.from(encodeRecord(noSessionRecord({ toId, fromId, msg: { msgId: 'x', body: { type: 'GetSupportedProtocol', controllerSupportedProtocolVersions: '1.3' } } })));
    const before = rejects().length;
    await attacker.publishAsync(topic, record(`proto::usp-test-${tenant}-someone-else`, controllerId), { qos: 1, properties: { responseTopic: 'attacker/inbox' } });
    await attacker.publishAsync(topic, Buffer.alloc(10 * 1024 * 1024, 0x0a), { qos: 1 });
    await attacker.publishAsync(topic, randomBytes(2048), { qos: 1 });
    await attacker.publishAsync(topic, record(a.endpointId, 'proto::some-other-controller'), { qos: 1 });
    await attacker.endAsync();
    const codes = await waitFor('four rejects', () => {
      const r = rejects().slice(before);
      return r.length >= 4 && r.map((x) => x.reasonCode);
    });
    assert.deepEqual(codes.sort(), ['USP_FROM_ID_SPOOFED', 'USP_RECORD_NOT_FOR_THIS_CONTROLLER', 'USP_RECORD_TOO_LARGE', 'USP_RECORD_UNDECODABLE'].sort());
    const big = rejects().find((r) => r.reasonCode === 'USP_RECORD_TOO_LARGE')!;
    assert.equal(big.originalSize, 10 * 1024 * 1024);
    assert.equal(big.truncated, true);
    const get = await run(a.endpointId, 'usp.Get', { paths: ['Device.DeviceInfo.SoftwareVersion'] });
    assert.equal(get.at(-1)!.type, 'CommandSucceeded', 'the controller is unharmed');
  });
});
