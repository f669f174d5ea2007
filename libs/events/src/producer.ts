import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
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

export interface PublishResult {
  topic: string;
  partition: number;
  /** Base offset of the produce request that carried the record. */
  baseOffset: string;
}

export interface EventProducer {
  connect: () => Promise<void>;
  /** Resolves once every event is durably on Kafka (acks=all); rejects with a coded EventsError. */
  publish: (events: AnyEvent[]) => Promise<PublishResult[]>;
  /** For records that are not Fleetlog events (DLQ copies of undecodable input). */
  publishRaw: (records: RawRecord[]) => Promise<PublishResult[]>;
  disconnect: () => Promise<void>;
}

interface Pending {
  records: RawRecord[];
  resolve: (r: PublishResult[]) => void;
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

export const createEventProducer = (deps: { kafka: Kafka; serde: EventSerde; logger: Logger } & ProducerOptions): EventProducer => {
  const { serde, logger } = deps;
  const maxBatch = deps.maxBatchRecords ?? 2000;
  // The Java client's murmur2 partitioner: keys land on the same partitions as with other Kafka clients.
  const producer: Producer = deps.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
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
        const byTopic = new Map<string, { messages: Message[]; owners: [Pending, number][] }>();
        for (const p of batch) {
          p.records.forEach((r, i) => {
            let t = byTopic.get(r.topic);
            if (!t) byTopic.set(r.topic, (t = { messages: [], owners: [] }));
            t.messages.push({ key: r.key, value: r.value, headers: r.headers });
            t.owners.push([p, i]);
          });
        }
        try {
          const meta = await producer.sendBatch({
            acks: -1,
            topicMessages: [...byTopic.entries()].map(([topic, t]) => ({ topic, messages: t.messages })),
          });
          const results = new Map<Pending, PublishResult[]>(batch.map((p) => [p, new Array<PublishResult>(p.records.length)]));
          for (const [topic, t] of byTopic) {
            // kafkajs reports one base offset per topic-partition; records of a partition share it.
            t.owners.forEach(([p, i]) => {
              const m = meta.find((x) => x.topicName === topic);
              results.get(p)![i] = { topic, partition: m?.partition ?? -1, baseOffset: m?.baseOffset ?? '-1' };
            });
          }
          for (const p of batch) p.resolve(results.get(p)!);
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
    new Promise<PublishResult[]>((resolve, reject) => {
      if (!connected) {
        reject(new EventsError('EVENTS_NOT_CONNECTED', 'producer is not connected', true));
        return;
      }
      queue.push({ records, resolve, reject });
      void flush();
    });

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
      if (events.length === 0) return [];
      const records = await Promise.all(
        events.map(async (event): Promise<RawRecord> => {
          if (!isEventType(event.type)) throw new EventsError('EVENTS_UNKNOWN_EVENT_TYPE', `unknown event type "${event.type}"`, false);
          return {
            topic: deps.route ? deps.route(event) : topicOf(event.type).name,
            key: keyOf(event),
            value: await serde.encode(event),

          };
        }),
      );
      return enqueue(records);
    },
    publishRaw: (records) => (records.length === 0 ? Promise.resolve([]) : enqueue(records)),
    disconnect: async () => {
      await flush();
      connected = false;
      await producer.disconnect();
    },
  };
};
