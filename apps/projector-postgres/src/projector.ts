// The Postgres projector wired together: Kafka in, read models and offsets out, in one transaction per batch.
import type pg from 'pg';
import { createEventBus, deadLetter, topicOf, topics, type Logger } from '@fleetlog/events';
import { createConsumerMetrics, createPostgresPool, type ConsumerMetrics } from '@fleetlog/platform';
import { createBatchApplier, type BatchOutcome } from './apply-batch.js';
import type { Config } from './config.js';
import { offsetKey, readOffsets, resetOffsetsPastEnd } from './offsets.js';
import { createPresenceWatcher } from './presence.js';
import { allReadModels, type ReadModel } from './read-models/models.js';

export interface ProjectorOptions {
  models?: ReadonlySet<ReadModel>;
  /** Stop at these offsets (by `topic/partition`): a rebuild's last stretch. */
  caps?: ReadonlyMap<string, bigint>;
  /** Run the presence watcher (the live projector does; a rebuild does not). */
  presence?: boolean;
  onBatch?: (outcome: BatchOutcome, topic: string, partition: number) => void;
}

export interface RunningProjector {
  metrics: ConsumerMetrics;
  pool: pg.Pool;
  topics: string[];
  stop: () => Promise<void>;
}

/** The topics a projector with this prefix reads. */
export const sourceTopics = (prefix: string) => [topics.deviceEvents.name, topics.commandEvents.name, topics.tenantEvents.name].map((t) => `${prefix}${t}`);

export const startProjector = async (config: Config, logger: Logger, options: ProjectorOptions = {}): Promise<RunningProjector> => {
  const projector = config.FLEETLOG_PROJECTOR_NAME;
  const prefix = config.FLEETLOG_TOPIC_PREFIX;
  const groupId = `fleetlog-projector-${projector}`;
  const source = { app: 'projector-postgres', instance: config.FLEETLOG_INSTANCE };
  const metrics = createConsumerMetrics('projector-postgres');
  const pool = createPostgresPool({
    connectionString: config.FLEETLOG_POSTGRES_URL,
    max: config.FLEETLOG_PROJECTOR_CONCURRENCY + 2,
    onConnectionLost: (e) => logger.warn({ err: e.message }, 'Postgres connection lost'),
  });

  const bus = createEventBus({ brokers: config.FLEETLOG_KAFKA_BROKERS.split(','), clientId: groupId, registryUrl: config.FLEETLOG_SCHEMA_REGISTRY_URL }, logger);
  const producer = bus.producer({ route: (e) => `${prefix}${topicOf(e.type).name}` });
  const names = sourceTopics(prefix);

  const deviceTopic = `${prefix}${topics.deviceEvents.name}`;
  let afterDeviceBatch: () => void = () => undefined;
  let seek: (topic: string, partition: number, offset: string) => void = () => undefined;
  const apply = createBatchApplier({
    pool,
    projector,
    schema: config.FLEETLOG_PROJECTOR_SCHEMA,
    models: options.models ?? new Set(allReadModels),
    caps: options.caps,
    seek: (t, p, o) => seek(t, p, o),
    applied: metrics.applied,
    logger,
    deadLetter: async ({ event, code, reason }) => {
      await deadLetter(producer, groupId, { topic: event.topic, partition: event.partition, offset: event.offset, key: event.key, value: event.value, headers: event.headers }, { code, message: reason }, Date.now());
      metrics.deadLettered(event.topic, code);
      logger.warn({ topic: event.topic, partition: event.partition, offset: event.offset, type: event.event.type, eventId: event.event.eventId, code }, `dead-lettered an event the read models cannot take: ${reason}`);
    },
  });

  const consumer = bus.consumer({
    producer,
    groupId,
    topics: names,
    fromBeginning: true,
    partitionsConsumedConcurrently: config.FLEETLOG_PROJECTOR_CONCURRENCY,
    sessionTimeoutMs: config.FLEETLOG_PROJECTOR_SESSION_TIMEOUT_MS,
    // The offsets in Postgres are the truth; Kafka's committed ones only save re-reading.
    startOffsets: async (assigned) => {
      for (const { topic } of assigned) {
        for (const r of await resetOffsetsPastEnd(pool, projector, topic, await bus.endOffsets(topic))) {
          logger.warn({ topic, partition: r.partition, stored: String(r.stored), end: String(r.end) }, 'stored offset past the end of the log (topic recreated or cluster replaced): projecting the partition from its start');
        }
      }
      const stored = await readOffsets(pool, projector);
      return assigned.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition, offset: String(stored.get(offsetKey(topic, partition)) ?? 0n) })));
    },
    handle: async (batch) => {
      const outcome = await apply(batch);
      if (outcome.kind === 'applied' || outcome.kind === 'skipped') metrics.observe(batch);
      options.onBatch?.(outcome, batch.topic, batch.partition);
      if (outcome.kind === 'applied' && batch.topic === deviceTopic) afterDeviceBatch();
    },
  });
  seek = consumer.seek;

  await producer.connect();
  await consumer.start();

  let presenceTimer: NodeJS.Timeout | undefined;
  if (options.presence !== false && config.FLEETLOG_PRESENCE_CHECK_SECONDS > 0) {
    const watcher = createPresenceWatcher({
      pool,
      schema: config.FLEETLOG_PROJECTOR_SCHEMA,
      publish: async (events) => void (await producer.publish(events)),
      now: Date.now,
      source,
      logger,
      settings: {
        defaultIntervalSeconds: config.FLEETLOG_PRESENCE_DEFAULT_INTERVAL_SECONDS,
        missedIntervals: config.FLEETLOG_PRESENCE_MISSED_INTERVALS,
        graceSeconds: config.FLEETLOG_PRESENCE_GRACE_SECONDS,
      },
    });
    // One check at a time; what is asked for meanwhile runs right after, merged.
    let running = false;
    let pending: 'all' | 'contacts' | undefined;
    const check = (scope: 'all' | 'contacts') => {
      if (running) {
        pending = pending === 'all' ? 'all' : scope;
        return;
      }
      running = true;
      watcher
        .check(scope)
        .then((events) => events.length > 0 && logger.info({ events: events.length }, 'presence changes recorded'))
        .catch((e: unknown) => logger.warn({ err: (e as Error).message }, 'presence check failed; trying again later'))
        .finally(() => {
          running = false;
          const next = pending;
          pending = undefined;
          if (next) check(next);
        });
    };
    presenceTimer = setInterval(() => check('all'), config.FLEETLOG_PRESENCE_CHECK_SECONDS * 1000);
    // A device heard from is online as soon as its contact is in the read model, not at the next tick.
    afterDeviceBatch = () => check('contacts');
  }

  logger.info({ projector, groupId, topics: names, schema: config.FLEETLOG_PROJECTOR_SCHEMA }, 'projector started');
  return {
    metrics,
    pool,
    topics: names,
    stop: async () => {
      clearInterval(presenceTimer);
      await consumer.stop();
      await producer.disconnect();
      await pool.end();
    },
  };
};
