import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { createEventBus, deterministicEventId, dlqTopicName, silentLogger, topics, type TelemetryReported } from '@fleetlog/events';
import { SAMPLE_METRICS, stackSettings } from '@fleetlog/events/testing';
import { cpuMs, spawnEntry } from '../load.js';
import { report, timed, type Row } from '../report.js';

export interface MqttBenchOptions {
  /** Measured telemetry messages per QoS variant. */
  messages: number;
  /** Messages before the measured ones (every device registers and comes online in them). */
  warmup: number;
  /** MQTT connections of the publisher process. */
  connections: number;
  /** Distinct devices the messages come from. */
  devices: number;
  qos: (0 | 1)[];
  /** Messages the publishers may be ahead of what the ingress has acknowledged, by QoS. */
  window: Record<0 | 1, number>;
  /** Raw ceiling: records per produce call and calls in flight (as kafka-baseline). */
  batch: number;
  writers: number;
}

/** Samples in each message: the burst's default, and the events of the raw ceiling carry as many. */
const SAMPLES = 4;

/** TelemetryReported events shaped like the ingress's (ids, envelope, four samples), for the raw ceiling. */
const telemetryLike = (tenant: string, devices: number, count: number): TelemetryReported[] =>
  Array.from({ length: count }, (_, i) => {
    const ts = Date.now();
    const id = deterministicEventId('bench-mqtt', tenant, i);
    return {
      eventId: id,
      type: 'TelemetryReported',
      tenantId: tenant,
      aggregateId: `generic:burst-${i % devices}`,
      occurredAt: ts,
      recordedAt: ts,
      correlationId: id,
      causationId: null,
      source: { app: 'mqtt-ingress', instance: `bench-${tenant}` },
      payload: { samples: SAMPLE_METRICS.slice(0, SAMPLES).map(({ metric, unit }, m) => ({ metric, ts, value: ((i * 7 + m * 13) % 1000) / 10, unit })) },
    };
  });

/**
 * Telemetry messages per second from MQTT devices into Kafka through apps/mqtt-ingress, next to raw
 * kafkajs producing records of the same size. The ingress runs as its own process (as in production);
 * the publishers run in a third process and stay at most `window` messages ahead of what the ingress has
 * acknowledged, so the broker's queues never overflow. The rate is counted on Kafka: end offsets of the
 * (isolated) telemetry topic, from the end of the warm-up to the last message.
 */
