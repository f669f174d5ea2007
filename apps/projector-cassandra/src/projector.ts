// The Cassandra telemetry projector wired together: Kafka consumer, Cassandra store, DLQ, metrics.
// main.ts and tests start it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'cassandra-driver';
import { Counter, Histogram } from 'prom-client';
import { createEventBus, deadLetter, topics, type ConsumedEvent, type Logger, type PartitionBatch } from '@fleetlog/events';
import { createConsumerMetrics, serveMetrics } from '@fleetlog/platform';
import { createCassandraClient, fromDriverError } from './cassandra/client.js';
import { createTelemetryStore, type TelemetryStore } from './cassandra/telemetry-store.js';
import type { Config } from './config.js';
import { isProjectorError, ProjectorError } from './errors.js';
import { createLimiter, forEachBounded } from './limit.js';
import { backoffMs, retrying } from './retry.js';
import { planBatch } from './telemetry/plan.js';

export const APP = 'projector-cassandra';

export interface RunningProjector {
  /** The topic it consumes (the catalog's, behind FLEETLOG_TOPIC_PREFIX). */
  topic: string;
  metricsPort: number;
  /** Stops consuming (the batch in hand is finished or left uncommitted), then closes everything. */
  stop: () => Promise<void>;
}

/** Cassandra failing for longer than this turns /health to 503. */
const UNHEALTHY_AFTER_MS = 60_000;

const origin = (e: ConsumedEvent) => ({ topic: e.topic, partition: e.partition, offset: e.offset, key: e.key, value: e.value, headers: e.headers });

/** Connects, retrying while Cassandra is unreachable; a refused connection (bad credentials) is thrown. */
const connect = async (config: Config, logger: Logger, stopping: () => boolean): Promise<Client> => {
  for (let attempt = 0; ; attempt++) {
    const client = createCassandraClient({
      contactPoints: config.FLEETLOG_CASSANDRA_CONTACT_POINTS.split(','),
      localDataCenter: config.FLEETLOG_CASSANDRA_LOCAL_DC,
      queryTimeoutMs: config.FLEETLOG_PROJECTOR_CASSANDRA_QUERY_TIMEOUT_MS,
    });
    try {
      await client.connect();
      return client;
    } catch (e) {
      await client.shutdown().catch(() => undefined);
      const err = fromDriverError(e, `connecting to Cassandra at ${config.FLEETLOG_CASSANDRA_CONTACT_POINTS}`);
      if (!err.retriable || stopping()) throw err;
      const delay = backoffMs(attempt);
      logger.warn({ code: err.code, attempt, delayMs: delay }, err.message);
      await sleep(delay);
    }
  }
};

