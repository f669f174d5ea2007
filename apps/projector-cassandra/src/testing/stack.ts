// Integration-test support: a fresh keyspace, an isolated topic, the projector's settings, and a
// checksum of everything the projector wrote for a tenant. Everything talks to the real stack.
import { createHash, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'cassandra-driver';
import { dlqTopicName, topics, type AnyEvent } from '@fleetlog/events';
import { stackSettings, testBus, testKafka, waitFor } from '@fleetlog/events/testing';
import { migrateCassandra } from '@fleetlog/platform';
import { loadConfig, type Config } from '../config.js';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..');
export const contactPoint = process.env.FLEETLOG_CASSANDRA_CONTACT_POINTS ?? '127.0.0.1:9042';
const localDc = process.env.FLEETLOG_CASSANDRA_LOCAL_DC ?? 'datacenter1';

export const cassandraClient = () => new Client({ contactPoints: contactPoint.split(','), localDataCenter: localDc });

/** A new keyspace with every Cassandra migration of the repository applied, as provisioning does. */
export const freshKeyspace = async () => {
  const keyspace = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  // Its own client: the migration runner switches the session to the keyspace.
  const client = cassandraClient();
  try {
    await migrateCassandra({ client, keyspace, replication: "{'class': 'SimpleStrategy', 'replication_factor': 1}", dir: join(repoRoot, 'infra/migrations/cassandra') });
  } finally {
    await client.shutdown();
  }
  return {
    keyspace,
    drop: async () => {
      const c = cassandraClient();
      try {
        await c.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
      } finally {
        await c.shutdown();
      }
    },
  };
};

/** `<prefix>fleetlog.telemetry.samples` and its DLQ, for one test: nobody else reads or writes them. */
export const isolatedTopic = async (partitions = 12) => {
  const prefix = `t${randomUUID().slice(0, 8)}.`;
  const topic = `${prefix}${topics.telemetry.name}`;
  const admin = testKafka().admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions }, { topic: dlqTopicName(topic), numPartitions: 1 }] });
  return {
    prefix,
    topic,
    dlq: dlqTopicName(topic),
    delete: async () => {
      await admin.deleteTopics({ topics: [topic, dlqTopicName(topic)] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
};

/** Publishes events to an isolated topic in chunks; resolves once all are durably on Kafka. */
export const produce = async (topic: string, events: AnyEvent[], chunk = 1000) => {
  const producer = testBus().producer({ route: () => topic });
  await producer.connect();
  try {
    for (let i = 0; i < events.length; i += chunk) await producer.publish(events.slice(i, i + chunk));
  } finally {
    await producer.disconnect();
  }
};

/** The projector's settings against the local stack, as main.ts would parse them from `env`. */
export const projectorEnv = (env: { prefix: string; keyspace: string; group?: string; contactPoints?: string } & Record<string, string | undefined>): Record<string, string> => {
  const s = stackSettings();
  const { prefix, keyspace, group, contactPoints, ...rest } = env;
  return Object.fromEntries(
    Object.entries({
      FLEETLOG_KAFKA_BROKERS: s.brokers.join(','),
      FLEETLOG_SCHEMA_REGISTRY_URL: s.registryUrl,
      FLEETLOG_CASSANDRA_CONTACT_POINTS: contactPoints ?? contactPoint,
      FLEETLOG_CASSANDRA_LOCAL_DC: localDc,
      FLEETLOG_CASSANDRA_KEYSPACE: keyspace,
      FLEETLOG_TOPIC_PREFIX: prefix,
      FLEETLOG_PROJECTOR_CASSANDRA_GROUP: group ?? `test-projector-${randomUUID()}`,
      FLEETLOG_PROJECTOR_CASSANDRA_METRICS_HOST: '127.0.0.1',
      FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT: '0',
      ...rest,
    }).filter((kv): kv is [string, string] => kv[1] !== undefined),
  );
};

export const projectorConfig = (env: Parameters<typeof projectorEnv>[0]): Config => loadConfig({ FLEETLOG_LOG_LEVEL: 'warn', ...projectorEnv(env) });

export interface Health {
  ok: boolean;
  consuming: boolean;
  cassandra: { ok: boolean; lastError?: string };
  partitions: { topic: string; partition: number; lastAppliedOffset: string; lag: string }[];
}

export const health = async (port: number): Promise<Health> => (await fetch(`http://127.0.0.1:${port}/health`)).json() as Promise<Health>;
export const metricsText = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();

/** A sample value of a Prometheus series, e.g. metricValue(text, 'fleetlog_x_total', 'table="a"'). */
export const metricValue = (text: string, name: string, labels = ''): number => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
};

/** Waits until the projector behind `port` has applied every record the topic holds now. */
export const waitCaughtUp = async (port: number, topic: string, timeoutMs = 120_000) => {
  const ends = await testBus().endOffsets(topic);
  await waitFor(
    `the projector to reach the end of ${topic}`,
    async () => {
      const h = await health(port);
      return [...ends].every(([p, end]) => end === 0n || BigInt(h.partitions.find((x) => x.topic === topic && x.partition === p)?.lastAppliedOffset ?? -1) + 1n >= end);
    },
    timeoutMs,
  );
};

/** Every row of a table in a keyspace, with the columns given, as canonical strings in key order. */
export const rowsOf = async (client: Client, keyspace: string, table: string, tenant: string): Promise<string[]> => {
  const rows: string[] = [];
  const canon = (v: unknown) => (v instanceof Date ? String(v.getTime()) : v === null || v === undefined ? '∅' : String(v));
  const stream = client.stream(`SELECT * FROM ${keyspace}.${table}`, [], { prepare: true, fetchSize: 5000, autoPage: true });
  for await (const row of stream as unknown as AsyncIterable<Record<string, unknown> & { keys: () => string[] }>) {
    if (row.tenant_id !== tenant) continue;
    rows.push(row.keys().sort().map((k) => `${k}=${canon(row[k])}`).join('|'));
  }
  return rows.sort();
};

export const TABLE_NAMES = ['telemetry_samples', 'telemetry_rollups_minute', 'telemetry_rollups_hour'] as const;

/** Row count and SHA-256 of every projector table for one tenant. */
export const checksums = async (client: Client, keyspace: string, tenant: string) => {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const table of TABLE_NAMES) {
    const rows = await rowsOf(client, keyspace, table, tenant);
    out[table] = { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') };
  }
  return out;
};
