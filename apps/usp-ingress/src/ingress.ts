// usp-ingress wired together: MQTT in and out, Kafka events out, the command topic in.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import mqtt, { type IClientPublishOptions } from 'mqtt';
import { Counter, Registry } from 'prom-client';
import { createCatchUp, createEventBus, topics, type CommandEvent, type Logger } from '@fleetlog/events';
import { createCommandQueue, createPostgresPool, serveMetrics } from '@fleetlog/platform';
import { DEFAULT_USP_LIMITS } from '@fleetlog/usp';
import { createPgAgentDirectory } from './agents.js';
import type { Config } from './config.js';
import { createController, type Incoming } from './controller.js';

export interface RunningIngress {
  metricsPort: number;
  stop: () => Promise<void>;
}

export const startIngress = async (config: Config, logger: Logger): Promise<RunningIngress> => {
  const source = { app: 'usp-ingress', instance: config.FLEETLOG_INSTANCE };
  const startedAt = Date.now();
  const bus = createEventBus({ brokers: config.FLEETLOG_KAFKA_BROKERS.split(','), clientId: `usp-ingress-${config.FLEETLOG_INSTANCE}`, registryUrl: config.FLEETLOG_SCHEMA_REGISTRY_URL }, logger);
  const producer = bus.producer();
  const pool = createPostgresPool({ connectionString: config.FLEETLOG_POSTGRES_URL, max: 4, onConnectionLost: (e) => logger.warn({ err: e.message }, 'Postgres connection lost') });

  const registry = new Registry();
  const received = new Counter({ name: 'fleetlog_usp_records_received_total', help: 'USP records received from agents', registers: [registry] });
  const rejected = new Counter({ name: 'fleetlog_usp_records_rejected_total', help: 'USP records kept in the rejects topic, by reason', labelNames: ['code'], registers: [registry] });
  const sent = new Counter({ name: 'fleetlog_usp_records_sent_total', help: 'USP records sent to agents', registers: [registry] });

  const client = mqtt.connect(config.FLEETLOG_MQTT_URL, {
    protocolVersion: 5,
    clientId: config.FLEETLOG_USP_MQTT_CLIENT_ID ?? `fleetlog-usp-${config.FLEETLOG_INSTANCE}`,
    username: config.FLEETLOG_MQTT_USERNAME,
    password: config.FLEETLOG_MQTT_PASSWORD,
    clean: true,
    reconnectPeriod: 1000,
  });
  // Requests and answers are small: send them at once rather than after the broker's delayed ACK.
  client.on('connect', () => (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true));
  client.on('error', (e) => logger.warn({ err: e.message }, 'MQTT error'));
  client.on('offline', () => logger.warn({}, 'MQTT broker unreachable; reconnecting'));

  const controller = createController({
    endpointId: config.FLEETLOG_USP_ENDPOINT_ID,
    topicPrefix: config.FLEETLOG_USP_CONTROLLER_TOPIC,
    tenants: new Set(config.FLEETLOG_USP_TENANTS),
    agentTopicTemplate: config.FLEETLOG_USP_AGENT_TOPIC_TEMPLATE,
    limits: { ...DEFAULT_USP_LIMITS, maxRecordBytes: config.FLEETLOG_USP_MAX_RECORD_BYTES, maxMsgBytes: config.FLEETLOG_USP_MAX_RECORD_BYTES },
    responseTimeoutMs: config.FLEETLOG_USP_RESPONSE_TIMEOUT_SECONDS * 1000,
    queue: createCommandQueue('USP'),
    agents: createPgAgentDirectory(pool),
    publish: async (events) => void (await producer.publish(events)),
    reject: async (event) => {
      rejected.inc({ code: event.reasonCode });
      await producer.publish([event]);
    },
    send: async (out) => {
      const options: IClientPublishOptions = { qos: 1, ...(out.mqtt5 ? { properties: { contentType: 'usp.msg', responseTopic: out.responseTopic } } : {}) };
      await client.publishAsync(out.topic, Buffer.from(out.payload), options);
      sent.inc();
    },
    now: Date.now,
    source,
    logger,
  });

  // One record at a time, in arrival order: an agent's records are handled in the order it sent them.
  // A record whose events Kafka cannot take yet is tried again; it is never dropped.
  let chain = Promise.resolve();
  const enqueue = (m: Incoming) => {
    chain = chain.then(async () => {
      received.inc();
      for (let attempt = 1; ; attempt++) {
        try {
          await controller.handle(m);
          return;
        } catch (e) {
          logger.warn({ err: (e as Error).message, topic: m.topic, attempt }, 'could not record a USP record yet; trying again');
          await sleep(Math.min(5000, 200 * attempt));
        }
      }
    });
  };
  client.on('message', (topic, payload, packet) => enqueue({ topic, payload, responseTopic: packet.properties?.responseTopic }));

  // Pending commands are folded from the whole command topic; live ones are sent at once.
  const commandCatchUp = createCatchUp(await bus.endOffsets(topics.commandEvents.name));
  const commands = bus.consumer({
    producer,
    groupId: `usp-ingress-commands-${config.FLEETLOG_INSTANCE}-${randomBytes(4).toString('hex')}`,
    topics: [topics.commandEvents.name],
    fromBeginning: true,
    handle: async (batch) => {
      for (const { event } of batch.events) await controller.onCommand(event as CommandEvent, commandCatchUp.caughtUp() || event.recordedAt >= startedAt);
    },
    progress: commandCatchUp.observe,
  });

  await producer.connect();
  await commands.start();
  while (!commandCatchUp.caughtUp()) await sleep(50);
  await new Promise<void>((resolve, reject) => {
    if (client.connected) return resolve();
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  // Shared: several instances split the agents' records between them.
  await client.subscribeAsync(`$share/${config.FLEETLOG_USP_SHARE_GROUP}/${config.FLEETLOG_USP_CONTROLLER_TOPIC}/#`, { qos: 1 });
  const metrics = await serveMetrics({ host: '0.0.0.0', port: config.FLEETLOG_USP_METRICS_PORT, registry, health: () => ({ ok: client.connected, mqtt: client.connected }) });
  logger.info({ endpointId: config.FLEETLOG_USP_ENDPOINT_ID, topic: `${config.FLEETLOG_USP_CONTROLLER_TOPIC}/<tenant>/<agent>`, metricsPort: metrics.port }, 'USP controller listening');

  return {
    metricsPort: metrics.port,
    stop: async () => {
      await client.endAsync();
      await chain;
      await commands.stop();
      await producer.disconnect();
      await metrics.close();
      await pool.end();
    },
  };
};
