import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { AnyEvent } from './generated/index.js';
import { EventsError, fromKafkaError } from './errors.js';
import type { Logger } from './logger.js';
import type { EventProducer } from './producer.js';
import type { EventSerde } from './serde.js';
import { dlqTopicName } from './topics.js';

export interface ConsumedEvent {
  event: AnyEvent;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  schemaId: number;
  /** The record as it was on the topic, for dead-lettering an event that cannot be applied. */
  value: Buffer;
  headers?: KafkaMessage['headers'];
}

export interface PartitionBatch {
  topic: string;
  partition: number;
  events: ConsumedEvent[];
  /** Offset of the first record this batch covers, dead letters included. */
  fromOffset: string;
  /** Offset after the last record of this batch, dead letters included. */
  nextOffset: string;
  /** The partition's high watermark when it was fetched: `highWatermark - nextOffset` is the lag. */
  highWatermark: string;
  /** Keeps the group membership alive during a long apply (e.g. waiting for a database). */
  heartbeat: () => Promise<void>;
  /** False once the consumer is stopping or the partition was revoked or sought: stop applying. */
  isRunning: () => boolean;
}

export interface ConsumerProgress {
  topic: string;
  partition: number;
  nextOffset: string;
  highWatermark: string;
}

/** Headers a dead letter carries, so it can be traced to the record it copies and replayed. */
export const DLQ_HEADERS = {
  topic: 'fleetlog-dlq-topic',
  partition: 'fleetlog-dlq-partition',
  offset: 'fleetlog-dlq-offset',
  errorCode: 'fleetlog-dlq-error-code',
  error: 'fleetlog-dlq-error',
  consumerGroup: 'fleetlog-dlq-consumer-group',
  failedAt: 'fleetlog-dlq-failed-at',
} as const;

export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | null;
  headers?: Record<string, string | Buffer | (string | Buffer)[] | undefined>;
}

/** Copies a record to `<topic>.dlq` with its origin and the error in headers. Resolves once durable. */
export const deadLetter = async (producer: EventProducer, groupId: string, origin: DeadLetterOrigin, error: { code: string; message: string }, now: number): Promise<void> => {
  const headers: Record<string, string | Buffer> = {};
  for (const [k, v] of Object.entries(origin.headers ?? {})) {
    if (v !== undefined && !Array.isArray(v)) headers[k] = v;
  }
  Object.assign(headers, {
    [DLQ_HEADERS.topic]: origin.topic,
    [DLQ_HEADERS.partition]: String(origin.partition),
    [DLQ_HEADERS.offset]: origin.offset,
    [DLQ_HEADERS.errorCode]: error.code,
    [DLQ_HEADERS.error]: error.message.slice(0, 4000),
    [DLQ_HEADERS.consumerGroup]: groupId,
    [DLQ_HEADERS.failedAt]: new Date(now).toISOString(),
  });
  await producer.publishRaw([{ topic: dlqTopicName(origin.topic), key: origin.key, value: origin.value, headers }]);
};

export interface EventConsumerOptions {
  kafka: Kafka;
  serde: EventSerde;
  /** Writes dead letters. */
  producer: EventProducer;
  logger: Logger;
  groupId: string;
  topics: string[];
  fromBeginning?: boolean;
  /**
   * Applies the decoded events of one partition, in offset order. When it resolves the batch's
   * offsets are committed; when it throws, the batch is retried (kafkajs backs off and restarts).
   * A batch may hold no events when all it covers went to the DLQ.
   */
  handle: (batch: PartitionBatch) => Promise<void>;
  /**
   * Called after each batch with the offset after its last record, dead letters included: how far
   * the consumer has read (see createCatchUp), even when the last records were not events.
   */
  progress?: (p: ConsumerProgress) => void;
  /**
   * Where to read from, for consumers that keep their offsets elsewhere (a projector keeps them in
   * its database): called with the partitions assigned at every join, the consumer seeks each to the
   * offset returned. Partitions it returns no offset for start from the group's committed offset.
   */
  startOffsets?: (assigned: { topic: string; partitions: number[] }[]) => Promise<{ topic: string; partition: number; offset: string }[]>;
  /** Partitions applied at once (each still in order); 1 by default. */
  partitionsConsumedConcurrently?: number;
  /** How long the group waits for a silent member before handing its partitions on (Kafka's default 30 s). */
  sessionTimeoutMs?: number;
  /** For tests and tools: clock for the dead-letter timestamp. */
  now?: () => number;
}

