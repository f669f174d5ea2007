import { eventSchemas, type EventContext } from './generated/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Kafka's marker for "keep forever". */
export const FOREVER = -1;

export interface TopicSpec {
  /** Kafka topic name. */
  name: string;
  partitions: number;
  retentionMs: number;
  cleanupPolicy: 'delete' | 'compact';
  /** What the record key is made of; all events of one key stay in order. */
  key: string;
  /** Bounded context whose events it carries (see schemas/avro/<context>). */
  context: EventContext;
  /** Largest record the topic accepts. */
  maxMessageBytes: number;
  description: string;
}

/**
 * The topic catalog: one topic per stream of facts. Partition counts are for one machine and a
 * first cluster; more partitions can be added later, but keys then move between partitions.
 */
export const topics = {
  deviceEvents: {
    name: 'fleetlog.device.events',
    partitions: 12,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: '<tenantId>/<deviceId>',
    context: 'device',
    maxMessageBytes: 1_048_576,
    description: 'Device facts: registered, parameters reported, online/offline, tags. The source of truth; kept forever.',
  },
  commandEvents: {
    name: 'fleetlog.command.events',
    partitions: 12,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: '<tenantId>/<deviceId>',
    context: 'command',
    maxMessageBytes: 1_048_576,
    description: 'Command lifecycle: requested, dispatched, succeeded, failed, expired, cancelled. Kept forever.',
  },
  telemetry: {
    name: 'fleetlog.telemetry.samples',
    partitions: 12,
    retentionMs: 7 * DAY_MS,
    cleanupPolicy: 'delete',
    key: '<tenantId>/<deviceId>',
    context: 'telemetry',
    maxMessageBytes: 1_048_576,
    description: 'Telemetry samples (metric, ts, value). Bounded: Cassandra keeps the history.',
  },
  tenantEvents: {
    name: 'fleetlog.tenant.events',
    partitions: 3,
    retentionMs: FOREVER,
    cleanupPolicy: 'delete',
    key: '<tenantId>',
    context: 'tenant',
    maxMessageBytes: 1_048_576,
    description: 'Tenants and their API keys. Kept forever.',
  },
  ingressRejects: {
    name: 'fleetlog.ingress.rejects',
    partitions: 3,
    retentionMs: 30 * DAY_MS,
    cleanupPolicy: 'delete',
    key: '<source app>',
    context: 'ingress',
    // Raw input is capped at REJECT_RAW_LIMIT bytes; the rest of the record is small.
    maxMessageBytes: 2_097_152,
    description: 'Raw input an ingress could not accept, with the reason. 30 days.',
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicKey = keyof typeof topics;
export type TopicName = (typeof topics)[TopicKey]['name'];

/** Dead-letter topics: what a consumer could not decode or apply, with its origin in headers. */
export const dlqTopicName = (topic: string) => `${topic}.dlq`;
export const DLQ_RETENTION_MS = 30 * DAY_MS;

/** Every topic to create: the catalog plus a DLQ for each catalog topic. */
export const allTopicSpecs = (): TopicSpec[] =>
  Object.values(topics).flatMap((t): TopicSpec[] => [
    t,
    {
      ...t,
      name: dlqTopicName(t.name),
      partitions: Math.min(t.partitions, 3),
      retentionMs: DLQ_RETENTION_MS,
      cleanupPolicy: 'delete',
      maxMessageBytes: Math.max(t.maxMessageBytes, 2_097_152),
      description: `Dead letters of ${t.name}: records a consumer could not decode or apply, with fleetlog-dlq-* headers.`,
    },
  ]);

export type EventType = keyof typeof eventSchemas;

export const topicOfContext = (context: EventContext): TopicSpec => {
  const spec = Object.values(topics).find((t) => t.context === context);
  if (!spec) throw new Error(`no topic carries context ${context}`);
  return spec;
};

/** The topic an event type is written to. */
export const topicOf = (type: EventType): TopicSpec => topicOfContext(eventSchemas[type].context);

/** Subject naming: one subject per record type on a topic (TopicRecordNameStrategy). */
export const subjectOf = (topic: string, type: EventType) => `${topic}-${eventSchemas[type].fullName}`;

/** Every (subject, schema) pair that provisioning registers. */
export const allSubjects = () =>
  (Object.keys(eventSchemas) as EventType[]).map((type) => ({
    type,
    topic: topicOf(type).name,
    subject: subjectOf(topicOf(type).name, type),
    schema: eventSchemas[type].schema,
  }));
