import type { Kafka } from 'kafkajs';
import { EventsError, fromKafkaError } from './errors.js';
import { allSubjects, allTopicSpecs, type TopicSpec } from './topics.js';

export type Compatibility = 'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE' | 'NONE';
export const COMPATIBILITY: Compatibility = 'BACKWARD_TRANSITIVE';

const topicConfig = (t: TopicSpec) => ({
  'retention.ms': String(t.retentionMs),
  'cleanup.policy': t.cleanupPolicy,
  'max.message.bytes': String(t.maxMessageBytes),
  'min.insync.replicas': '1',
});

export interface TopicReport {
  created: string[];
  reconfigured: string[];
  unchanged: string[];
}

/** Creates missing topics and brings existing ones to the catalog's settings. Safe to repeat. */
export const ensureTopics = async (kafka: Kafka, specs: TopicSpec[] = allTopicSpecs(), replicationFactor = 1): Promise<TopicReport> => {
  const admin = kafka.admin();
  const report: TopicReport = { created: [], reconfigured: [], unchanged: [] };
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor,
          configEntries: Object.entries(topicConfig(t)).map(([name, value]) => ({ name, value })),
        })),
      });
      report.created.push(...missing.map((t) => t.name));
    }
    const present = specs.filter((t) => existing.has(t.name));
    if (present.length > 0) {
      const meta = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: present.map((t) => ({ type: 2 /* TOPIC */, name: t.name, configNames: Object.keys(topicConfig(t)) })),
      });
      for (const t of present) {
        const want = topicConfig(t);
        const have = Object.fromEntries(configs.resources.find((r) => r.resourceName === t.name)?.configEntries.map((c) => [c.configName, c.configValue]) ?? []);
        const drift = Object.entries(want).filter(([k, v]) => have[k] !== v);
        const partitions = meta.topics.find((m) => m.name === t.name)?.partitions.length ?? 0;
        if (partitions < t.partitions) await admin.createPartitions({ topicPartitions: [{ topic: t.name, count: t.partitions }] });
        if (drift.length > 0) {
          await admin.alterConfigs({ validateOnly: false, resources: [{ type: 2, name: t.name, configEntries: Object.entries(want).map(([name, value]) => ({ name, value })) }] });
        }
        (drift.length > 0 || partitions < t.partitions ? report.reconfigured : report.unchanged).push(t.name);
      }
    }
    return report;
  } catch (e) {
    throw fromKafkaError(e, 'provisioning topics');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
};

const registryCall = async (url: string, init: RequestInit & { what: string }): Promise<unknown> => {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { 'content-type': 'application/vnd.schemaregistry.v1+json', ...init.headers }, signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    throw new EventsError('EVENTS_REGISTRY_UNAVAILABLE', `${init.what}: registry unreachable (${(e as Error).message})`, true, { cause: e });
  }
  const text = await res.text();
  if (res.status === 409) throw new EventsError('EVENTS_SCHEMA_INCOMPATIBLE', `${init.what}: ${text}`, false);
  if (!res.ok) throw new EventsError(res.status >= 500 ? 'EVENTS_REGISTRY_UNAVAILABLE' : 'EVENTS_PROVISION_FAILED', `${init.what}: registry answered ${res.status} ${text}`, res.status >= 500);
  return text ? JSON.parse(text) : null;
};

/** Sets a subject's (or, without subject, the registry's default) compatibility level. */
export const setCompatibility = (registryUrl: string, level: Compatibility, subject?: string) =>
  registryCall(`${registryUrl}/config${subject ? `/${encodeURIComponent(subject)}` : ''}`, {
    method: 'PUT',
    body: JSON.stringify({ compatibility: level }),
    what: `setting ${subject ?? 'global'} compatibility to ${level}`,
  });

/** Registers a schema version under a subject; the same schema again returns the same id. */
export const registerSchema = async (registryUrl: string, subject: string, schema: unknown): Promise<number> => {
  const body = (await registryCall(`${registryUrl}/subjects/${encodeURIComponent(subject)}/versions`, {
    method: 'POST',
    body: JSON.stringify({ schema: JSON.stringify(schema) }),
    what: `registering ${subject}`,
  })) as { id: number };
  return body.id;
};

export interface SchemaReport {
  subjects: { subject: string; id: number }[];
}

/** Registers every event schema under `<topic>-<record full name>` with BACKWARD_TRANSITIVE. */
export const registerAllSchemas = async (registryUrl: string): Promise<SchemaReport> => {
  await setCompatibility(registryUrl, COMPATIBILITY);
  const subjects: SchemaReport['subjects'] = [];
  for (const s of allSubjects()) {
    await setCompatibility(registryUrl, COMPATIBILITY, s.subject);
    subjects.push({ subject: s.subject, id: await registerSchema(registryUrl, s.subject, s.schema) });
  }
  return { subjects };
};
