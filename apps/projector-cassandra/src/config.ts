import { z } from 'zod';
import { cassandraSettings, commonSettings, parseConfig, portSetting } from '@fleetlog/platform';

const schema = z.object({
  ...commonSettings,
  ...cassandraSettings,
  /** Put before every topic name, so a test or benchmark reads its own copy of the topics. */
  FLEETLOG_TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/).default(''),
  /** Consumer group: instances sharing it split the partitions between them. */
  FLEETLOG_PROJECTOR_CASSANDRA_GROUP: z.string().min(1).default('fleetlog.projector-cassandra'),
  /** How long Kafka waits for a silent projector before handing its partitions on (6 s at least). */
  FLEETLOG_PROJECTOR_CASSANDRA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).default(30_000),
  FLEETLOG_PROJECTOR_CASSANDRA_METRICS_HOST: z.string().min(1).default('0.0.0.0'),
  FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT: portSetting.default(9464),
  /** Cassandra queries in flight at once, over all partitions. */
  FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(64),
  /** Kafka partitions applied at once (each one still in offset order). */
  FLEETLOG_PROJECTOR_CASSANDRA_PARTITIONS: z.coerce.number().int().min(1).max(64).default(2),
  /** Driver time-out for one query; a timed-out query is retried with the rest of its batch. */
  FLEETLOG_PROJECTOR_CASSANDRA_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(12_000),
});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; an invalid setting stops the app with every problem listed. */
export const loadConfig = (env: NodeJS.ProcessEnv): Config => parseConfig('projector-cassandra', schema, env);
