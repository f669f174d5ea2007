import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { createEventBus, silentLogger, topics, type ConsumedEvent, type EventsError } from '@fleetlog/events';
import { sampleParametersReported, stackSettings, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { contextFromEnv } from './context.js';
import { restart } from './stack.js';

const ctx = contextFromEnv(process.env, (server, message) => console.log(`    [${server}] ${message}`));
const freshBus = () => createEventBus(stackSettings(), silentLogger);

describe('local stack failure behaviour', () => {
  it('keeps every schema id across a registry restart: events written before it still decode', async () => {
    const before = freshBus();
    const event = sampleParametersReported(uniqueTenant(), 'dev-r', 1);
    const bytes = await before.serde.encode(event);
    const idBefore = bytes.readInt32BE(1);

    const { before: oldPid, after: newPid } = await restart(ctx, 'registry');
    assert.notEqual(newPid, oldPid);

    // A new client has no cache: the id must resolve from the registry's durable storage.
    const after = freshBus();
    const decoded = await after.serde.decode(bytes);
    assert.equal(decoded.schemaId, idBefore);
    assert.deepEqual(structuredClone(decoded.event), event);
    const again = await after.serde.encode(event);
    assert.equal(again.readInt32BE(1), idBefore);
  });

  it('loses no acknowledged event when the Kafka broker restarts during a produce loop', async () => {
    const bus = freshBus();
    const producer = bus.producer();
    await producer.connect();
    const tenant = uniqueTenant();
    const acked = new Set<string>();
    const failures = new Map<string, number>();
    let i = 0;
    let stop = false;
    // Ten writers publish one event each at a time, as ingress request handlers do.
    const writer = async () => {
      while (!stop) {
        const e = sampleParametersReported(tenant, `dev-${i % 50}`, i++);
        try {
          await producer.publish([e]);
          acked.add(e.eventId);
        } catch (err) {
          const code = (err as EventsError).code ?? 'unknown';
          failures.set(code, (failures.get(code) ?? 0) + 1);
        }
      }
    };
    const writers = Array.from({ length: 10 }, writer);
    await waitFor('some events before the restart', () => acked.size >= 500);
    const beforeRestart = acked.size;
    const pids = await restart(ctx, 'kafka');
    assert.notEqual(pids.after, pids.before);
    await waitFor('events acknowledged after the restart', () => acked.size >= beforeRestart + 500, 120_000);
    stop = true;
    await Promise.all(writers);
    await producer.disconnect();
    console.log(`    acknowledged ${acked.size} of ${i} attempts; failed attempts by code: ${JSON.stringify(Object.fromEntries(failures))}`);

    const found = new Set<string>();
    const consumerProducer = bus.producer();
    await consumerProducer.connect();
    const consumer = bus.consumer({
      producer: consumerProducer,
      groupId: `test-kafka-restart-${randomUUID()}`,
      topics: [topics.deviceEvents.name],
      fromBeginning: true,
      handle: async (batch: { events: ConsumedEvent[] }) => {
        for (const c of batch.events) if ('tenantId' in c.event && c.event.tenantId === tenant) found.add(c.event.eventId);
      },
    });
    await consumer.start();
    try {
      await waitFor('every acknowledged event on the topic', () => [...acked].every((id) => found.has(id)), 120_000);
    } finally {
      await consumer.stop();
      await consumerProducer.disconnect();
    }
    const missing = [...acked].filter((id) => !found.has(id));
    assert.equal(missing.length, 0);
  });
});
