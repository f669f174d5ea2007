import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { connectAsync, type MqttClient } from 'mqtt';
import { waitFor } from '@fleetlog/events/testing';
import { createMqttDevice, createMqttFleet, createTelemetryBurst } from './index.js';

const brokerUrl = process.env.FLEETLOG_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

describe('simulated MQTT devices on the real Mosquitto', () => {
  const tenant = `sim-${randomBytes(4).toString('hex')}`;
  let observer: MqttClient;
  const seen: { topic: string; payload: string; retain: boolean }[] = [];
  const on = (suffix: string) => seen.filter((m) => m.topic.endsWith(suffix));

  before(async () => {
    observer = await connectAsync(brokerUrl, { protocolVersion: 5, clientId: `observer-${tenant}`, clean: true, reconnectPeriod: 0 });
    observer.on('message', (topic, payload, packet) => void seen.push({ topic, payload: payload.toString(), retain: packet.retain }));
    await observer.subscribeAsync(`fleetlog/${tenant}/#`, { qos: 1 });
  });
  after(() => observer.endAsync());

  it('publishes under fleetlog/<tenant>/<vendor>, answers downlinks like the vendor, and its last will fires when the connection drops', async () => {
    const device = createMqttDevice({ brokerUrl, tenantId: tenant, vendor: 'generic', clientId: `th-${tenant}`, telemetryIntervalMs: 0, seed: 1 });
    await device.start();
    try {
      await waitFor('identity and status', () => on(`/generic/devices/th-${tenant}/identity`).length === 1 && on('/status').length === 1);
      await device.tick();
      await waitFor('telemetry', () => on('/telemetry').length === 1);
      await observer.publishAsync(`fleetlog/${tenant}/generic/devices/th-${tenant}/commands`, JSON.stringify({ id: 'cmd-1', method: 'nope', params: {} }), { qos: 1 });
      const ack = await waitFor('the answer', () => on('/commands/ack')[0]);
      assert.deepEqual(JSON.parse(ack.payload), { id: 'cmd-1', status: 'failure', error: { code: 404, message: 'unknown method nope' } });
      assert.equal(device.received.length, 1);
      device.kill();
      await waitFor('the last will', () => on('/status').some((m) => m.payload === 'offline'));
    } finally {
      await device.forget();
    }
  });

  it('starts a fleet of every vendor with client ids shaped like theirs', async () => {
    const fleet = createMqttFleet({ brokerUrl, tenantId: tenant, devices: { shelly: 1, dji: 1 }, telemetryIntervalMs: 0 });
    await fleet.start();
    try {
      const [shelly, dji] = fleet.devices;
      assert.match(shelly!.clientId, /^shellyplus1pm-[0-9a-f]{12}$/);
      await waitFor('Shelly online and DJI topology', () => on(`/shelly/${shelly!.clientId}/online`).length === 1 && on(`/dji/sys/product/${dji!.clientId}/status`).length === 1);
    } finally {
      await fleet.stop();
      await Promise.all(fleet.devices.map((d) => d.forget()));
    }
    await waitFor('a clean stop still publishes the Shelly will', () => on(`/online`).some((m) => m.payload === 'false'));
  });

  it('bursts telemetry for many devices over a few connections, paced by what the receiver took', async () => {
    let taken = 0;
    const burst = createTelemetryBurst({ brokerUrl, tenantId: tenant, connections: 2, devices: 10, qos: 1, window: 50, absorbed: () => taken, clientIdPrefix: `burst-${tenant}` });
    await burst.connect();
    const counting = setInterval(() => (taken = on('/telemetry').length), 5);
    try {
      const { sent } = await burst.run(500);
      assert.equal(sent, 500);
      await waitFor('all 500 delivered', () => on('/telemetry').length >= 501);
      assert.equal(new Set(on('/telemetry').map((m) => m.topic)).size, 11, 'ten burst devices and the first test device');
      // Each is generic telemetry the ingress takes: four samples, a device clock.
      const burstPayloads = on('/telemetry').filter((m) => m.topic.includes('/burst-'));
      assert.equal(burstPayloads.length, 500);
      for (const m of burstPayloads) {
        const body = JSON.parse(m.payload) as { ts: number; samples: { metric: string; value: number }[] };
        assert.equal(body.samples.length, 4);
        assert.ok(body.ts > 0 && body.samples.every((s) => typeof s.value === 'number'));
      }
    } finally {
      clearInterval(counting);
      await burst.close();
    }
  });
});
