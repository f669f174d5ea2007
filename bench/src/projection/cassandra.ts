import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client, types } from 'cassandra-driver';
import { Kafka, logLevel } from 'kafkajs';
import { createEventBus, deterministicEventId, dlqTopicName, silentLogger, topics, type TelemetryReported } from '@fleetlog/events';
import { SAMPLE_METRICS, stackSettings, waitFor } from '@fleetlog/events/testing';
import { migrateCassandra } from '@fleetlog/platform';
import { machine } from '../report.js';

const DAY_MS = 86_400_000;

export interface ProjectionBenchOptions {
  devices: number;
  /** Reports per device; each report carries one sample of each of the five metrics. */
  reports: number;
  /** Seconds between two reports of a device. */
  intervalSeconds: number;
  /** FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY of the projector. */
  concurrency: number;
  /** FLEETLOG_PROJECTOR_CASSANDRA_PARTITIONS of the projector. */
  partitions: number;
  /** Inserts in flight for the raw ceiling. */
  rawConcurrency: number;
}

const contactPoints = (process.env.FLEETLOG_CASSANDRA_CONTACT_POINTS ?? '127.0.0.1:9042').split(',');
const localDataCenter = process.env.FLEETLOG_CASSANDRA_LOCAL_DC ?? 'datacenter1';

/** Reports of every device at each tick, ticks in order: how a fleet's telemetry reaches the topic. */
const reportsOf = (tenant: string, opts: ProjectionBenchOptions, t0: number): TelemetryReported[] => {
  const out: TelemetryReported[] = [];
  for (let j = 0; j < opts.reports; j++) {
    for (let d = 0; d < opts.devices; d++) {
      const ts = t0 + j * opts.intervalSeconds * 1000 + (d % opts.intervalSeconds) * 1000;
      const deviceId = `cpe-${String(d).padStart(6, '0')}`;
      out.push({
        eventId: deterministicEventId('bench-telemetry', tenant, deviceId, j),
        type: 'TelemetryReported',
        tenantId: tenant,
        aggregateId: deviceId,
        occurredAt: ts,
        recordedAt: ts + 200,
        correlationId: `bench-${deviceId}-${j}`,
        causationId: null,
        source: { app: 'bench', instance: String(process.pid) },
        payload: { samples: SAMPLE_METRICS.map(({ metric, unit }, m) => ({ metric, ts, value: Math.sin(d * 1000 + j * 7 + m) * 1000, unit })) },
      });
    }
  }
  return out;
};

/**
 * Telemetry rows per second through the projector: events are produced to an isolated topic
 * first, then the projector runs as its own process (as in production) into a fresh keyspace,
 * timed from joining its group until it has applied every record. Each sample costs it a raw row
 * and its share of the minute and hour rollups (reads included). Next to it, the raw ceiling:
 * the same rows inserted with cassandra-driver, prepared, `rawConcurrency` in flight, into
 * another fresh keyspace, in the same run.
 */
