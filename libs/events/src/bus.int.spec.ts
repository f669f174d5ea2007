import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Partitioners } from 'kafkajs';
import { DLQ_HEADERS, type ConsumedEvent } from './consumer.js';
import type { EventProducer } from './producer.js';
import { registerSchema, setCompatibility } from './provision.js';
import { dlqTopicName, topics } from './topics.js';
import { sampleParametersReported, stackSettings, testBus, testKafka, uniqueTenant, waitFor } from './testing/stack.js';
import { isEventsError } from './errors.js';
import { createCatchUp } from './catch-up.js';
import type { EventBus } from './bus.js';

// Decoded records are avsc record instances; compare their data.
const plain = <T>(v: T): T => structuredClone(v);

describe('events library against the real Kafka and schema registry', () => {
  let bus: EventBus;
  let producer: EventProducer;

  before(async () => {
    bus = testBus();
    producer = bus.producer();
    await producer.connect();
  });
  after(async () => {
    await producer.disconnect();
  });

  it('publishes events that a consumer reads back, decoded through the registry, in key order', async () => {
    const tenant = uniqueTenant();
    const events = Array.from({ length: 20 }, (_, i) => sampleParametersReported(tenant, `dev-${i % 2}`, i));
    await producer.publish(events);

    const seen: ConsumedEvent[] = [];
    const consumer = bus.consumer({
      producer,
      groupId: `test-roundtrip-${randomUUID()}`,
      topics: [topics.deviceEvents.name],
      fromBeginning: true,
      handle: async (batch) => {
        seen.push(...batch.events.filter((e) => e.event.type !== 'IngressRejected' && 'tenantId' in e.event && e.event.tenantId === tenant));
      },
    });
    await consumer.start();
    try {
      await waitFor('20 events back', () => seen.length >= 20);
    } finally {
      await consumer.stop();
    }
    assert.equal(seen.length, 20);
    // One key per device: its events share a partition and come back in the order they were produced.
    for (const device of ['dev-0', 'dev-1']) {
      const mine = seen.filter((s) => (s.event as { aggregateId: string }).aggregateId === device);
      assert.deepEqual(plain(mine.map((s) => s.event)), events.filter((e) => e.aggregateId === device));
      assert.equal(new Set(mine.map((s) => s.partition)).size, 1);
    }
    assert.ok(seen.every((s) => s.key === `${tenant}/${(s.event as { aggregateId: string }).aggregateId}`));
    // Where the Java client would put them: other producers' records of a device share its partition.
    const java = Partitioners.DefaultPartitioner();
    const partitionMetadata = Array.from({ length: topics.deviceEvents.partitions }, (_, partitionId) => ({ partitionId, leader: 1, replicas: [1], isr: [1], offlineReplicas: [], partitionErrorCode: 0 }));
    for (const s of seen) assert.equal(s.partition, java({ topic: s.topic, partitionMetadata, message: { key: s.key, value: null } }));
  });

  it('frames records of every size so that each decodes on its own, however many share a buffer', async () => {
    const tenant = uniqueTenant();
    const sized = (i: number, bytes: number) => {
      const event = sampleParametersReported(tenant, 'dev', i);
      return { ...event, payload: { ...event.payload, parameters: [{ ...event.payload.parameters[0]!, value: 'x'.repeat(bytes) }] } };
    };
    const sizes = [0, 1, 100, 2_000, 20_000, 70_000, 300, 16_000, 16_500, 40, 200_000, 5];
    const events = Array.from({ length: 3_000 }, (_, i) => sized(i, sizes[i % sizes.length]!));
    const framed = [await bus.serde.encode(events[0]!), ...events.slice(1).map((e) => bus.serde.encodeCached(e)!)];
    for (const [i, buffer] of framed.entries()) assert.deepEqual(plain((await bus.serde.decode(buffer)).event), events[i], `event ${i}`);
  });

  it('rejects an event that does not match its schema with a coded, non-retriable error', async () => {
    const bad = { ...sampleParametersReported(uniqueTenant(), 'dev', 1), payload: { origin: 42 } } as never;
    await assert.rejects(producer.publish([bad]), (e) => isEventsError(e, 'EVENTS_INVALID_EVENT') && !e.retriable && /payload/.test(e.message));
  });

  it('has the registry refuse a schema change that breaks BACKWARD_TRANSITIVE compatibility', async () => {
    const { registryUrl } = stackSettings();
    const subject = `fleetlog.test-${randomUUID()}-dev.fleetlog.test.Probe`;
    const v1 = { type: 'record', name: 'Probe', namespace: 'dev.fleetlog.test', fields: [{ name: 'a', type: 'string' }] };
    await setCompatibility(registryUrl, 'BACKWARD_TRANSITIVE', subject);
    const id1 = await registerSchema(registryUrl, subject, v1);
    // Same schema again: same id.
    assert.equal(await registerSchema(registryUrl, subject, v1), id1);
    // Adding a field with a default is backward compatible.
    const v2 = { ...v1, fields: [...v1.fields, { name: 'b', type: 'int', default: 0 }] };
    assert.notEqual(await registerSchema(registryUrl, subject, v2), id1);
    // A new field without a default cannot read v1 data.
    const v3 = { ...v1, fields: [...v1.fields, { name: 'c', type: 'int' }] };
    await assert.rejects(registerSchema(registryUrl, subject, v3), (e) => isEventsError(e, 'EVENTS_SCHEMA_INCOMPATIBLE'));
  });

  it('sends an undecodable record to the DLQ with its origin and keeps consuming', async () => {
    const topic = `fleetlog.test.${randomUUID()}`;
    const admin = testKafka().admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }, { topic: dlqTopicName(topic), numPartitions: 1 }] });
    try {
      const tenant = uniqueTenant();
      const good = [sampleParametersReported(tenant, 'd', 1), sampleParametersReported(tenant, 'd', 2)];
      const junk = Buffer.from('this is not avro');
      await producer.publishRaw([
        { topic, key: 'k', value: await bus.serde.encode(good[0]!) },
        { topic, key: 'k', value: junk, headers: { origin: 'test' } },
        // A well-framed record whose schema id the registry has never issued.
        { topic, key: 'k', value: Buffer.from([0, 0x7f, 0xff, 0xff, 0x00, 1, 2]) },
        { topic, key: 'k', value: await bus.serde.encode(good[1]!) },
      ]);
      // A record that is not an event comes last: the consumer must still report reading past it.
      await producer.publishRaw([{ topic, key: 'k', value: Buffer.from('trailing junk') }]);
      const seen: ConsumedEvent[] = [];
      const groupId = `test-dlq-${randomUUID()}`;
      const catchUp = createCatchUp(await bus.endOffsets(topic));
      const consumer = bus.consumer({ producer, groupId, topics: [topic], fromBeginning: true, handle: async (b) => void seen.push(...b.events), progress: catchUp.observe });
      await consumer.start();
      try {
        await waitFor('both good events', () => seen.length >= 2);
        await waitFor('caught up past the trailing junk', () => catchUp.caughtUp());
      } finally {
        await consumer.stop();
      }
      assert.deepEqual(plain(seen.map((s) => s.event)), good);
      assert.deepEqual(seen.map((s) => s.offset), ['0', '3']);

      const dead: { value: Buffer | null; headers: Record<string, string> }[] = [];
      const reader = testKafka().consumer({ groupId: `test-dlq-reader-${randomUUID()}` });
      await reader.connect();
      await reader.subscribe({ topic: dlqTopicName(topic), fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          dead.push({ value: message.value, headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) });
        },
      });
      try {
        await waitFor('three dead letters', () => dead.length >= 3);
      } finally {
        await reader.disconnect();
      }
      assert.deepEqual(dead[0]!.value, junk);
      assert.equal(dead[0]!.headers[DLQ_HEADERS.topic], topic);
      assert.equal(dead[0]!.headers[DLQ_HEADERS.partition], '0');
      assert.equal(dead[0]!.headers[DLQ_HEADERS.offset], '1');
      assert.equal(dead[0]!.headers[DLQ_HEADERS.errorCode], 'EVENTS_DECODE_FAILED');
      assert.equal(dead[0]!.headers[DLQ_HEADERS.consumerGroup], groupId);
      assert.equal(dead[0]!.headers.origin, 'test');
      assert.equal(dead[1]!.headers[DLQ_HEADERS.offset], '2');
      assert.equal(dead[1]!.headers[DLQ_HEADERS.errorCode], 'EVENTS_SCHEMA_NOT_REGISTERED');
    } finally {
      await admin.deleteTopics({ topics: [topic, dlqTopicName(topic)] }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
