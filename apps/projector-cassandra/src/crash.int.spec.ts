import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'cassandra-driver';
import { silentLogger, type TelemetryReported } from '@fleetlog/events';
import { SAMPLE_METRICS, testBus, testKafka, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { startProjector } from './projector.js';
import { sample, telemetryEvent } from './testing/events.js';
import { spawnProjector } from './testing/process.js';
import { cassandraClient, checksums, freshKeyspace, isolatedTopic, projectorConfig, projectorEnv, waitCaughtUp } from './testing/stack.js';

const DEVICES = 400;
const REPORTS_PER_DEVICE = 50;
const KILLS = 10;
// Ten minutes before midnight at the end of a month: raw, minute and hour partitions all roll over.
const T0 = Date.parse('2026-11-30T23:50:00Z');

/** Report `j` of device `d`: five metrics every 15 s, devices a second apart, values not round. */
const report = (tenant: string, d: number, j: number): TelemetryReported =>
  telemetryEvent(
    tenant,
    `cpe-${String(d).padStart(4, '0')}`,
    j,
    SAMPLE_METRICS.map(({ metric, unit }, m) => sample(metric, T0 + j * 15_000 + (d % 15) * 1000, Math.sin(d * 1000 + j * 7 + m) * 1000, unit)),
  );

/** A small seeded generator, so a failing run can be repeated with FLEETLOG_CRASH_SEED. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Offsets the group has committed on the topic, against its end offsets. */
const progressOf = async (groupId: string, topic: string) => {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const ends = await testBus().endOffsets(topic);
    let behind = 0n;
    for (const [p, end] of ends) {
      const at = BigInt(committed?.partitions.find((x) => x.partition === p)?.offset ?? '-1');
      behind += end - (at < 0n ? 0n : at);
    }
    return { behind };
  } finally {
    await admin.disconnect();
  }
};

describe('crash test: the projector killed with SIGKILL at random moments', () => {
  const tenant = uniqueTenant();
  const seed = Number(process.env.FLEETLOG_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const rnd = random(seed);
  let client: Client;
  let crashed: Awaited<ReturnType<typeof freshKeyspace>>;
  let scratch: Awaited<ReturnType<typeof freshKeyspace>>;
  let topic: Awaited<ReturnType<typeof isolatedTopic>>;

  before(async () => {
    client = cassandraClient();
    await client.connect();
    crashed = await freshKeyspace();
    scratch = await freshKeyspace();
    topic = await isolatedTopic(12);
  });
  after(async () => {
    await topic.delete();
    await crashed.drop();
    await scratch.drop();
    await client.shutdown();
  });

  it(`ends with the same cells as a projection from scratch, nothing lost or doubled (${DEVICES * REPORTS_PER_DEVICE * SAMPLE_METRICS.length} samples, ${KILLS} kills)`, async (t) => {
    t.diagnostic(`seed ${seed} (set FLEETLOG_CRASH_SEED to repeat)`);
    const groupId = `test-crash-${randomUUID()}`;
    const env = projectorEnv({ prefix: topic.prefix, keyspace: crashed.keyspace, group: groupId });
    // The reports arrive in waves while the projector runs, one wave per life of the process,
    // so every kill lands while batches are being written and committed.
    const perWave = REPORTS_PER_DEVICE / KILLS;
    const waves = Array.from({ length: KILLS }, (_, w) => Array.from({ length: perWave }, (_, k) => Array.from({ length: DEVICES }, (_, d) => report(tenant, d, w * perWave + k))).flat());
    const producer = testBus().producer({ route: () => topic.topic });
    await producer.connect();
    let kills = 0;
    let killsBehind = 0;
    try {
      for (const wave of waves) {
        const projector = await spawnProjector(env);
        const chunks = Array.from({ length: wave.length / 100 }, (_, i) => wave.slice(i * 100, (i + 1) * 100));
        // Killed after a random chunk of the wave, a random moment later; the wave goes on.
        const killAfter = 1 + Math.floor(rnd() * (chunks.length - 2));
        const delayMs = Math.floor(rnd() * 40);
        let killed: Promise<void> | undefined;
        for (const [i, chunk] of chunks.entries()) {
          await producer.publish(chunk);
          if (i === killAfter) killed = new Promise<void>((r) => setTimeout(r, delayMs)).then(projector.kill);
        }
        await killed;
        assert.notEqual(projector.child.signalCode, null, 'the projector died by the signal, not on its own');
        kills++;
        if ((await progressOf(groupId, topic.topic)).behind > 0n) killsBehind++;
      }
    } finally {
      await producer.disconnect();
    }
    t.diagnostic(`${kills} kills, ${killsBehind} of them left records uncommitted`);
    assert.equal(kills, KILLS);
    assert.ok(killsBehind >= 1, 'at least one restart had uncommitted records to apply again');

    // The last life: it catches up and stops cleanly.
    const last = await spawnProjector(env);
    await waitFor('the restarted projector to commit everything', async () => (await progressOf(groupId, topic.topic)).behind === 0n, 300_000);
    assert.equal(await last.stop(), 0);

    // The same topic projected once, without interruption, into a second fresh keyspace.
    const reference = await startProjector(projectorConfig({ prefix: topic.prefix, keyspace: scratch.keyspace }), silentLogger);
    try {
      await waitCaughtUp(reference.metricsPort, topic.topic, 300_000);
    } finally {
      await reference.stop();
    }

    const distinct = new Set(waves.flat().flatMap((e) => e.payload.samples.map((s) => `${e.aggregateId}/${s.metric}/${s.ts}`))).size;
    assert.equal(distinct, DEVICES * REPORTS_PER_DEVICE * SAMPLE_METRICS.length);
    const [afterCrashes, fromScratch] = [await checksums(client, crashed.keyspace, tenant), await checksums(client, scratch.keyspace, tenant)];
    t.diagnostic(JSON.stringify(afterCrashes));
    assert.equal(afterCrashes.telemetry_samples!.rows, distinct, 'every sample once: none lost, none doubled');
    assert.ok(afterCrashes.telemetry_rollups_minute!.rows > 0 && afterCrashes.telemetry_rollups_hour!.rows > 0);
    assert.deepEqual(afterCrashes, fromScratch);
  });
});
