// mqtt-ingress wired together: the broker in and out, Kafka out, the command topic in.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCatchUp, createEventBus, deterministicEventId, eventSchemas, isEventsError, topicOf, topics, type AnyEvent, type CommandEvent, type Logger } from '@fleetlog/events';
import { createBuiltInAdapters, createVendorRegistry, parseTopic, type NativePublish } from '@fleetlog/mqtt-vendors';
import { createCommandQueue, createPostgresPool, serveMetrics } from '@fleetlog/platform';
import { createCommandDesk } from './commands/desk.js';
import type { Config } from './config.js';
import { readKnownDevices } from './directory.js';
import { createIngressMetrics } from './metrics.js';
import { createMqttLink, type Ack } from './mqtt-link.js';
import { createPipeline } from './pipeline.js';
import { createDeviceTracker } from './uplink/devices.js';
import { createUplinkHandler, type UplinkEffects } from './uplink/handle.js';
import { ingressRejected, type Incoming } from './uplink/records.js';

export interface RunningIngress {
  metricsPort: number;
  /** What /health reports. */
  health: () => IngressHealth;
  /** Stops reading from the broker, records what it holds, and closes everything. */
  stop: () => Promise<void>;
}

export type IngressHealth = {
  ok: boolean;
  mqtt: boolean;
  kafka: boolean;
  received: number;
  acknowledged: number;
  buffered: number;
  devices: number;
  parked: number;
};

const isCommandEvent = (e: AnyEvent): e is CommandEvent => eventSchemas[e.type].context === 'command';

/** Start-up calls to Kafka, tried again while they fail retriably (a broker electing leaders, still starting). */
const retried = async <T>(what: string, call: () => Promise<T>, logger: Logger, deadline = Date.now() + 60_000): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (!isEventsError(e) || !e.retriable || Date.now() > deadline) throw e;
      logger.warn({ err: e.message, attempt }, `${what}: trying again`);
      await sleep(Math.min(2000, 100 * 2 ** attempt));
    }
  }
};

