import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectAsync, type MqttClient } from 'mqtt';
import { silentLogger, type AnyEvent, type EventProducer } from '@fleetlog/events';
import { sampleCommandRequested, testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { createMqttDevice, type MqttDevice } from '@fleetlog/mqtt-device-sim';
import { SIMULATED_UNSUPPORTED_SERVICE } from '@fleetlog/mqtt-vendors/testing';
import { startIngress, type RunningIngress } from './ingress.js';
import { brokerUrl, collectEvents, ingressConfig, isolatedTopics } from './testing/stack.js';

type Of<K extends AnyEvent['type']> = Extract<AnyEvent, { type: K }>;

const vendors = [
  {
    vendor: 'generic',
    clientId: `th-${randomBytes(4).toString('hex')}`,
    metric: 'env.temperature',
    identity: { manufacturer: 'Fleetlog', productClass: 'SIM-TH1' },
    command: { method: 'set', params: { 'relay.on': true } },
    unsupported: { method: 'selfDestruct', code: 'DEVICE_ERROR', faultCode: 404 },
  },
  {
    vendor: 'shelly',
    clientId: `shellyplus1pm-${randomBytes(6).toString('hex')}`,
    metric: 'switch.0.voltage',
    identity: { manufacturer: 'Shelly', productClass: 'SNSW-001P16EU' },
    command: { method: 'Switch.Set', params: { id: 0, on: true } },
    unsupported: { method: 'Foo.Bar', code: 'SHELLY_RPC_ERROR', faultCode: 404 },
  },
  {
    vendor: 'dji',
    clientId: `7CTDM${randomBytes(5).toString('hex').toUpperCase()}`,
    metric: 'environment.temperature',
    identity: { manufacturer: 'DJI', productClass: '2-0' },
    command: { method: 'cover_open' },
    unsupported: { method: 'warp_drive_engage', code: 'DJI_SERVICE_ERROR', faultCode: SIMULATED_UNSUPPORTED_SERVICE },
  },
] as const;

describe('mqtt-ingress against the real Mosquitto, Kafka and registry', () => {
  const tenant = uniqueTenant();
  let kafka: Awaited<ReturnType<typeof isolatedTopics>>;
  let events: Awaited<ReturnType<typeof collectEvents>>;
  let ingress: RunningIngress;
  let producer: EventProducer;
  let raw: MqttClient;
  const devices: MqttDevice[] = [];

  const ofType = <K extends AnyEvent['type']>(type: K, aggregateId?: string): Of<K>[] =>
    events.seen.filter((e): e is Of<K> => e.type === type && e.tenantId === tenant && (aggregateId === undefined || ('aggregateId' in e && e.aggregateId === aggregateId)));
  const ofCommand = (commandId: string) => events.seen.filter((e) => 'aggregateId' in e && e.aggregateId === commandId);
  const device = (vendor: string, clientId: string) => {
    const d = createMqttDevice({ brokerUrl: brokerUrl(), tenantId: tenant, vendor, clientId, telemetryIntervalMs: 0, seed: 5 });
    devices.push(d);
    return d;
  };
  const request = async (deviceId: string, payload: unknown): Promise<string> => {
    const e = sampleCommandRequested({ tenantId: tenant, deviceId, kind: 'mqtt.Downlink', args: { payload }, protocol: 'MQTT' });
    await producer.publish([e]);
    return e.aggregateId;
  };
  const rejects = (code: string) => events.seen.filter((e): e is Of<'IngressRejected'> => e.type === 'IngressRejected' && e.reasonCode === code);

  before(async () => {
    kafka = await isolatedTopics();
    events = await collectEvents(kafka.prefix);
    producer = testBus().producer({ route: kafka.route });
    await producer.connect();
    ingress = await startIngress(ingressConfig(kafka.prefix, { FLEETLOG_MQTT_IDENTIFY_TIMEOUT_SECONDS: '5' }), silentLogger);
    raw = await connectAsync(brokerUrl(), { protocolVersion: 5, clientId: `test-raw-${tenant}`, clean: true, reconnectPeriod: 0 });
  });
  after(async () => {
    for (const d of devices) await d.stop().catch(() => undefined);
    await Promise.allSettled(devices.map((d) => d.forget()));
    await raw.endAsync();
    await ingress.stop();
    await producer.disconnect();
    await events.stop();
    await kafka.delete();
  });

  for (const v of vendors) {
    describe(v.vendor, () => {
      const d = device(v.vendor, v.clientId);

      it('registers a device that connects, records it online and its telemetry under its tenant', async () => {
        await d.start();
        await waitFor('registration and presence', () => ofType('DeviceRegistered', d.deviceId).length === 1 && ofType('DeviceWentOnline', d.deviceId).length === 1);
        const [registered] = ofType('DeviceRegistered', d.deviceId);
        assert.equal(registered!.payload.protocol, 'MQTT');
        assert.deepEqual(
          { manufacturer: registered!.payload.identity.manufacturer, productClass: registered!.payload.identity.productClass },
          v.identity,
          'the identity is what the device says about itself (Shelly only when asked)',
        );
        assert.equal(registered!.payload.identity.vendor, v.vendor);
        assert.equal(registered!.payload.identity.clientId, v.clientId);
        assert.equal(ofType('DeviceWentOnline', d.deviceId)[0]!.payload.via, 'mqtt');
        await d.tick();
        const telemetry = await waitFor('telemetry', () => ofType('TelemetryReported', d.deviceId).find((e) => e.payload.samples.some((s) => s.metric === v.metric)));
        assert.equal(telemetry.tenantId, tenant);
        assert.ok(telemetry.payload.samples.every((s) => Number.isFinite(s.value) && s.ts > 0));
      });

      it('sends a downlink command and records it dispatched and succeeded under the command correlation id', async () => {
        const commandId = await request(d.deviceId, v.command);
        await waitFor('command succeeded', () => ofCommand(commandId).some((e) => e.type === 'CommandSucceeded'));
        assert.ok(d.received.some((r) => r.payload.toString().includes(commandId)), 'the device received the downlink');
        const chain = ofCommand(commandId) as Of<'CommandDispatched' | 'CommandRequested' | 'CommandSucceeded'>[];
        assert.deepEqual(chain.map((e) => e.type), ['CommandRequested', 'CommandDispatched', 'CommandSucceeded']);
        const [requested, dispatched, succeeded] = chain;
        assert.ok(chain.every((e) => e.correlationId === requested!.correlationId));
        assert.equal(dispatched!.causationId, requested!.eventId);
        assert.equal(succeeded!.causationId, dispatched!.eventId);
        assert.equal((dispatched as Of<'CommandDispatched'>).payload.channel, 'mqtt');
      });

      it('records a method the device does not support as a failed command with its code', async () => {
        const { code, faultCode, ...payload } = v.unsupported;
        const commandId = await request(d.deviceId, payload);
        const failed = await waitFor('command failed', () => ofCommand(commandId).find((e): e is Of<'CommandFailed'> => e.type === 'CommandFailed'));
        assert.equal(failed.payload.code, code);
        assert.equal(failed.payload.faultCode, faultCode);
      });
    });
  }

  it('records a lost connection as offline from the last will, and delivers a command requested meanwhile when the device returns', async () => {
    for (const d of devices.filter((x) => x.vendor !== 'dji')) {
      d.kill();
      const offline = await waitFor(`${d.vendor} offline`, () => ofType('DeviceWentOffline', d.deviceId)[0]);
      assert.equal(offline.payload.reason, 'last-will');
      const commandId = await request(d.deviceId, d.vendor === 'shelly' ? { method: 'Shelly.GetStatus' } : { method: 'get' });
      await waitFor('the request is on Kafka', () => ofCommand(commandId).length > 0);
      const back = Date.now();
      await d.start();
      await waitFor(`${d.vendor} back online`, () => ofType('DeviceWentOnline', d.deviceId).length === 2);
      const succeeded = await waitFor('delivered after the return', () => ofCommand(commandId).find((e) => e.type === 'CommandSucceeded'));
      const dispatched = ofCommand(commandId).find((e): e is Of<'CommandDispatched'> => e.type === 'CommandDispatched')!;
      assert.ok(dispatched.occurredAt >= back, 'dispatched only once the device was back');
      assert.ok(succeeded);
      const presence = events.seen.filter((e) => 'aggregateId' in e && e.aggregateId === d.deviceId && (e.type === 'DeviceWentOnline' || e.type === 'DeviceWentOffline'));
      assert.deepEqual(presence.map((e) => e.type), ['DeviceWentOnline', 'DeviceWentOffline', 'DeviceWentOnline'], 'in the order they happened');
    }
  });

  it('answers a DJI event that asks for a reply only once it is recorded, with its fields as arguments', async () => {
    const dock = devices.find((x) => x.vendor === 'dji')!;
    const body = { tid: 'tid-1', bid: 'bid-1', timestamp: Date.now(), method: 'hms', need_reply: 1, data: { list: [{ level: 1, code: '0x16100083' }], module: { id: 3 } } };
    await dock.publishRaw(`thing/product/${dock.clientId}/events`, JSON.stringify(body));
    const event = await waitFor('device event', () => ofType('DeviceEventReported', dock.deviceId)[0]);
    assert.equal(event.payload.name, 'dji.hms');
    assert.equal(event.payload.protocol, 'MQTT');
    assert.deepEqual(event.payload.arguments.map((a) => ({ ...a })), [
      { name: 'list', value: '[{"level":1,"code":"0x16100083"}]' },
      { name: 'module.id', value: '3' },
    ]);
    await waitFor('events_reply', () => dock.received.some((r) => r.nativeTopic.endsWith('/events_reply') && r.payload.toString().includes('tid-1')));
  });

  it('acknowledges every one of many QoS 1 messages once recorded, and gives a redelivered one the same event id', async () => {
    const clientId = `qos1-${randomBytes(4).toString('hex')}`;
    const topic = `fleetlog/${tenant}/generic/devices/${clientId}/telemetry`;
    const ts = Date.now();
    const payloadOf = (i: number) => Buffer.from(JSON.stringify({ ts: ts + i, values: { 'env.counter': i } }));
    // Every publish resolves only on its PUBACK; the ingress sends those in batches, after Kafka took the events.
    await Promise.all(Array.from({ length: 1_000 }, (_, i) => raw.publishAsync(topic, payloadOf(i), { qos: 1 })));
    const telemetry = await waitFor('1,000 telemetry events', () => {
      const seen = ofType('TelemetryReported', `generic:${clientId}`);
      return seen.length >= 1_000 ? seen : undefined;
    });
    assert.deepEqual(telemetry.map((e) => e.payload.samples[0]!.value).sort((a, b) => a - b), Array.from({ length: 1_000 }, (_, i) => i));
    assert.equal(new Set(telemetry.map((e) => e.eventId)).size, 1_000);
    // The same message again (as after a reconnect) is recognisable by its id.
    await raw.publishAsync(topic, payloadOf(7), { qos: 1 });
    const again = await waitFor('the repeat', () => {
      const seen = ofType('TelemetryReported', `generic:${clientId}`);
      return seen.length > 1_000 ? seen.at(-1) : undefined;
    });
    assert.equal(again.eventId, telemetry.find((e) => e.payload.samples[0]!.value === 7)!.eventId);
  });

  it('keeps bad input with its raw bytes on the rejects topic, and goes on serving', async () => {
    const at = (vendor: string, native: string, t = tenant) => `fleetlog/${t}/${vendor}/${native}`;
    const junk = randomBytes(64);
    const huge = Buffer.from(`{"samples": [], "pad": "${'x'.repeat(300 * 1024)}"}`);
    const bad: [string, Buffer, string][] = [
      [at('generic', 'devices/bad-1/telemetry'), Buffer.from('{"samples": [{"metric": '), 'MQTT_PAYLOAD_MALFORMED'],
      [at('generic', 'devices/bad-2/telemetry'), junk, 'MQTT_PAYLOAD_MALFORMED'],
      [at('no-such-vendor', 'devices/bad-3/telemetry'), Buffer.from('{}'), 'MQTT_VENDOR_UNKNOWN'],
      [at('generic', 'devices/bad-4/telemetry'), huge, 'MQTT_PAYLOAD_TOO_LARGE'],
      [at('generic', 'devices/bad-5/telemetry', 'Bad_Tenant'), Buffer.from('{"values": {"a": 1}}'), 'MQTT_TENANT_INVALID'],
    ];
    for (const [topic, payload] of bad) await raw.publishAsync(topic, payload, { qos: 1 });
    for (const [topic, payload, code] of bad) {
      const reject = await waitFor(`${code} reject`, () => rejects(code).find((e) => e.reason.includes(topic)));
      assert.deepEqual(Buffer.from(reject.raw), payload);
      assert.equal(reject.originalSize, payload.length);
      assert.equal(reject.protocol, 'MQTT');
      assert.equal(reject.tenantId, code === 'MQTT_TENANT_INVALID' ? null : tenant);
    }
    await raw.publishAsync(at('generic', 'devices/good-1/telemetry'), Buffer.from('{"values": {"env.temperature": 20.5}}'), { qos: 1 });
    await waitFor('the next good message', () => ofType('TelemetryReported', 'generic:good-1').length === 1);
    const health = (await (await fetch(`http://127.0.0.1:${ingress.metricsPort}/health`)).json()) as { ok: boolean };
    assert.equal(health.ok, true);
    const metrics = await (await fetch(`http://127.0.0.1:${ingress.metricsPort}/metrics`)).text();
    assert.match(metrics, /fleetlog_mqtt_rejects_total\{code="MQTT_PAYLOAD_TOO_LARGE",app="mqtt-ingress"\} [1-9]/);
  });
});