export const cassandraProjectionBench = async (opts: ProjectionBenchOptions) => {
  const settings = stackSettings();
  const run = randomUUID().slice(0, 8);
  const tenant = `bench-${run}`;
  const prefix = `bench${run}.`;
  const topic = `${prefix}${topics.telemetry.name}`;
  const kafka = new Kafka({ clientId: 'bench', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: topics.telemetry.partitions }, { topic: dlqTopicName(topic), numPartitions: 1 }] });
  const client = new Client({ contactPoints, localDataCenter, socketOptions: { readTimeout: 120_000 } });
  const keyspaces = { projector: `bench_${run}_projector`, raw: `bench_${run}_raw` };
  const replication = "{'class': 'SimpleStrategy', 'replication_factor': 1}";
  for (const keyspace of Object.values(keyspaces)) {
    // One client per keyspace: the runner switches its session to the keyspace it migrates.
    const c = new Client({ contactPoints, localDataCenter });
    await migrateCassandra({ client: c, keyspace, replication, dir: join(process.cwd(), 'infra/migrations/cassandra') });
    await c.shutdown();
  }

  try {
    const t0 = Date.UTC(2026, 10, 23, 8, 0, 0);
    const events = reportsOf(tenant, opts, t0);
    const samples = events.length * SAMPLE_METRICS.length;
    const bus = createEventBus({ ...settings, clientId: 'bench' }, silentLogger);
    const producer = bus.producer({ route: () => topic });
    await producer.connect();
    for (let i = 0; i < events.length; i += 2000) await producer.publish(events.slice(i, i + 2000));
    await producer.disconnect();
    const ends = await bus.endOffsets(topic);
    console.log(`${events.length} TelemetryReported events (${samples} samples) from ${opts.devices} devices, every ${opts.intervalSeconds} s, on ${ends.size} partitions`);

    // The projector, as its own process.
    const projector = spawn(
      process.execPath,
      [...(process.env.FLEETLOG_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.FLEETLOG_BENCH_PROFILE}`] : []), '--import', 'tsx', join(process.cwd(), 'apps/projector-cassandra/src/main.ts')],
      {
        env: {
          ...process.env,
          FLEETLOG_KAFKA_BROKERS: settings.brokers.join(','),
          FLEETLOG_SCHEMA_REGISTRY_URL: settings.registryUrl,
          FLEETLOG_CASSANDRA_CONTACT_POINTS: contactPoints.join(','),
          FLEETLOG_CASSANDRA_LOCAL_DC: localDataCenter,
          FLEETLOG_CASSANDRA_KEYSPACE: keyspaces.projector,
          FLEETLOG_TOPIC_PREFIX: prefix,
          FLEETLOG_PROJECTOR_CASSANDRA_GROUP: `bench-${run}`,
          FLEETLOG_PROJECTOR_CASSANDRA_METRICS_HOST: '127.0.0.1',
          FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT: '0',
          FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY: String(opts.concurrency),
          FLEETLOG_PROJECTOR_CASSANDRA_PARTITIONS: String(opts.partitions),
          FLEETLOG_LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let projectorSeconds: number;
    try {
      const port = await new Promise<number>((resolve, reject) => {
        createInterface({ input: projector.stdout! }).on('line', (line) => {
          if (line.includes('projector-cassandra consuming')) resolve(JSON.parse(line).metricsPort as number);
          else if (/"level":(40|50|60)/.test(line)) console.error(line);
        });
        projector.once('exit', (c) => reject(new Error(`projector-cassandra exited with ${c}`)));
      });
      const started = process.hrtime.bigint();
      await waitFor(
        'the projector to apply every record',
        async () => {
          const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { partitions: { partition: number; lastAppliedOffset: string }[] };
          return [...ends].every(([p, end]) => end === 0n || BigInt(health.partitions.find((x) => x.partition === p)?.lastAppliedOffset ?? -1) + 1n >= end);
        },
        30 * 60_000,
      );
      projectorSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    } finally {
      projector.kill('SIGTERM');
    }

    // The raw ceiling: the same rows, plain prepared inserts, a fixed number in flight.
    const insert = `INSERT INTO ${keyspaces.raw}.telemetry_samples (tenant_id, device_id, metric, day, ts, value, unit, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
    const rows = events.flatMap((e) =>
      e.payload.samples.map((s) => {
        const day = new Date(Math.floor(s.ts / DAY_MS) * DAY_MS);
        return [e.tenantId, e.aggregateId, s.metric, new types.LocalDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()), new Date(s.ts), s.value, s.unit ?? types.unset, e.eventId];
      }),
    );
    const rawClient = new Client({ contactPoints, localDataCenter, queryOptions: { consistency: types.consistencies.localQuorum, prepare: true, isIdempotent: true } });
    await rawClient.connect();
    await rawClient.execute(insert, rows[0]!, { prepare: true });
    let next = 0;
    const r0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: opts.rawConcurrency }, async () => {
        while (next < rows.length) await rawClient.execute(insert, rows[next++]!, { prepare: true });
      }),
    );
    const rawSeconds = Number(process.hrtime.bigint() - r0) / 1e9;
    await rawClient.shutdown();

    const count = async (table: string) => Number((await client.execute(`SELECT count(*) AS n FROM ${keyspaces.projector}.${table}`)).first().get('n'));
    const written = { samples: await count('telemetry_samples'), minutes: await count('telemetry_rollups_minute'), hours: await count('telemetry_rollups_hour') };
    if (written.samples !== samples) throw new Error(`the projector wrote ${written.samples} raw rows, expected ${samples}`);

    const rate = samples / projectorSeconds;
    const rawRate = samples / rawSeconds;
    console.log(`\nprojection-cassandra — ${new Date().toISOString()} — ${machine()}`);
    console.log(`projector: concurrency ${opts.concurrency}, ${opts.partitions} partitions at once; raw: ${opts.rawConcurrency} inserts in flight`);
    console.log(`rows written by the projector: ${written.samples} raw + ${written.minutes} minute + ${written.hours} hour rollups`);
    console.log(`telemetry rows/s through the projector   ${rate.toFixed(0).padStart(8)}   (${projectorSeconds.toFixed(1)} s)`);
    console.log(`raw cassandra-driver inserts/s (same rows) ${rawRate.toFixed(0).padStart(8)}   (${rawSeconds.toFixed(1)} s)   ratio ${((100 * rate) / rawRate).toFixed(1)}%`);
    const dir = join(process.cwd(), 'tmp', 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'projection-cassandra.json'),
      JSON.stringify({ name: 'projection-cassandra', at: new Date().toISOString(), machine: machine(), options: opts, samples, written, projectorSeconds, rawSeconds, rate, rawRate, ratio: rate / rawRate }, null, 2),
    );
  } finally {
    await admin.deleteTopics({ topics: [topic, dlqTopicName(topic)] }).catch(() => undefined);
    await admin.disconnect();
    for (const keyspace of Object.values(keyspaces)) await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`).catch(() => undefined);
    await client.shutdown();
  }
};