export interface EventConsumer {
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Reads a partition again from `offset` (batches fetched before are dropped). */
  seek: (topic: string, partition: number, offset: string) => void;
}

const toRecord = (topic: string, partition: number, m: KafkaMessage): DeadLetterOrigin => ({
  topic,
  partition,
  offset: m.offset,
  key: m.key,
  value: m.value,
  headers: m.headers,
});

/**
 * Consumer that decodes Fleetlog events. A record that cannot be decoded (junk bytes, an unknown
 * schema id) goes to the DLQ with its origin and the consumer carries on; a registry outage is
 * retriable and retries the batch instead.
 */
export const createEventConsumer = (opts: EventConsumerOptions): EventConsumer => {
  const { serde, producer, logger, groupId } = opts;
  const now = opts.now ?? Date.now;
  const consumer: Consumer = opts.kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxBytesPerPartition: 4 * 1024 * 1024,
    ...(opts.sessionTimeoutMs ? { sessionTimeout: opts.sessionTimeoutMs, rebalanceTimeout: Math.max(opts.sessionTimeoutMs, 10_000), heartbeatInterval: Math.max(1000, Math.floor(opts.sessionTimeoutMs / 5)) } : {}),
  });

  if (opts.startOffsets) {
    const startOffsets = opts.startOffsets;
    // kafkajs emits this after each join and sync; seeking here moves the fetch position before it
    // reads far (a batch fetched before the seek is stale and dropped).
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const assigned = Object.entries(payload.memberAssignment).map(([topic, partitions]) => ({ topic, partitions }));
      startOffsets(assigned).then(
        (offsets) => {
          for (const o of offsets) consumer.seek(o);
        },
        (e: unknown) => logger.error({ err: e, groupId }, 'could not read start offsets; the consumer reads from its committed offsets'),
      );
    });
  }

  return {
    seek: (topic, partition, offset) => consumer.seek({ topic, partition, offset }),
    start: async () => {
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: opts.topics, fromBeginning: opts.fromBeginning ?? false });
      } catch (e) {
        throw fromKafkaError(e, `starting consumer ${groupId}`);
      }
      await consumer.run({
        eachBatchAutoResolve: false,
        autoCommit: true,
        partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently ?? 1,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          const { topic, partition, highWatermark } = batch;
          const running = () => isRunning() && !isStale();
          let events: ConsumedEvent[] = [];
          // The records the next handle() covers: [from, last]; dead letters included.
          let from: string | undefined;
          let last: string | undefined;
          const apply = async () => {
            // A batch fetched before a seek is dropped whole: the partition is read again from there.
            if (from !== undefined && last !== undefined && !isStale()) {
              await opts.handle({ topic, partition, events, fromOffset: from, nextOffset: String(BigInt(last) + 1n), highWatermark, heartbeat, isRunning: running });
              // A handler that sought elsewhere decides where reading goes on.
              if (!isStale()) resolveOffset(last);
            }
            events = [];
            from = undefined;
          };
          for (const m of batch.messages) {
            if (!running()) break;
            try {
              if (m.value === null) throw new EventsError('EVENTS_DECODE_FAILED', 'record has no value (tombstone)', false);
              const d = serde.decodeCached(m.value) ?? (await serde.decode(m.value));
              events.push({ event: d.event, topic, partition, offset: m.offset, key: m.key?.toString() ?? null, schemaId: d.schemaId, value: m.value, headers: m.headers });
              from ??= m.offset;
              last = m.offset;
            } catch (e) {
              if (e instanceof EventsError && e.retriable) throw e;
              const err = e instanceof EventsError ? e : new EventsError('EVENTS_DECODE_FAILED', String((e as Error)?.message ?? e), false);
              // Keep order: what came before the poison record is applied before it is set aside.
              await apply();
              await deadLetter(producer, groupId, toRecord(topic, partition, m), err, now());
              logger.warn({ topic, partition, offset: m.offset, code: err.code }, `dead-lettered undecodable record: ${err.message}`);
              // The dead letter opens the next batch, so a consumer that stores offsets sees no gap.
              from = m.offset;
              last = m.offset;
            }
          }
          await apply();
          if (last !== undefined) opts.progress?.({ topic, partition, nextOffset: String(BigInt(last) + 1n), highWatermark });
          await commitOffsetsIfNecessary();
          await heartbeat();
        },
      });
    },
    stop: async () => {
      await consumer.disconnect();
    },
  };
};
