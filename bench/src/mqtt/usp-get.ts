import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { Kafka, logLevel } from 'kafkajs';
import { createEventBus, silentLogger, topics, type CommandEvent } from '@fleetlog/events';
import { sampleCommandRequested, stackSettings } from '@fleetlog/events/testing';
import { closedLoop, percentile, spawnEntry } from '../load.js';
import { machine } from '../report.js';

export interface UspGetBenchOptions {
  agents: number;
  gets: number;
  concurrency: number;
}

const line = (what: string, latencies: number[]) =>
  `${what.padEnd(58)} p50 ${percentile(latencies, 50).toFixed(1).padStart(6)} ms   p99 ${percentile(latencies, 99).toFixed(1).padStart(6)} ms`;

/**
 * USP Get round trips through the whole stack: a CommandRequested on Kafka, the controller
 * (apps/usp-ingress, its own process) sending the Get over Mosquitto to a simulated agent (its
 * own process), the GetResp back, and the CommandSucceeded read from Kafka. Next to it, in the
 * same run and with the same concurrency, the raw legs: a plain MQTT request/answer over the
 * same broker, and a plain kafkajs produce-to-consume.
 */
export const uspGetBench = async (opts: UspGetBenchOptions) => {
  const id = randomBytes(4).toString('hex');
  const tenant = `bench-usp-${id}`;
  const controllerId = `proto::bench-controller-${id}`;
  const settings = stackSettings();
  const brokerUrl = process.env.FLEETLOG_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
  const stops: Array<() => void | Promise<void>> = [];
  try {
    const ingress = await spawnEntry(
      'apps/usp-ingress/src/main.ts',
      { FLEETLOG_USP_ENDPOINT_ID: controllerId, FLEETLOG_USP_TENANTS: tenant, FLEETLOG_USP_SHARE_GROUP: `bench-${id}`, FLEETLOG_USP_METRICS_PORT: '0' },
      'USP controller listening',
    );
    stops.push(ingress.stop);
    const sim = await spawnEntry(
      'apps/usp-agent-sim/src/main.ts',
      { FLEETLOG_USP_SIM_COUNT: String(opts.agents), FLEETLOG_USP_SIM_TENANT: tenant, FLEETLOG_USP_SIM_ENDPOINT_PREFIX: `proto::bench-${id}-`, FLEETLOG_USP_SIM_CONTROLLER_ID: controllerId, FLEETLOG_USP_SIM_STAGGER_MS: '10' },
      'simulated USP agents starting',
    );
    stops.push(sim.stop);
    const agentIds = sim.line['agents'] as string[];

    // Commands in, results out: one consumer settles the waiting round trips.
    const bus = createEventBus({ ...settings, clientId: `bench-usp-${id}` }, silentLogger);
    const producer = bus.producer();
    await producer.connect();
    const waiting = new Map<string, () => void>();
    const consumer = bus.consumer({
      producer,
      groupId: `bench-usp-${id}`,
      topics: [topics.commandEvents.name],
      handle: async (b) => {
        for (const { event } of b.events) {
          const e = event as CommandEvent;
          if (e.tenantId === tenant && (e.type === 'CommandSucceeded' || e.type === 'CommandFailed')) waiting.get(e.aggregateId)?.();
        }
      },
    });
    await consumer.start();
    stops.push(async () => {
      await consumer.stop();
      await producer.disconnect();
    });
    const get = async (i: number, timeoutMs = 30_000) => {
      const e = sampleCommandRequested({ tenantId: tenant, deviceId: agentIds[i % agentIds.length]!, kind: 'usp.Get', args: { paths: ['Device.DeviceInfo.SoftwareVersion', 'Device.DeviceInfo.UpTime'] }, protocol: 'USP' });
      const settled = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no result for ${e.aggregateId} in ${timeoutMs} ms`)), timeoutMs);
        waiting.set(e.aggregateId, () => {
          clearTimeout(timer);
          waiting.delete(e.aggregateId);
          resolve();
        });
      });
      await producer.publish([e]);
      await settled;
    };
    // Every agent answers once (the consumer is assigned by then too), then the measured gets.
    for (let attempt = 0; ; attempt++) {
      try {
        await Promise.all(agentIds.map((_, i) => get(i, 10_000)));
        break;
      } catch (e) {
        if (attempt >= 5) throw e;
      }
    }
    const usp = await closedLoop(opts.gets, opts.concurrency, (i) => get(i));

    // Raw MQTT: a request to a responder on the same broker, and its answer back.
    const responder = await mqtt.connectAsync(brokerUrl, { protocolVersion: 5, clientId: `bench-responder-${id}` });
    const requester = await mqtt.connectAsync(brokerUrl, { protocolVersion: 5, clientId: `bench-requester-${id}` });
    stops.push(() => responder.endAsync(), () => requester.endAsync());
    for (const c of [responder, requester]) (c.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
    await responder.subscribeAsync(`bench/${id}/req`, { qos: 1 });
    responder.on('message', (_t, payload, packet) => void responder.publish(`bench/${id}/resp`, payload, { qos: 1, properties: { correlationData: packet.properties?.correlationData } }));
    await requester.subscribeAsync(`bench/${id}/resp`, { qos: 1 });
    const answers = new Map<string, () => void>();
    requester.on('message', (_t, _p, packet) => answers.get(String(packet.properties?.correlationData))?.());
    const payload = randomBytes(200);
    const rawMqtt = await closedLoop(opts.gets, opts.concurrency, async (i) => {
      const key = `${i}`;
      const answered = new Promise<void>((resolve) => answers.set(key, resolve));
      await requester.publishAsync(`bench/${id}/req`, payload, { qos: 1, properties: { correlationData: Buffer.from(key) } });
      await answered;
      answers.delete(key);
    });

    // Raw Kafka: a plain kafkajs produce (acks=all) until the record is consumed.
    const kafka = new Kafka({ brokers: settings.brokers, clientId: `bench-raw-${id}`, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topic = `bench.usp-raw.${id}`;
    await admin.createTopics({ topics: [{ topic, numPartitions: 12 }], waitForLeaders: true });
    const rawProducer = kafka.producer({ idempotent: true });
    const rawConsumer = kafka.consumer({ groupId: `bench-raw-${id}`, maxWaitTimeInMs: 100 });
    await rawProducer.connect();
    await rawConsumer.connect();
    await rawConsumer.subscribe({ topics: [topic], fromBeginning: true });
    const consumed = new Map<string, () => void>();
    await rawConsumer.run({ eachMessage: async ({ message }) => consumed.get(String(message.key))?.() });
    stops.push(async () => {
      await rawConsumer.disconnect();
      await rawProducer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    });
    const once = async (key: string) => {
      const seen = new Promise<void>((resolve) => consumed.set(key, resolve));
      await rawProducer.send({ topic, acks: -1, messages: [{ key, value: payload }] });
      await seen;
      consumed.delete(key);
    };
    await once('warm-up');
    const rawKafka = await closedLoop(opts.gets, opts.concurrency, (i) => once(`k${i}`));

    console.log(`\nusp-get — ${new Date().toISOString()} — ${machine()}`);
    console.log(`${opts.agents} simulated agents, ${opts.gets} Gets, ${opts.concurrency} in flight`);
    console.log(line('USP Get: CommandRequested -> agent -> CommandSucceeded', usp.latencies), `   ${(opts.gets / usp.seconds).toFixed(0)} Gets/s`);
    console.log(line('raw MQTT request and answer (same broker)', rawMqtt.latencies));
    console.log(line('raw kafkajs produce (acks=all) to consume', rawKafka.latencies));
    const legs = (p: number) => 2 * percentile(rawKafka.latencies, p) + percentile(rawMqtt.latencies, p);
    console.log(`${'raw legs of that path (2 x Kafka + MQTT), added'.padEnd(58)} p50 ${legs(50).toFixed(1).padStart(6)} ms   p99 ${legs(99).toFixed(1).padStart(6)} ms`);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
};