export const mqttBench = async (opts: MqttBenchOptions) => {
  const settings = stackSettings();
  const run = randomUUID().slice(0, 8);
  const prefix = `bench${run}.`;
  const tenant = `bench-${run}`;
  const kafka = new Kafka({ clientId: 'bench', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const bus = createEventBus({ ...settings, clientId: 'bench' }, silentLogger);
  const admin = kafka.admin();
  await admin.connect();
  const names = [...Object.values(topics).map((t) => `${prefix}${t.name}`), dlqTopicName(`${prefix}${topics.commandEvents.name}`)];
  const rawTopic = `${prefix}raw`;
  await admin.createTopics({ waitForLeaders: true, topics: [...names, rawTopic].map((topic) => ({ topic, numPartitions: topics.telemetry.partitions })) });
  const telemetryTopic = `${prefix}${topics.telemetry.name}`;
  const produced = async () => [...(await bus.endOffsets(telemetryTopic)).values()].reduce((n, o) => n + Number(o), 0);

  const ingress = await spawnEntry(
    'apps/mqtt-ingress/src/main.ts',
    { FLEETLOG_TOPIC_PREFIX: prefix, FLEETLOG_INSTANCE: `bench-${run}`, FLEETLOG_MQTT_METRICS_HOST: '127.0.0.1', FLEETLOG_MQTT_METRICS_PORT: '0', FLEETLOG_MQTT_SESSION_EXPIRY_SECONDS: '0', FLEETLOG_MQTT_SEED_DEVICES: 'false' },
    'MQTT ingress listening',
  );
  try {
    // The ceiling first, while the ingress idles: the same records the ingress writes, pre-encoded.
    const events = telemetryLike(tenant, opts.devices, opts.messages);
    const encoded = await Promise.all(events.map((e) => bus.serde.encode(e)));
    const size = Math.round(encoded.reduce((n, b) => n + b.length, 0) / encoded.length);
    const rawProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await rawProducer.connect();
    let next = 0;
    const raw = await timed('kafkajs produce (acks=all, idempotent)', opts.messages, async () => {
      await Promise.all(
        Array.from({ length: opts.writers }, async () => {
          while (next < encoded.length) {
            const from = next;
            next += opts.batch;
            const messages = encoded.slice(from, from + opts.batch).map((value, i) => ({ key: `${tenant}/${events[from + i]!.aggregateId}`, value }));
            await rawProducer.send({ topic: rawTopic, acks: -1, messages });
          }
        }),
      );
    });
    await rawProducer.disconnect();
    console.log(`records of ${size} bytes (${SAMPLES} samples); ${opts.devices} devices over ${opts.connections} MQTT connections; windows QoS 0 ${opts.window[0]}, QoS 1 ${opts.window[1]}`);

    const pairs: { measured: Row; ceiling: Row }[] = [];
    for (const qos of opts.qos) {
      const before = await produced();
      const total = opts.warmup + opts.messages;
      const publishers = await spawnEntry(
        'apps/mqtt-device-sim/src/main.ts',
        {
          FLEETLOG_MQTT_SIM_MODE: 'burst',
          FLEETLOG_MQTT_SIM_TENANT: tenant,
          FLEETLOG_MQTT_SIM_BURST_MESSAGES: String(total),
          FLEETLOG_MQTT_SIM_BURST_CONNECTIONS: String(opts.connections),
          FLEETLOG_MQTT_SIM_BURST_DEVICES: String(opts.devices),
          FLEETLOG_MQTT_SIM_BURST_QOS: String(qos),
          FLEETLOG_MQTT_SIM_BURST_WINDOW: String(opts.window[qos]),
          FLEETLOG_MQTT_SIM_PACE_URL: `http://127.0.0.1:${ingress.port}/health`,
          FLEETLOG_MQTT_SIM_PACE_FIELD: 'acknowledged',
        },
        'burst connected',
      );
      const exited = new Promise<void>((resolve) => publishers.child.once('exit', () => resolve()));
      let warmAt: bigint | undefined;
      let warmCount = 0;
      let cpuAtWarm = 0;
      let last = before;
      let lastProgress = Date.now();
      for (;;) {
        const count = (await produced()) - before;
        if (warmAt === undefined && count >= opts.warmup) {
          warmAt = process.hrtime.bigint();
          warmCount = count;
          cpuAtWarm = cpuMs(ingress.child.pid!);
        }
        if (count >= total) break;
        if (count !== last) lastProgress = Date.now();
        last = count;
        // QoS 0 may be dropped by the broker under pressure: stop waiting once nothing moves for 10 s.
        if (Date.now() - lastProgress > 10_000) break;
        await sleep(20);
      }
      const end = process.hrtime.bigint();
      const count = (await produced()) - before;
      const cpu = cpuMs(ingress.child.pid!) - cpuAtWarm;
      await exited;
      const measuredCount = count - warmCount;
      const seconds = Number(end - (warmAt ?? end)) / 1e9;
      console.log(
        `QoS ${qos}: ${count} of ${total} messages reached Kafka${count < total ? ` (${total - count} lost)` : ''}; ingress CPU ${((cpu * 1000) / Math.max(1, measuredCount)).toFixed(1)} µs/message`,
      );
      pairs.push({ measured: { what: `mqtt-ingress TelemetryReported, QoS ${qos}`, count: measuredCount, seconds }, ceiling: raw });
    }
    report('mqtt', pairs);
  } finally {
    ingress.stop();
    await new Promise((resolve) => ingress.child.once('exit', resolve));
    await admin.deleteTopics({ topics: [...names, rawTopic] }).catch(() => undefined);
    await admin.disconnect();
  }
};
