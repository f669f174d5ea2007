// Test support: a projector on its own topics, schema and offsets, beside whatever else runs on the stack.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dlqTopicName, silentLogger, topicOf, type AnyEvent } from '@fleetlog/events';
import { testBus, testKafka } from '@fleetlog/events/testing';
import { loadConfig, type Config } from '../config.js';
import { sourceTopics } from '../projector.js';
import { allReadModels, tablesOf } from '../read-models/models.js';
import { createShadowTables, dropSchema, tableChecksum } from '../read-models/schemas.js';

export const databaseUrl = () => process.env.FLEETLOG_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/fleetlog';

/** A fresh namespace: topic prefix, projector name and schema, all unique to one test. */
export const isolation = async (opts: { partitions?: number } = {}) => {
  const id = randomBytes(4).toString('hex');
  const prefix = `t${id}.`;
  const schema = `t_${id}`;
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: sourceTopics(prefix).flatMap((topic) => [
        { topic, numPartitions: opts.partitions ?? 4 },
        { topic: dlqTopicName(topic), numPartitions: 1 },
      ]),
    });
  } finally {
    await admin.disconnect();
  }
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 4 });
  pool.on('error', () => undefined); // an idle client lost in a database outage test
  await createShadowTables(pool, schema, tablesOf(allReadModels));
  const bus = testBus();
  const producer = bus.producer({ route: (e) => `${prefix}${topicOf(e.type).name}` });
  await producer.connect();
  const config = (overrides: Partial<Record<keyof Config, string>> = {}): Config =>
    loadConfig({
      ...process.env,
      FLEETLOG_PROJECTOR_NAME: `test-${id}`,
      FLEETLOG_PROJECTOR_SCHEMA: schema,
      FLEETLOG_TOPIC_PREFIX: prefix,
      FLEETLOG_PRESENCE_CHECK_SECONDS: '0',
      FLEETLOG_PROJECTOR_POSTGRES_METRICS_PORT: '0',
      FLEETLOG_LOG_LEVEL: 'warn',
      ...overrides,
    });
  return {
    id,
    prefix,
    schema,
    pool,
    bus,
    config,
    logger: silentLogger,
    publish: async (events: AnyEvent[]) => void (await producer.publish(events)),
    /** The sum of the partitions' end offsets of the source topics. */
    endOffsets: async () => {
      const ends = new Map<string, bigint>();
      for (const topic of sourceTopics(prefix)) for (const [p, end] of await bus.endOffsets(topic)) ends.set(`${topic}/${p}`, end);
      return ends;
    },
    cleanup: async () => {
      await producer.disconnect();
      await dropSchema(pool, schema);
      await pool.query('DELETE FROM projection_offsets WHERE projector LIKE $1', [`%${id}%`]);
      await pool.end();
    },
  };
};

export type Isolation = Awaited<ReturnType<typeof isolation>>;

/** True once the projector's stored offsets reach the topics' ends. */
export const caughtUp = async (iso: Isolation, projector = `test-${iso.id}`): Promise<boolean> => {
  const ends = await iso.endOffsets();
  const { rows } = await iso.pool.query<{ topic: string; partition: number; next_offset: string }>('SELECT topic, partition, next_offset FROM projection_offsets WHERE projector = $1', [projector]);
  const stored = new Map(rows.map((r) => [`${r.topic}/${r.partition}`, BigInt(r.next_offset)]));
  return [...ends].every(([k, end]) => end === 0n || (stored.get(k) ?? 0n) >= end);
};

/** Checksums of every read-model table in a schema. */
export const checksums = async (iso: Isolation, schema: string) => {
  const out: Record<string, string> = {};
  for (const t of tablesOf(allReadModels)) {
    const c = await tableChecksum(iso.pool, schema, t);
    out[t] = `${c.rows} rows ${c.md5}`;
  }
  return out;
};

const main = resolve(fileURLToPath(import.meta.url), '../../main.ts');

/** The projector as production runs it: its own process, configured by environment. */
export const spawnProjector = (iso: Isolation): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      FLEETLOG_PROJECTOR_NAME: `test-${iso.id}`,
      FLEETLOG_PROJECTOR_SCHEMA: iso.schema,
      FLEETLOG_TOPIC_PREFIX: iso.prefix,
      FLEETLOG_PRESENCE_CHECK_SECONDS: '0',
      FLEETLOG_PROJECTOR_POSTGRES_METRICS_PORT: '0',
      // A killed member is replaced after 6 s instead of 30.
      FLEETLOG_PROJECTOR_SESSION_TIMEOUT_MS: '6000',
      FLEETLOG_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
