import { Partitioners, type ICustomPartitioner, type Kafka, type Message, type Producer } from 'kafkajs';
import type { AnyEvent } from './generated/index.js';
import { EventsError, fromKafkaError } from './errors.js';
import { isEventType, keyOf } from './envelope.js';
import type { Logger } from './logger.js';
import type { EventSerde } from './serde.js';
import { topicOf } from './topics.js';

export interface RawRecord {
  topic: string;
  key: string | Buffer | null;
  value: Buffer | null;
  headers?: Record<string, string | Buffer>;
}

export interface EventProducer {
  connect: () => Promise<void>;
  /** Resolves once every event is durably on Kafka (acks=all); rejects with a coded EventsError. */
  publish: (events: AnyEvent[]) => Promise<void>;
  /** For records that are not Fleetlog events (DLQ copies of undecodable input). */
  publishRaw: (records: RawRecord[]) => Promise<void>;
  disconnect: () => Promise<void>;
}

interface Pending {
  records: RawRecord[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Idempotent, acks=all producer. Calls made while a send is in flight are gathered into the next
 * send, so throughput grows with load without a fixed linger delay.
 */
export interface ProducerOptions {
  maxBatchRecords?: number;
  /** Topic per event; the catalog's by default. Benchmarks and replays point it elsewhere. */
  route?: (event: AnyEvent) => string;
}

/** Keys whose partition is remembered per partition count; past it the memory starts again. */
const REMEMBERED_KEYS = 100_000;

/**
 * The Java client's murmur2 partitioner (keys land on the same partitions as with other Kafka clients),
 * computed once per key: the same devices' keys come back all the time.
 */
export const rememberingPartitioner: ICustomPartitioner = () => {
  const partitioner = Partitioners.DefaultPartitioner();
  const byCount = new Map<number, Map<string, number>>();
  return (args) => {
    const key = args.message.key;
    if (typeof key !== 'string' || (args.message.partition !== undefined && args.message.partition !== null)) return partitioner(args);
    const count = args.partitionMetadata.length;
    let remembered = byCount.get(count);
    if (!remembered) byCount.set(count, (remembered = new Map()));
    let partition = remembered.get(key);
    if (partition === undefined) {
      if (remembered.size >= REMEMBERED_KEYS) remembered.clear();
      partition = partitioner(args);
      remembered.set(key, partition);
    }
    return partition;
  };
};

export const createEventProducer = (deps: { kafka: Kafka; serde: EventSerde; logger: Logger } & ProducerOptions): EventProducer => {
  const { serde, logger } = deps;
  const maxBatch = deps.maxBatchRecords ?? 2000;
  const producer: Producer = deps.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: rememberingPartitioner });
  let connected = false;
  let sending = false;
  const queue: Pending[] = [];

  const flush = async (): Promise<void> => {
    if (sending) return;
    sending = true;
    try {
      while (queue.length > 0) {
        const batch: Pending[] = [];
        let count = 0;
        while (queue.length > 0 && (batch.length === 0 || count + queue[0]!.records.length <= maxBatch)) {
          const p = queue.shift()!;
          batch.push(p);
          count += p.records.length;
        }
        const byTopic = new Map<string, Message[]>();
        for (const p of batch) {
          for (const r of p.records) {
            let messages = byTopic.get(r.topic);
            if (!messages) byTopic.set(r.topic, (messages = []));
            messages.push({ key: r.key, value: r.value, headers: r.headers });
          }
        }
        try {
          await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
          for (const p of batch) p.resolve();
        } catch (e) {
          const err = fromKafkaError(e, `producing ${count} records`);
          logger.warn({ code: err.code, retriable: err.retriable }, err.message);
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      sending = false;
    }
  };

  const enqueue = (records: RawRecord[]) =>
    new Promise<void>((resolve, reject) => {
      if (!connected) {
        reject(new EventsError('EVENTS_NOT_CONNECTED', 'producer is not connected', true));
        return;
      }
      queue.push({ records, resolve, reject });
      void flush();
    });

  // The catalog's topic of each event type, looked up once (the lookup allocates).
  const catalogTopics = new Map<string, string>();
  const catalogTopic = (event: AnyEvent) => catalogTopics.get(event.type) ?? catalogTopics.set(event.type, topicOf(event.type).name).get(event.type)!;
  const topicOfEvent = deps.route ?? catalogTopic;

  return {
    connect: async () => {
      try {
        await producer.connect();
        connected = true;
      } catch (e) {
        throw fromKafkaError(e, 'connecting the producer');
      }
    },
    publish: async (events) => {
      if (events.length === 0) return;
      const records = new Array<RawRecord>(events.length);
      for (let i = 0; i < events.length; i++) {
        const event = events[i]!;
        if (!isEventType(event.type)) throw new EventsError('EVENTS_UNKNOWN_EVENT_TYPE', `unknown event type "${event.type}"`, false);
        // Synchronous once the type's schema id is known, which is every time but the first.
        const value = serde.encodeCached(event) ?? (await serde.encode(event));
        records[i] = { topic: topicOfEvent(event), key: keyOf(event), value };
      }
      return enqueue(records);
    },
    publishRaw: (records) => (records.length === 0 ? Promise.resolve() : enqueue(records)),
    disconnect: async () => {
      await flush();
      connected = false;
      await producer.disconnect();
    },
  };
};
