import { createEventConsumer, type EventConsumer, type EventConsumerOptions } from './consumer.js';
import { fromKafkaError } from './errors.js';
import { createKafka, type KafkaSettings } from './kafka.js';
import type { Logger } from './logger.js';
import { createEventProducer, type EventProducer, type ProducerOptions } from './producer.js';
import { ensureTopics, registerAllSchemas } from './provision.js';
import { createRegistryClient, createSerde, type EventSerde } from './serde.js';

export interface EventBusSettings extends KafkaSettings {
  registryUrl: string;
}

export interface EventBus {
  serde: EventSerde;
  producer: (opts?: ProducerOptions) => EventProducer;
  consumer: (opts: Omit<EventConsumerOptions, 'kafka' | 'serde' | 'logger'>) => EventConsumer;
  /** The offset after the last record of each partition: a consumer at these offsets has caught up. */
  endOffsets: (topic: string) => Promise<Map<number, bigint>>;
  /** Creates the catalog's topics and registers every schema (what `npm run provision` does). */
  provision: () => Promise<{ topics: Awaited<ReturnType<typeof ensureTopics>>; schemas: Awaited<ReturnType<typeof registerAllSchemas>> }>;
}

/** The one entry point apps use to reach Kafka and the registry; kafkajs stays behind it. */
export const createEventBus = (settings: EventBusSettings, logger: Logger): EventBus => {
  const kafka = createKafka(settings, logger);
  const serde = createSerde({ registry: createRegistryClient(settings.registryUrl) });
  return {
    serde,
    producer: (opts) => createEventProducer({ kafka, serde, logger, ...opts }),
    consumer: (opts) => createEventConsumer({ ...opts, kafka, serde, logger }),
    endOffsets: async (topic) => {
      const admin = kafka.admin();
      try {
        await admin.connect();
        const offsets = await admin.fetchTopicOffsets(topic);
        return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
      } catch (e) {
        throw fromKafkaError(e, `reading the end offsets of ${topic}`);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
    provision: async () => ({ topics: await ensureTopics(kafka), schemas: await registerAllSchemas(settings.registryUrl) }),
  };
};
