import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'cassandra-driver';
import { DLQ_HEADERS, silentLogger, type TelemetryReported } from '@fleetlog/events';
import { testBus, testKafka, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { startProjector, type RunningProjector } from './projector.js';
import { sample, telemetryEvent } from './testing/events.js';
import { createTcpProxy } from './testing/tcp-proxy.js';
import { spawnProjector } from './testing/process.js';
import { cassandraClient, checksums, contactPoint, freshKeyspace, health, isolatedTopic, metricsText, metricValue, produce, projectorConfig, projectorEnv, waitCaughtUp } from './testing/stack.js';

const T0 = Date.parse('2026-11-23T09:58:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const devices = ['gw-1', 'gw-2'];
const metrics = [
  { metric: 'wifi.rssi', unit: 'dBm' },
  { metric: 'cpu.load', unit: null },
];
// Multiples of 1/4: sums are exact, so expected and stored rollups compare with equality.
const valueOf = (device: number, m: number, i: number) => ((i * 37 + device * 11 + m * 5) % 23) / 4 - 2;

/** One event per device and timestamp, carrying one sample per metric. */
const reports = (tenant: string, offsets: number[], seqBase: number): TelemetryReported[] =>
  offsets.flatMap((offset, i) =>
    devices.map((device, d) =>
      telemetryEvent(
        tenant,
        device,
        seqBase + i,
        metrics.map(({ metric, unit }, m) => sample(metric, T0 + offset, valueOf(d, m, seqBase + i), unit)),
      ),
    ),
  );

type Expected = Map<string, { min: number; max: number; sum: number; count: number }>;
/** Rollups the straightforward way, from the samples the test produced. */
const expectedRollups = (events: TelemetryReported[], bucketMs: number): Expected => {
  const out: Expected = new Map();
  const all = events.flatMap((e) => e.payload.samples.map((s) => ({ ...s, device: e.aggregateId }))).sort((a, b) => a.ts - b.ts);
  for (const s of all) {
    const key = `${s.device}/${s.metric}/${s.ts - (s.ts % bucketMs)}`;
    const r = out.get(key);
    out.set(key, r ? { min: Math.min(r.min, s.value), max: Math.max(r.max, s.value), sum: r.sum + s.value, count: r.count + 1 } : { min: s.value, max: s.value, sum: s.value, count: 1 });
  }
  return out;
};

const storedRollups = async (client: Client, keyspace: string, table: string): Promise<Expected> => {
  const rs = await client.execute(`SELECT device_id, metric, bucket, min, max, sum, count FROM ${keyspace}.${table}`);
  return new Map(rs.rows.map((r) => [`${r.get('device_id')}/${r.get('metric')}/${(r.get('bucket') as Date).getTime()}`, { min: r.get('min'), max: r.get('max'), sum: r.get('sum'), count: r.get('count') }]));
};

describe('projector-cassandra against the real Kafka, registry and Cassandra', () => {
  let client: Client;
  before(async () => {
    client = cassandraClient();
    await client.connect();
  });
  after(() => client.shutdown());

  describe('projecting, and replaying', () => {
    const tenant = uniqueTenant();
    let ks: Awaited<ReturnType<typeof freshKeyspace>>;
    let topic: Awaited<ReturnType<typeof isolatedTopic>>;
    let projector: RunningProjector | undefined;
    const produced: TelemetryReported[] = [];

    before(async () => {
      ks = await freshKeyspace();
      topic = await isolatedTopic(3);
    });
    after(async () => {
      await projector?.stop();
      await topic.delete();
      await ks.drop();
    });

    it('writes raw samples and minute and hour rollups with the right min, max, average and count', async () => {
      projector = await startProjector(projectorConfig({ prefix: topic.prefix, keyspace: ks.keyspace }), silentLogger);
      assert.equal(projector.topic, topic.topic);

      // Round 1: every 20 s for five minutes, across the 10:00 hour boundary.
      const round1 = reports(tenant, Array.from({ length: 15 }, (_, i) => i * 20_000), 0);
      await produce(topic.topic, round1);
      produced.push(...round1);
      await waitCaughtUp(projector.metricsPort, topic.topic);

      // Round 2, in later batches: samples between those of round 1 (late data for minutes that
      // already have rollups) and two more minutes. Rollups must account for both rounds.
      const round2 = reports(tenant, [...Array.from({ length: 15 }, (_, i) => i * 20_000 + 10_000), 5 * MINUTE + 5000, 6 * MINUTE + 5000], 100);
      await produce(topic.topic, round2);
      produced.push(...round2);
      await waitCaughtUp(projector.metricsPort, topic.topic);

      const raw = await client.execute(`SELECT device_id, metric, ts, value, unit, event_id FROM ${ks.keyspace}.telemetry_samples`);
      const expectedRaw = produced.flatMap((e) => e.payload.samples.map((s) => `${e.aggregateId}/${s.metric}/${s.ts}=${s.value} ${s.unit} ${e.eventId}`)).sort();
      assert.deepEqual(raw.rows.map((r) => `${r.get('device_id')}/${r.get('metric')}/${(r.get('ts') as Date).getTime()}=${r.get('value')} ${r.get('unit')} ${r.get('event_id')}`).sort(), expectedRaw);
      assert.equal(raw.rowLength, 2 * 2 * 32);

      const minutes = await storedRollups(client, ks.keyspace, 'telemetry_rollups_minute');
      assert.deepEqual(minutes, expectedRollups(produced, MINUTE));
      assert.equal(minutes.size, 2 * 2 * 7);
      const hours = await storedRollups(client, ks.keyspace, 'telemetry_rollups_hour');
      assert.deepEqual(hours, expectedRollups(produced, HOUR));
      assert.equal(hours.size, 2 * 2 * 2);
      // The 09:00 hour of gw-1's RSSI: minutes 09:58 and 09:59, six samples each.
      const h9 = hours.get(`gw-1/wifi.rssi/${Date.parse('2026-11-23T09:00:00Z')}`)!;
      assert.equal(h9.count, 12);
      const firstHour = produced.filter((e) => e.aggregateId === 'gw-1').flatMap((e) => e.payload.samples).filter((s) => s.metric === 'wifi.rssi' && s.ts < Date.parse('2026-11-23T10:00:00Z'));
      assert.equal(h9.sum / h9.count, firstHour.reduce((a, s) => a + s.value, 0) / firstHour.length);

      // Lag and last applied offset per partition, on /metrics and /health.
      const text = await metricsText(projector.metricsPort);
      const ends = await testBus().endOffsets(topic.topic);
      for (const [p, end] of ends) {
        assert.equal(metricValue(text, 'fleetlog_consumer_lag', `partition="${p}"`), 0);
        if (end > 0n) assert.equal(metricValue(text, 'fleetlog_consumer_last_applied_offset', `partition="${p}"`), Number(end - 1n));
      }
      assert.equal(metricValue(text, 'fleetlog_events_applied_total'), produced.length);
      assert.equal(metricValue(text, 'fleetlog_telemetry_rows_written_total', 'table="telemetry_samples"'), 2 * 2 * 32);
      assert.ok(metricValue(text, 'fleetlog_telemetry_minutes_recomputed_total') > 0, 'the late samples of round 2 made minutes be folded again from raw rows');
      const h = await health(projector.metricsPort);
      assert.equal(h.ok, true);
      assert.equal(h.cassandra.ok, true);
    });

    it('leaves identical cells when a new consumer group replays the topic from the beginning', async () => {
      const before = await checksums(client, ks.keyspace, tenant);
      const stamp = async () => (await client.execute(`SELECT max(writetime(value)) AS w FROM ${ks.keyspace}.telemetry_samples`)).first().get('w') as { toString(): string };
      const writtenBefore = (await stamp()).toString();
      await projector!.stop();

      // A second projector, new group, same keyspace: every event is applied again.
      projector = await startProjector(projectorConfig({ prefix: topic.prefix, keyspace: ks.keyspace }), silentLogger);
      await waitCaughtUp(projector.metricsPort, topic.topic);
      const text = await metricsText(projector.metricsPort);
      assert.equal(metricValue(text, 'fleetlog_telemetry_rows_written_total', 'table="telemetry_samples"'), 2 * 2 * 32, 'the replay rewrote every sample');
      assert.notEqual((await stamp()).toString(), writtenBefore, 'the cells were written again');
      assert.deepEqual(await checksums(client, ks.keyspace, tenant), before);
      assert.equal(before.telemetry_samples!.rows, 2 * 2 * 32);
    });
  });

  it('sends a poison event to the DLQ with its origin and the reason, and applies what follows it in the partition', async () => {
    const tenant = uniqueTenant();
    const ks = await freshKeyspace();
    const topic = await isolatedTopic(3);
    const group = `test-poison-${tenant}`;
    const projector = await startProjector(projectorConfig({ prefix: topic.prefix, keyspace: ks.keyspace, group }), silentLogger);
    const dlqSeen: { value: Buffer | null; headers: Record<string, string> }[] = [];
    const dlqConsumer = testKafka().consumer({ groupId: `test-dlq-${tenant}` });
    try {
      const t = Date.parse('2026-11-23T12:00:00Z');
      // One device: one key, one partition, in this order.
      const events = [
        telemetryEvent(tenant, 'dev', 1, [sample('temp', t, 20)]),
        telemetryEvent(tenant, 'dev', 2, [sample('temp', t + 1000, 21), sample('temp', t + 2000, Number.NaN)]),
        telemetryEvent(tenant, 'dev', 3, [sample('', t + 3000, 1)]),
        telemetryEvent(tenant, 'dev', 4, [sample('temp', t + 4000, 22)]),
      ];
      // A device clock that reads before 1970.
      const negative = { ...telemetryEvent(tenant, 'dev', 5, [sample('temp', -1000, 1)]), recordedAt: t + 5000 };
      await produce(topic.topic, [...events, negative]);
      await waitCaughtUp(projector.metricsPort, topic.topic);

      const raw = await rawRows(client, ks.keyspace);
      assert.deepEqual(raw, [`temp/${t}=20`, `temp/${t + 4000}=22`]);
      const minute = (await client.execute(`SELECT min, max, sum, count FROM ${ks.keyspace}.telemetry_rollups_minute`)).first();
      assert.deepEqual([minute.get('min'), minute.get('max'), minute.get('sum'), minute.get('count')], [20, 22, 42, 2]);

      await dlqConsumer.connect();
      await dlqConsumer.subscribe({ topic: topic.dlq, fromBeginning: true });
      await dlqConsumer.run({
        eachMessage: async ({ message }) =>
          void dlqSeen.push({ value: message.value, headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])) }),
      });
      await waitFor('three dead letters', () => dlqSeen.length >= 3);
      const bus = testBus();
      const decoded = await Promise.all(dlqSeen.map(async (d) => ({ ...d, event: (await bus.serde.decode(d.value!)).event as TelemetryReported })));
      const byEvent = new Map(decoded.map((d) => [d.event.eventId, d]));
      const expectations: [TelemetryReported, string][] = [
        [events[1]!, 'TELEMETRY_VALUE_NOT_FINITE'],
        [events[2]!, 'TELEMETRY_INVALID_METRIC'],
        [negative, 'TELEMETRY_TS_OUT_OF_RANGE'],
      ];
      const partitions = await partitionsWithRecords(topic.topic);
      for (const [event, code] of expectations) {
        const d = byEvent.get(event.eventId);
        assert.ok(d, `${code} event is on the DLQ`);
        assert.equal(d.headers[DLQ_HEADERS.topic], topic.topic);
        assert.equal(d.headers[DLQ_HEADERS.errorCode], code);
        assert.equal(d.headers[DLQ_HEADERS.consumerGroup], group);
        assert.ok(d.headers[DLQ_HEADERS.error]!.length > 0);
        assert.ok(partitions.has(Number(d.headers[DLQ_HEADERS.partition])));
        assert.match(d.headers[DLQ_HEADERS.offset]!, /^\d+$/);
      }
      // The offsets point at the records themselves: the poison events are the 2nd and 3rd of the partition.
      const dlqOffsets = decoded.filter((d) => d.event.eventId !== negative.eventId).map((d) => Number(d.headers[DLQ_HEADERS.offset])).sort();
      assert.deepEqual(dlqOffsets, [1, 2]);

      const text = await metricsText(projector.metricsPort);
      assert.equal(metricValue(text, 'fleetlog_events_dead_lettered_total', 'code="TELEMETRY_VALUE_NOT_FINITE"'), 1);
      assert.equal(metricValue(text, 'fleetlog_events_dead_lettered_total', 'code="TELEMETRY_INVALID_METRIC"'), 1);
      assert.equal((await health(projector.metricsPort)).ok, true);
    } finally {
      await dlqConsumer.disconnect();
      await projector.stop();
      await topic.delete();
      await ks.drop();
    }
  });

  it('keeps running through a Cassandra outage, retrying with backoff, and applies everything once it is back', async () => {
    const tenant = uniqueTenant();
    const ks = await freshKeyspace();
    const topic = await isolatedTopic(3);
    const [host, port] = contactPoint.split(',')[0]!.split(':');
    // The projector reaches Cassandra through a relay the test can cut: a real network outage.
    const proxy = await createTcpProxy({ host: host!, port: Number(port ?? 9042) });
    const projector = await spawnProjector(projectorEnv({ prefix: topic.prefix, keyspace: ks.keyspace, contactPoints: `127.0.0.1:${proxy.port}`, FLEETLOG_PROJECTOR_CASSANDRA_QUERY_TIMEOUT_MS: '2000' }));
    try {
      const t = Date.parse('2026-11-23T14:00:00Z');
      const before = Array.from({ length: 20 }, (_, i) => telemetryEvent(tenant, `dev-${i % 4}`, i, [sample('load', t + i * 1000, i)]));
      await produce(topic.topic, before);
      await waitCaughtUp(projector.metricsPort, topic.topic);

      proxy.cut();
      const during = Array.from({ length: 20 }, (_, i) => telemetryEvent(tenant, `dev-${i % 4}`, 100 + i, [sample('load', t + 60_000 + i * 1000, 100 + i)]));
      await produce(topic.topic, during);
      await waitFor(
        'the projector to retry against the unreachable Cassandra',
        async () => metricValue(await metricsText(projector.metricsPort), 'fleetlog_cassandra_retries_total', 'code="PROJECTOR_CASSANDRA_UNAVAILABLE"') >= 3,
        60_000,
      );
      const h = await health(projector.metricsPort);
      assert.equal(h.cassandra.ok, false);
      assert.match(h.cassandra.lastError ?? '', /NoHostAvailable|Timed ?Out/i);

      proxy.restore();
      await waitCaughtUp(projector.metricsPort, topic.topic, 120_000);
      assert.equal(projector.child.exitCode, null, 'the projector process is still running');
      assert.equal((await rawRows(client, ks.keyspace)).length, 40);
      assert.deepEqual(await storedRollups(client, ks.keyspace, 'telemetry_rollups_minute'), expectedRollups([...before, ...during], MINUTE));
      assert.equal((await health(projector.metricsPort)).cassandra.ok, true);
      assert.ok(projector.lines.some((l) => l.includes('retrying the batch')), 'each retry is logged');
      assert.equal(await projector.stop(), 0, 'SIGTERM shuts it down cleanly');
    } finally {
      await projector.kill();
      await proxy.close();
      await topic.delete();
      await ks.drop();
    }
  });
});

/** The raw samples of a keyspace as `metric/ts=value`, sorted. */
const rawRows = async (client: Client, keyspace: string) =>
  (await client.execute(`SELECT metric, ts, value FROM ${keyspace}.telemetry_samples`)).rows.map((r) => `${r.get('metric')}/${(r.get('ts') as Date).getTime()}=${r.get('value')}`).sort();

/** Partitions of a topic that hold records. */
const partitionsWithRecords = async (topic: string) => new Set([...(await testBus().endOffsets(topic))].filter(([, end]) => end > 0n).map(([p]) => p));
