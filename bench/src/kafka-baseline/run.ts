import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createEventBus, silentLogger, type AnyEvent } from '@fleetlog/events';
import { sampleParametersReported, stackSettings, waitFor } from '@fleetlog/events/testing';
import { report, timed } from '../report.js';

/**
 * Raw kafkajs produce and consume against the same broker, then the same through libs/events
 * (Avro + registry, idempotent acks=all producer, decoding consumer). Both sides send the same
 * Avro-framed payloads in batches of BATCH with WRITERS callers in flight.
 */
export const kafkaBaseline = async (opts: { messages: number; batch: number; writers: number }) => {
  const { messages, batch, writers } = opts;
  const settings = stackSettings();
  const kafka = new Kafka({ clientId: 'bench', brokers: settings.brokers, logLevel: logLevel.NOTHING });
  const bus = createEventBus({ ...settings, clientId: 'bench' }, silentLogger);
  const run = randomUUID().slice(0, 8);
  const rawTopic = `bench.raw.${run}`;
  const libTopic = `bench.lib.${run}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [rawTopic, libTopic, `${libTopic}.dlq`].map((topic) => ({ topic, numPartitions: 12 })) });

  try {
    const events: AnyEvent[] = Array.from({ length: messages }, (_, i) => sampleParametersReported(`bench-${run}`, `dev-${i % 1000}`, i));
    const encoded = await Promise.all(events.map((e) => bus.serde.encode(e)));
    console.log(`payload ${encoded[0]!.length} bytes; ${messages} messages, batches of ${batch}, ${writers} writers in flight`);

    const slices = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / batch) }, (_, i) => xs.slice(i * batch, (i + 1) * batch));
    const inParallel = async <T>(work: T[], f: (w: T) => Promise<unknown>) => {
      let next = 0;
      await Promise.all(Array.from({ length: writers }, async () => {
        while (next < work.length) await f(work[next++]!);
      }));
    };

    const rawProducer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await rawProducer.connect();
    const rawProduce = await timed('kafkajs produce (acks=all, idempotent)', messages, () =>
      inParallel(slices(encoded.map((value, i) => ({ key: `bench/dev-${i % 1000}`, value }))), (msgs) => rawProducer.send({ topic: rawTopic, acks: -1, messages: msgs })),
    );
    await rawProducer.disconnect();

    const producer = bus.producer({ route: () => libTopic });
    await producer.connect();
    const libProduce = await timed('libs/events publish (Avro + registry)', messages, () => inParallel(slices(events), (es) => producer.publish(es)));

    let rawSeen = 0;
    const rawConsumer = kafka.consumer({ groupId: `bench-raw-${run}`, maxBytesPerPartition: 4 * 1024 * 1024 });
    await rawConsumer.connect();
    await rawConsumer.subscribe({ topic: rawTopic, fromBeginning: true });
    const rawConsume = await timed('kafkajs consume', messages, async () => {
      await rawConsumer.run({ eachBatch: async ({ batch: b }) => void (rawSeen += b.messages.length) });
      await waitFor('raw consume', () => rawSeen >= messages, 300_000);
    });
    await rawConsumer.disconnect();

    let libSeen = 0;
    const consumer = bus.consumer({ producer, groupId: `bench-lib-${run}`, topics: [rawTopic], fromBeginning: true, handle: async (b) => void (libSeen += b.events.length) });
    const libConsume = await timed('libs/events consume (decode via registry)', messages, async () => {
      await consumer.start();
      await waitFor('lib consume', () => libSeen >= messages, 300_000);
    });
    await consumer.stop();
    await producer.disconnect();

    report('kafka-baseline', [
      { measured: libProduce, ceiling: rawProduce },
      { measured: libConsume, ceiling: rawConsume },
    ]);
  } finally {
    await admin.deleteTopics({ topics: [rawTopic, libTopic, `${libTopic}.dlq`] }).catch(() => undefined);
    await admin.disconnect();
  }
};