export const startProjector = async (config: Config, logger: Logger): Promise<RunningProjector> => {
  const topic = `${config.FLEETLOG_TOPIC_PREFIX}${topics.telemetry.name}`;
  const groupId = config.FLEETLOG_PROJECTOR_CASSANDRA_GROUP;
  const keyspace = config.FLEETLOG_CASSANDRA_KEYSPACE;
  const now = Date.now;
  let stopping = false;

  const metrics = createConsumerMetrics(APP);
  const rowsWritten = new Counter({ name: 'fleetlog_telemetry_rows_written_total', help: 'Rows written to Cassandra, rewrites on replay included', labelNames: ['table'], registers: [metrics.registry] });
  const recomputed = new Counter({ name: 'fleetlog_telemetry_minutes_recomputed_total', help: 'Minute rollups folded again from raw rows because of late or replayed samples', registers: [metrics.registry] });
  const retries = new Counter({ name: 'fleetlog_cassandra_retries_total', help: 'Batches retried after a retriable Cassandra error', labelNames: ['code'], registers: [metrics.registry] });
  const batchSeconds = new Histogram({ name: 'fleetlog_projector_batch_seconds', help: 'Time to apply one partition batch, retries included', registers: [metrics.registry], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

  // What /health reports besides the partitions.
  const state = { consuming: false, cassandraFailingSince: undefined as number | undefined, lastError: undefined as string | undefined };
  const server = await serveMetrics({
    host: config.FLEETLOG_PROJECTOR_CASSANDRA_METRICS_HOST,
    port: config.FLEETLOG_PROJECTOR_CASSANDRA_METRICS_PORT,
    registry: metrics.registry,
    health: () => ({
      ok: state.consuming && (state.cassandraFailingSince === undefined || now() - state.cassandraFailingSince < UNHEALTHY_AFTER_MS),
      app: APP,
      topic,
      groupId,
      keyspace,
      consuming: state.consuming,
      cassandra: state.cassandraFailingSince === undefined ? { ok: true } : { ok: false, failingSince: new Date(state.cassandraFailingSince).toISOString(), lastError: state.lastError },
      partitions: metrics.partitions(),
    }),
  });

  let client: Client | undefined;
  try {
    client = await connect(config, logger, () => stopping);
    const limiter = createLimiter(config.FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY);
    const store: TelemetryStore = createTelemetryStore({ client, keyspace, limiter });
    await store.checkSchema();

    const bus = createEventBus({ brokers: config.FLEETLOG_KAFKA_BROKERS.split(','), clientId: `${APP}-${config.FLEETLOG_INSTANCE}`, registryUrl: config.FLEETLOG_SCHEMA_REGISTRY_URL }, logger);
    const producer = bus.producer();

    const apply = async (batch: PartitionBatch) => {
      const plan = planBatch(batch.events.map((e) => e.event));
      const written = await retrying(
        async () => {
          const totals = { samples: 0, minutes: 0, hours: 0, recomputed: 0 };
          // Units (series-days) run side by side; the limiter bounds the queries they issue.
          await forEachBounded(plan.units, config.FLEETLOG_PROJECTOR_CASSANDRA_CONCURRENCY, async (unit) => {
            if (!batch.isRunning()) throw new ProjectorError('PROJECTOR_STOPPED', 'stopped mid-batch; the batch stays uncommitted and is applied again', true);
            const w = await store.applyUnit(unit);
            totals.samples += w.samples;
            totals.minutes += w.minutes;
            totals.hours += w.hours;
            totals.recomputed += w.recomputed;
            await batch.heartbeat();
          });
          return totals;
        },
        {
          isRetriable: (e) => isProjectorError(e, 'PROJECTOR_CASSANDRA_UNAVAILABLE'),
          isRunning: batch.isRunning,
          heartbeat: batch.heartbeat,
          onRetry: (e, attempt, delayMs) => {
            const err = e as ProjectorError;
            state.cassandraFailingSince ??= now();
            state.lastError = err.message;
            retries.inc({ code: err.code });
            logger.warn({ code: err.code, topic: batch.topic, partition: batch.partition, fromOffset: batch.fromOffset, attempt, delayMs }, `Cassandra write failed, retrying the batch: ${err.message}`);
          },
        },
      );
      state.cassandraFailingSince = undefined;
      rowsWritten.inc({ table: 'telemetry_samples' }, written.samples);
      rowsWritten.inc({ table: 'telemetry_rollups_minute' }, written.minutes);
      rowsWritten.inc({ table: 'telemetry_rollups_hour' }, written.hours);
      recomputed.inc(written.recomputed);

      // Events that cannot be applied are set aside with the reason; the partition carries on.
      for (const r of plan.rejected) {
        const e = batch.events[r.index]!;
        await deadLetter(producer, groupId, origin(e), { code: r.code, message: r.message }, now());
        metrics.deadLettered(batch.topic, r.code);
        logger.warn({ topic: e.topic, partition: e.partition, offset: e.offset, code: r.code }, `dead-lettered telemetry event: ${r.message}`);
      }
      metrics.applied(batch.topic, plan.appliedEvents);
    };

    const consumer = bus.consumer({
      producer,
      groupId,
      topics: [topic],
      // A new group (a fresh deployment or a rebuild) projects everything the topic still holds.
      fromBeginning: true,
      partitionsConsumedConcurrently: config.FLEETLOG_PROJECTOR_CASSANDRA_PARTITIONS,
      sessionTimeoutMs: config.FLEETLOG_PROJECTOR_CASSANDRA_SESSION_TIMEOUT_MS,
      handle: async (batch) => {
        const end = batchSeconds.startTimer();
        try {
          await apply(batch);
        } catch (e) {
          // Thrown out of the handler, the batch stays uncommitted and the consumer applies it again.
          if (isProjectorError(e, 'PROJECTOR_STOPPED')) {
            logger.info({ topic: batch.topic, partition: batch.partition, fromOffset: batch.fromOffset }, e.message);
          } else {
            if (isProjectorError(e, 'PROJECTOR_CASSANDRA_REJECTED')) {
              state.cassandraFailingSince ??= now();
              state.lastError = e.message;
            }
            logger.error({ err: e, code: (e as { code?: string }).code, topic: batch.topic, partition: batch.partition, fromOffset: batch.fromOffset }, 'could not apply the batch; the consumer will apply it again');
          }
          throw e;
        } finally {
          end();
        }
      },
      progress: (p) => metrics.observe(p),
    });

    await producer.connect();
    await consumer.start();
    state.consuming = true;
    logger.info({ topic, groupId, keyspace, metricsPort: server.port }, 'projector-cassandra consuming');

    const c = client;
    return {
      topic,
      metricsPort: server.port,
      stop: async () => {
        stopping = true;
        state.consuming = false;
        await consumer.stop().catch((e: unknown) => logger.warn({ err: e }, 'stopping the consumer'));
        await producer.disconnect().catch((e: unknown) => logger.warn({ err: e }, 'disconnecting the producer'));
        await c.shutdown();
        await server.close();
      },
    };
  } catch (e) {
    await client?.shutdown().catch(() => undefined);
    await server.close();
    throw e;
  }
};