export const startIngress = async (config: Config, logger: Logger): Promise<RunningIngress> => {
  const source = { app: 'mqtt-ingress', instance: config.FLEETLOG_INSTANCE };
  const kafkaPrefix = config.FLEETLOG_TOPIC_PREFIX;
  const bus = createEventBus({ brokers: config.FLEETLOG_KAFKA_BROKERS.split(','), clientId: `mqtt-ingress-${config.FLEETLOG_INSTANCE}`, registryUrl: config.FLEETLOG_SCHEMA_REGISTRY_URL }, logger);
  // Topic names under the prefix, looked up once per event type (the catalog lookup allocates).
  const prefixed = new Map<string, string>();
  const route = (e: AnyEvent) => prefixed.get(e.type) ?? prefixed.set(e.type, `${kafkaPrefix}${topicOf(e.type).name}`).get(e.type)!;
  const producer = bus.producer(kafkaPrefix === '' ? {} : { route });
  const pool = createPostgresPool({ connectionString: config.FLEETLOG_POSTGRES_URL, max: 2, onConnectionLost: (e) => logger.warn({ err: e.message }, 'Postgres connection lost') });

  const registry = createVendorRegistry(createBuiltInAdapters({ limits: { maxPayloadBytes: config.FLEETLOG_MQTT_MAX_PAYLOAD_BYTES } }), config.FLEETLOG_MQTT_TOPIC_PREFIX);
  const tracker = createDeviceTracker({ missedIntervals: config.FLEETLOG_MQTT_PRESENCE_MISSED_INTERVALS, graceSeconds: config.FLEETLOG_MQTT_PRESENCE_GRACE_SECONDS });
  const desk = createCommandDesk({ queue: createCommandQueue('MQTT'), registry, source, reachability: tracker.get });
  const handler = createUplinkHandler<Ack>({ registry, tracker, desk, source, identifyTimeoutMs: config.FLEETLOG_MQTT_IDENTIFY_TIMEOUT_SECONDS * 1000 });
  const maxBuffered = config.FLEETLOG_MQTT_MAX_BUFFERED_MESSAGES;
  let stopping = false;

  const pipeline = createPipeline({
    publish: (events) => producer.publish(events),
    maxBatchEvents: config.FLEETLOG_MQTT_BATCH_EVENTS,
    logger,
    onFlushed: (events) => {
      for (const e of events) metrics.bump(metrics.counts.eventsOut, e.type);
      if (!stopping && link.paused() && pipeline.buffered() < maxBuffered / 2) link.resume();
    },
  });
  const metrics = createIngressMetrics({ buffered: pipeline.buffered, devices: tracker.size, parked: handler.parked });
  const { counts, bump } = metrics;

  const send = (publishes: readonly NativePublish[], what: 'downlinks' | 'replies') => {
    for (const p of publishes) {
      link.publish(p).then(
        () => void (counts[what] += 1),
        (e: unknown) => logger.warn({ topic: p.topic, err: (e as Error).message }, `could not publish ${what}`),
      );
    }
  };

  const logRefused = (refused: readonly { code: string; message: string }[], about: Record<string, unknown>) => {
    for (const r of refused) logger.warn({ ...about, code: r.code }, r.message);
  };

  /** A device's pending commands, sent once their CommandDispatched is durable. */
  const deliver = (tenantId: string, deviceId: string) => {
    const d = desk.deliver(tenantId, deviceId, Date.now());
    logRefused(d.refused, { tenantId, deviceId });
    if (d.events.length === 0) return;
    pipeline.push({
      events: d.events,
      messages: 0,
      done: () => {
        for (const e of d.events) if (isCommandEvent(e)) desk.apply(e);
        send(d.downlinks, 'downlinks');
      },
    });
  };

  const record = (effects: UplinkEffects<Ack>, incoming: Incoming | undefined) => {
    for (const code of effects.rejected) {
      bump(counts.rejected, code);
      logger.warn({ code, topic: incoming?.topic, size: incoming?.payload.length }, 'MQTT message rejected');
    }
    for (const reason of effects.ignored) bump(counts.ignored, reason);
    for (const r of effects.refused) logger.warn({ deviceId: r.deviceId, code: r.code }, r.message);
    send(effects.identify, 'downlinks');
    pipeline.push({
      events: effects.events,
      messages: incoming ? 1 : 0,
      done: () => {
        for (const ack of effects.release) ack();
        counts.acknowledged += effects.release.length;
        for (const e of effects.events) if (isCommandEvent(e)) desk.apply(e);
        send(effects.after, 'replies');
      },
      poisoned: incoming
        ? (error: Error) => {
            const topic = parseTopic(incoming.topic, registry.prefix);
            const eventId = deterministicEventId('mqtt-poisoned', source.instance, incoming.receivedAt, incoming.topic);
            return ingressRejected(incoming, { tenantId: topic.ok ? topic.value.tenantId : null, reasonCode: 'MQTT_EVENT_INVALID', reason: error.message }, { eventId, recordedAt: Date.now(), source });
          }
        : undefined,
    });
    for (const device of effects.reachable) deliver(device.tenantId, device.deviceId);
  };

  const link = createMqttLink({
    url: config.FLEETLOG_MQTT_URL,
    clientId: config.FLEETLOG_MQTT_CLIENT_ID ?? `fleetlog-mqtt-ingress-${config.FLEETLOG_INSTANCE}`,
    username: config.FLEETLOG_MQTT_USERNAME,
    password: config.FLEETLOG_MQTT_PASSWORD,
    sessionExpirySeconds: config.FLEETLOG_MQTT_SESSION_EXPIRY_SECONDS,
    receiveMaximum: config.FLEETLOG_MQTT_RECEIVE_MAXIMUM,
    logger,
    onMessage: (incoming, ack) => {
      counts.received += 1;
      record(handler.handle(incoming, ack), incoming);
      // Kafka is behind: stop reading; the broker keeps the rest until the backlog halves.
      if (pipeline.buffered() >= maxBuffered) link.pause();
    },
    onOwn: () => void (counts.own += 1),
  });

  // Pending commands are folded from the whole command topic before any device is heard, so that its
  // answers find their command and its waiting commands go out when it appears.
  const commandTopic = `${kafkaPrefix}${topics.commandEvents.name}`;
  const commandCatchUp = createCatchUp(await retried('reading the command topic end offsets', () => bus.endOffsets(commandTopic), logger));
  const commands = bus.consumer({
    producer,
    groupId: `mqtt-ingress-commands-${config.FLEETLOG_INSTANCE}-${randomBytes(4).toString('hex')}`,
    topics: [commandTopic],
    fromBeginning: true,
    handle: async (batch) => {
      for (const { event } of batch.events) {
        const cmd = desk.apply(event as CommandEvent);
        if (cmd && event.type === 'CommandRequested' && commandCatchUp.caughtUp()) deliver(cmd.tenantId, cmd.deviceId);
      }
    },
    progress: commandCatchUp.observe,
  });

  await producer.connect();
  await commands.start();
  if (config.FLEETLOG_MQTT_SEED_DEVICES) tracker.seed(await readKnownDevices(pool, logger), Date.now());
  while (!commandCatchUp.caughtUp()) await sleep(50);
  await link.waitConnected();
  const filters = config.FLEETLOG_MQTT_SUBSCRIBE === 'all' ? [`${registry.prefix}/#`] : registry.subscriptions();
  await link.subscribe(filters, config.FLEETLOG_MQTT_SHARED_GROUP);

  const sweeper = setInterval(() => {
    const now = Date.now();
    record(handler.sweep(now), undefined);
    const expired = desk.expire(now);
    logRefused(expired.refused, {});
    if (expired.events.length > 0) pipeline.push({ events: expired.events, messages: 0, done: () => expired.events.forEach((e) => isCommandEvent(e) && desk.apply(e)) });
  }, 1000);

  const health = (): IngressHealth => ({
    ok: link.connected() && pipeline.healthy(),
    mqtt: link.connected(),
    kafka: pipeline.healthy(),
    received: counts.received,
    acknowledged: counts.acknowledged,
    buffered: pipeline.buffered(),
    devices: tracker.size(),
    parked: handler.parked(),
  });
  const http = await serveMetrics({ host: config.FLEETLOG_MQTT_METRICS_HOST, port: config.FLEETLOG_MQTT_METRICS_PORT, registry: metrics.registry, health });
  logger.info({ port: http.port, filters, shared: config.FLEETLOG_MQTT_SHARED_GROUP || null, devices: tracker.size() }, 'MQTT ingress listening');

  return {
    metricsPort: http.port,
    health,
    stop: async () => {
      stopping = true;
      clearInterval(sweeper);
      // Take nothing new, record what was received and acknowledge it, then leave. A Kafka still down
      // after 10 s loses only QoS 0 messages: unacknowledged QoS 1 ones come again on a persistent session.
      link.pause();
      await Promise.race([pipeline.drained(), sleep(10_000)]);
      await link.close();
      await commands.stop();
      await producer.disconnect();
      await http.close();
      await pool.end();
    },
  };
};
