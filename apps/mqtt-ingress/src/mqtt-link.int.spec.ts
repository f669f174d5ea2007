import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { connectAsync } from 'mqtt';
import { silentLogger } from '@fleetlog/events';
import { waitFor } from '@fleetlog/events/testing';
import { createMqttLink, type Ack } from './mqtt-link.js';
import type { Incoming } from './uplink/records.js';
import { brokerUrl } from './testing/stack.js';

describe('the ingress broker link against the real Mosquitto', () => {
  it('acknowledges a QoS 1 message to the broker only when told to: the others come again in the next session', async () => {
    const base = `test-link/${randomBytes(4).toString('hex')}`;
    const clientId = `test-link-${randomBytes(4).toString('hex')}`;
    const open = async (onMessage: (m: Incoming, ack: Ack) => void) => {
      const link = createMqttLink({ url: brokerUrl(), clientId, sessionExpirySeconds: 60, receiveMaximum: 1000, logger: silentLogger, onMessage, onOwn: () => undefined });
      await link.waitConnected();
      await link.subscribe([`${base}/#`], '');
      return link;
    };
    const publisher = await connectAsync(brokerUrl(), { protocolVersion: 5, clientId: `${clientId}-pub`, reconnectPeriod: 0 });
    try {
      // First session: every even message is acknowledged, a few at a time as Kafka batches would be.
      const first: string[] = [];
      const pending: Ack[] = [];
      const link = await open((m, ack) => {
        first.push(m.topic);
        if (Number(m.topic.split('/').pop()) % 2 === 0) pending.push(ack);
        if (pending.length >= 7) setImmediate(() => pending.splice(0).forEach((a) => a()));
      });
      await Promise.all(Array.from({ length: 200 }, (_, i) => publisher.publishAsync(`${base}/${i}`, `m${i}`, { qos: 1 })));
      await waitFor('200 messages in the first session', () => first.length >= 200);
      pending.splice(0).forEach((a) => a());
      await sleep(200);
      await link.close();

      // Second session, same client id: the broker sends again what it never got a PUBACK for.
      const second: string[] = [];
      const again = await open((m, ack) => {
        second.push(m.topic);
        ack();
      });
      await publisher.publishAsync(`${base}/marker`, 'marker', { qos: 1 });
      await waitFor('the marker', () => second.includes(`${base}/marker`));
      const odd = Array.from({ length: 100 }, (_, i) => `${base}/${2 * i + 1}`);
      assert.deepEqual(second.filter((t) => !t.endsWith('/marker')).sort(), odd.sort());
      await again.close();
    } finally {
      await publisher.endAsync();
    }
  });
});
