import { randomUUID } from 'node:crypto';
import { dlqTopicName, topicOf, topics, type AnyEvent } from '@fleetlog/events';
import { stackSettings, testBus, testKafka } from '@fleetlog/events/testing';
import { loadConfig, type Config } from '../config.js';

export const brokerUrl = () => process.env.FLEETLOG_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/** The catalog's topics under a fresh prefix (FLEETLOG_TOPIC_PREFIX), so a test sees only its own records. */
export const isolatedTopics = async (partitions = 3) => {
  const prefix = `t${randomUUID().slice(0, 8)}.`;
  const names = Object.values(topics).map((t) => `${prefix}${t.name}`);
  names.push(dlqTopicName(`${prefix}${topics.commandEvents.name}`));
  const admin = testKafka().admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: names.map((topic) => ({ topic, numPartitions: partitions })) });
  return {
    prefix,
    names,
    route: (e: AnyEvent) => `${prefix}${topicOf(e.type).name}`,
    delete: async () => {
      await admin.deleteTopics({ topics: names }).catch(() => undefined);
      await admin.disconnect();
    },
  };
};

/** Every event on the isolated topics, as it arrives. */
export const collectEvents = async (prefix: string) => {
  const seen: AnyEvent[] = [];
  const bus = testBus();
  const producer = bus.producer();
  await producer.connect();
  const consumer = bus.consumer({
    producer,
    groupId: `test-mqtt-${randomUUID()}`,
    topics: [topics.deviceEvents, topics.commandEvents, topics.telemetry, topics.ingressRejects].map((t) => `${prefix}${t.name}`),
    fromBeginning: true,
    handle: async (batch) => void seen.push(...batch.events.map((e) => e.event)),
  });
  await consumer.start();
  return {
    seen,
    stop: async () => {
      await consumer.stop();
      await producer.disconnect();
    },
  };
};

/** The ingress's settings for a test: the local stack, isolated topics, no persistent session, any free port. */
export const ingressConfig = (prefix: string, extra: Record<string, string> = {}): Config => {
  const settings = stackSettings();
  return loadConfig({
    FLEETLOG_KAFKA_BROKERS: settings.brokers.join(','),
    FLEETLOG_SCHEMA_REGISTRY_URL: settings.registryUrl,
    FLEETLOG_POSTGRES_URL: process.env.FLEETLOG_POSTGRES_URL,
    FLEETLOG_MQTT_URL: brokerUrl(),
    FLEETLOG_TOPIC_PREFIX: prefix,
    FLEETLOG_INSTANCE: `test-${randomUUID().slice(0, 8)}`,
    FLEETLOG_MQTT_METRICS_HOST: '127.0.0.1',
    FLEETLOG_MQTT_METRICS_PORT: '0',
    FLEETLOG_MQTT_SESSION_EXPIRY_SECONDS: '0',
    ...extra,
  });
};
