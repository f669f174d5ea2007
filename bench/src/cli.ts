#!/usr/bin/env tsx
// Benchmarks: each prints its figure next to a raw ceiling measured in the same run.
// Usage: npm run bench -- <name> [options]
import { Command } from 'commander';
import { cwmpBench } from './cwmp/run.js';
import { graphqlBench } from './graphql/run.js';
import { kafkaBaseline } from './kafka-baseline/run.js';
import { mqttBench } from './mqtt/run.js';
import { uspGetBench } from './mqtt/usp-get.js';
import { postgresProjectionBench } from './projection/postgres.js';
import { cassandraProjectionBench } from './projection/cassandra.js';

const program = new Command('bench');
program
  .command('kafka-baseline')
  .description('raw kafkajs produce/consume vs libs/events (Avro + registry)')
  .option('--messages <n>', 'messages per phase', '200000')
  .option('--batch <n>', 'messages per produce call (100-500)', '250')
  .option('--writers <n>', 'produce calls in flight', '4')
  .action(async (o: { messages: string; batch: string; writers: string }) => {
    await kafkaBaseline({ messages: Number(o.messages), batch: Number(o.batch), writers: Number(o.writers) });
  });
program
  .command('cwmp')
  .description('Inform sessions per second and latency through the ACS and the stack, vs raw XML parsing')
  .option('--devices <n>', 'distinct CPEs', '2000')
  .option('--sessions <n>', 'measured Inform sessions', '20000')
  .option('--concurrency <n>', 'sessions in flight', '64')
  .action(async (o: { devices: string; sessions: string; concurrency: string }) => {
    await cwmpBench({ devices: Number(o.devices), sessions: Number(o.sessions), concurrency: Number(o.concurrency) });
  });
program
  .command('projection-cassandra')
  .description('telemetry rows/s into Cassandra through apps/projector-cassandra, vs raw cassandra-driver inserts of the same rows')
  .option('--devices <n>', 'distinct devices', '1000')
  .option('--reports <n>', 'reports per device, five samples each', '40')
  .option('--interval <s>', 'seconds between two reports of a device', '10')
  .option('--concurrency <n>', 'Cassandra queries in flight in the projector', '64')
  .option('--partitions <n>', 'Kafka partitions the projector applies at once', '2')
  .option('--raw-concurrency <n>', 'inserts in flight for the raw ceiling', '128')
  .action(async (o: { devices: string; reports: string; interval: string; concurrency: string; partitions: string; rawConcurrency: string }) => {
    await cassandraProjectionBench({
      devices: Number(o.devices),
      reports: Number(o.reports),
      intervalSeconds: Number(o.interval),
      concurrency: Number(o.concurrency),
      partitions: Number(o.partitions),
      rawConcurrency: Number(o.rawConcurrency),
    });
  });
program
  .command('projection-postgres')
  .description('events/s into the Postgres read models through apps/projector-postgres, vs raw batched upserts of the same rows; then a rebuild')
  .option('--events <n>', 'events projected (and upserted raw)', '200000')
  .option('--devices <n>', 'devices those events are spread over', '20000')
  .option('--rebuild-events <n>', 'events of the rebuild phase (0 skips it)', '1000000')
  .option('--concurrency <n>', 'partitions the projector applies at once; connections of the raw ceiling', '4')
  .option('--raw-batch <n>', 'events per transaction of the raw ceiling', '500')
  .action(async (o: { events: string; devices: string; rebuildEvents: string; concurrency: string; rawBatch: string }) => {
    await postgresProjectionBench({ events: Number(o.events), devices: Number(o.devices), rebuildEvents: Number(o.rebuildEvents), concurrency: Number(o.concurrency), rawBatch: Number(o.rawBatch) });
  });
program
  .command('graphql')
  .description('the devices page (50 per page, filtered) through the GraphQL API, vs a plain fastify route running the same SQL')
  .option('--devices <n>', 'devices in the read model', '100000')
  .option('--requests <n>', 'requests per round and target', '5000')
  .option('--rounds <n>', 'alternating rounds', '3')
  .option('--concurrency <n>', 'requests in flight', '16')
  .option('--warmup <n>', 'requests to each target before measuring', '5000')
  .action(async (o: { devices: string; requests: string; rounds: string; concurrency: string; warmup: string }) => {
    await graphqlBench({ devices: Number(o.devices), requests: Number(o.requests), rounds: Number(o.rounds), concurrency: Number(o.concurrency), warmup: Number(o.warmup) });
  });
program
  .command('mqtt')
  .description('telemetry messages/s from MQTT devices into Kafka through apps/mqtt-ingress, vs raw kafkajs produce of the same records')
  .option('--messages <n>', 'measured messages per QoS variant (and records of the raw ceiling)', '500000')
  .option('--warmup <n>', 'messages before the measured ones', '20000')
  .option('--connections <n>', 'MQTT connections of the publisher process', '4')
  .option('--devices <n>', 'distinct devices the messages come from', '1000')
  .option('--qos <list>', 'QoS variants to run, comma-separated', '0,1')
  .option('--window <n>', 'QoS 0: messages the publishers may be ahead of what the ingress acknowledged', '5000')
  .option('--window-qos1 <n>', 'QoS 1: the same (a Mosquitto 2.0.11 with its default queue limits drops QoS 1 messages past about 1,500 unacknowledged; the stack broker does not, see docs/MQTT.md)', '5000')
  .option('--batch <n>', 'raw ceiling: records per produce call', '250')
  .option('--writers <n>', 'raw ceiling: produce calls in flight', '4')
  .action(async (o: { messages: string; warmup: string; connections: string; devices: string; qos: string; window: string; windowQos1: string; batch: string; writers: string }) => {
    await mqttBench({
      messages: Number(o.messages),
      warmup: Number(o.warmup),
      connections: Number(o.connections),
      devices: Number(o.devices),
      qos: o.qos.split(',').map((q) => (q.trim() === '1' ? 1 : 0)),
      window: { 0: Number(o.window), 1: Number(o.windowQos1) },
      batch: Number(o.batch),
      writers: Number(o.writers),
    });
  });
program
  .command('usp-get')
  .description('USP Get round trips through Kafka, apps/usp-ingress, Mosquitto and simulated agents, vs the raw MQTT and Kafka legs')
  .option('--agents <n>', 'simulated agents', '20')
  .option('--gets <n>', 'measured Gets', '5000')
  .option('--concurrency <n>', 'Gets in flight', '8')
  .action(async (o: { agents: string; gets: string; concurrency: string }) => {
    await uspGetBench({ agents: Number(o.agents), gets: Number(o.gets), concurrency: Number(o.concurrency) });
  });
program.parseAsync().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
