import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectAsync, type MqttClient } from 'mqtt';
import { silentLogger, type AnyEvent } from '@fleetlog/events';
import { uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { startIngress, type RunningIngress } from './ingress.js';
import { brokerUrl, collectEvents, ingressConfig, isolatedTopics } from './testing/stack.js';

describe('mqtt-ingress instances sharing a subscription', () => {
  const tenant = uniqueTenant();
  const group = `mqtt-ingress-${randomBytes(4).toString('hex')}`;
  let kafka: Awaited<ReturnType<typeof isolatedTopics>>;
  let events: Awaited<ReturnType<typeof collectEvents>>;
  let instances: RunningIngress[] = [];
  let device: MqttClient;

  before(async () => {
    kafka = await isolatedTopics();
    events = await collectEvents(kafka.prefix);
    // Only the adapters' own filters, so the broker drops what no adapter reads.
    const settings = { FLEETLOG_MQTT_SHARED_GROUP: group, FLEETLOG_MQTT_SUBSCRIBE: 'vendors' };
    instances = [await startIngress(ingressConfig(kafka.prefix, settings), silentLogger), await startIngress(ingressConfig(kafka.prefix, settings), silentLogger)];
    device = await connectAsync(brokerUrl(), { protocolVersion: 5, clientId: `shared-${tenant}`, clean: true, reconnectPeriod: 0 });
  });
  after(async () => {
    await device.endAsync();
    for (const i of instances) await i.stop();
    await events.stop();
    await kafka.delete();
  });

  it('records each message once, the instances of the group splitting them', async () => {
    const topic = `fleetlog/${tenant}/generic/devices/sensor-1/telemetry`;
    for (let i = 0; i < 40; i++) await device.publishAsync(topic, JSON.stringify({ ts: Date.now(), values: { 'env.temperature': 20 + i / 10 } }), { qos: 1 });
    const mine = () => events.seen.filter((e): e is Extract<AnyEvent, { type: 'TelemetryReported' }> => e.type === 'TelemetryReported' && e.tenantId === tenant);
    await waitFor('40 telemetry events', () => mine().length >= 40);
    assert.equal(mine().length, 40, 'no message twice');
    assert.equal(new Set(mine().map((e) => e.payload.samples[0]!.value)).size, 40, 'none missing');
    assert.ok(instances.every((i) => i.health().received > 0), 'both instances took a share');
  });
});
