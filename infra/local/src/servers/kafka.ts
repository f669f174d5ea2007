import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { installJars } from '../maven.js';
import { run } from '../proc.js';
import type { Server, StackContext } from '../server.js';
import { jvmPid, logFile, startJvm } from './jvm.js';

export const KAFKA_VERSION = '3.9.1';
const HEALTH_TOPIC = '_fleetlog.health';

const serverProperties = (ctx: StackContext, dataDir: string) => `# Written by infra/local on every start; edit infra/local/src/servers/kafka.ts instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${ctx.ports.kafkaController}
listeners=PLAINTEXT://127.0.0.1:${ctx.ports.kafka},CONTROLLER://127.0.0.1:${ctx.ports.kafkaController}
advertised.listeners=PLAINTEXT://127.0.0.1:${ctx.ports.kafka}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${dataDir}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=12
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=6
group.initial.rebalance.delay.ms=0
# Topics come from the catalog in libs/events; a typo must fail, not create a topic.
auto.create.topics.enable=false
num.network.threads=2
num.io.threads=4
log.retention.check.interval.ms=300000
`;

const log4jProperties = `log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.request.logger=WARN
`;

export const kafka: Server = {
  name: 'kafka',
  managed: true,
  startTimeoutSeconds: 120,
  port: (ctx) => ctx.ports.kafka,
  endpoints: (ctx) => ({ 'Kafka bootstrap': `127.0.0.1:${ctx.ports.kafka}` }),
  install: async (ctx) => {
    await installJars(ctx, 'kafka', 'kafka', KAFKA_VERSION);
  },
  start: async (ctx) => {
    const dist = join(ctx.paths.dist, 'kafka');
    const conf = join(ctx.paths.conf, 'kafka');
    const dataDir = join(ctx.paths.data, 'kafka');
    mkdirSync(conf, { recursive: true });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(conf, 'server.properties'), serverProperties(ctx, dataDir));
    writeFileSync(join(conf, 'log4j.properties'), log4jProperties);
    const jvm = [`-Dlog4j.configuration=file:${join(conf, 'log4j.properties')}`, '-cp', `${join(dist, 'lib')}/*`];
    if (!existsSync(join(dataDir, 'meta.properties'))) {
      // KRaft needs its storage formatted once with a cluster id (base64url of 16 random bytes).
      const clusterId = randomBytes(16).toString('base64url');
      ctx.say('kafka', `formatting KRaft storage (cluster ${clusterId})`);
      // `--cluster-id=<id>`, one argument: an id that starts with '-' would otherwise read as an option.
      run(ctx.java, [...jvm, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId}`, '-c', join(conf, 'server.properties'), '--ignore-formatted'], { server: 'kafka', code: 'STACK_SERVER_FAILED' });
    }
    startJvm(ctx, 'kafka', ['-Xms512m', '-Xmx1g', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', ...jvm, 'kafka.Kafka', join(conf, 'server.properties')], dist);
  },
  check: async (ctx) => {
    const client = new Kafka({ clientId: 'fleetlog-stack', brokers: [`127.0.0.1:${ctx.ports.kafka}`], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2000 });
    const admin = client.admin();
    const producer = client.producer();
    try {
      await admin.connect();
      const topics = await admin.listTopics();
      if (!topics.includes(HEALTH_TOPIC)) {
        await admin.createTopics({ topics: [{ topic: HEALTH_TOPIC, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '3600000' }] }], waitForLeaders: true });
      }
      await producer.connect();
      const [meta] = await producer.send({ topic: HEALTH_TOPIC, acks: -1, messages: [{ value: `health ${new Date().toISOString()}` }] });
      return `produced to ${HEALTH_TOPIC} at offset ${meta?.baseOffset ?? '?'}`;
    } finally {
      await producer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    }
  },
  pid: (ctx) => jvmPid(ctx, 'kafka'),
  logFile: (ctx) => logFile(ctx, 'kafka'),
};
