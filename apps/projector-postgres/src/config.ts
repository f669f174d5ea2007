import { z } from 'zod';
import { commonSettings, parseConfig, portSetting, postgresSettings } from '@fleetlog/platform';

const seconds = z.coerce.number().int().min(0);

const schema = z.object({
  ...commonSettings,
  ...postgresSettings,
  /** Names this projection's offsets and consumer group; a second name projects the log again, separately. */
  FLEETLOG_PROJECTOR_NAME: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/).default('postgres'),
  /** Schema holding the read-model tables it writes. */
  FLEETLOG_PROJECTOR_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('public'),
  /** Prefix of the topics read (and written, for presence events and dead letters); empty in production. */
  FLEETLOG_TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/).default(''),
  /** Partitions applied at once, each in its own transaction. */
  FLEETLOG_PROJECTOR_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  /** How long Kafka waits for a silent projector before handing its partitions to another (6 s at least). */
  FLEETLOG_PROJECTOR_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).default(30_000),
  FLEETLOG_PROJECTOR_POSTGRES_METRICS_HOST: z.string().default('0.0.0.0'),
  FLEETLOG_PROJECTOR_POSTGRES_METRICS_PORT: portSetting.default(9463),
  /** How often the presence watcher looks for devices that went quiet or came back; 0 turns it off. */
  FLEETLOG_PRESENCE_CHECK_SECONDS: seconds.default(30),
  /** A device's contact interval when it never said (e.g. no PeriodicInformInterval reported). */
  FLEETLOG_PRESENCE_DEFAULT_INTERVAL_SECONDS: seconds.min(1).default(3600),
  /** Missed intervals before a device is offline. */
  FLEETLOG_PRESENCE_MISSED_INTERVALS: z.coerce.number().min(1).default(2),
  FLEETLOG_PRESENCE_GRACE_SECONDS: seconds.default(120),
});

export type Config = z.infer<typeof schema>;

export const loadConfig = (env: NodeJS.ProcessEnv): Config => parseConfig('projector-postgres', schema, env);
