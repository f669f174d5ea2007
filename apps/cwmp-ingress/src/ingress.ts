// The CWMP ACS wired together: Kafka, registry, Postgres, consumers, HTTP. main.ts and tests start it.
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createCommandQueue, createPostgresPool } from '@fleetlog/platform';
import { createCatchUp, createEventBus, topics, type CommandEvent, type Logger, type TenantEvent } from '@fleetlog/events';
import { buildApp } from './app.js';
import { ha1Of, createNonces } from './auth/http-auth.js';
import { createCredentialStore } from './auth/credentials.js';
import type { Config } from './config.js';
import { sendConnectionRequest } from './connection-request.js';
import { createPgDeviceDirectory } from './session/device-directory.js';
import { createSessionEngine } from './session/engine.js';


export interface RunningIngress {
  url: string;
  /** Drains and closes everything: HTTP, consumers, producer, pool. */
  stop: () => Promise<void>;
}

export const startIngress = async (config: Config, logger: Logger): Promise<RunningIngress> => {
  const source = { app: 'cwmp-ingress', instance: config.FLEETLOG_INSTANCE };
  const startedAt = Date.now();

  const bus = createEventBus({ brokers: config.FLEETLOG_KAFKA_BROKERS.split(','), clientId: `cwmp-ingress-${config.FLEETLOG_INSTANCE}`, registryUrl: config.FLEETLOG_SCHEMA_REGISTRY_URL }, logger);
  const producer = bus.producer();
  const pool = createPostgresPool({ connectionString: config.FLEETLOG_POSTGRES_URL, max: 8, onConnectionLost: (e) => logger.warn({ err: e.message }, 'Postgres connection lost') });

  const defaults =
    config.FLEETLOG_CWMP_USERNAME && config.FLEETLOG_CWMP_PASSWORD
      ? [{ tenantId: config.FLEETLOG_CWMP_DEFAULT_TENANT, username: config.FLEETLOG_CWMP_USERNAME, realm: config.FLEETLOG_CWMP_REALM, ha1: ha1Of(config.FLEETLOG_CWMP_USERNAME, config.FLEETLOG_CWMP_REALM, config.FLEETLOG_CWMP_PASSWORD) }]
      : [];
  const credentials = createCredentialStore(defaults);
  const queue = createCommandQueue('CWMP');
  const devices = createPgDeviceDirectory(pool);

  const engine = createSessionEngine({
    queue,
    devices,
    publish: async (events) => void (await producer.publish(events)),
    now: Date.now,
    newSessionId: randomUUID,
    source,
  });

  const { app, sweep } = buildApp({
    engine,
    lookupCredential: credentials.lookup,
    nonces: createNonces(config.FLEETLOG_CWMP_NONCE_SECRET ? Buffer.from(config.FLEETLOG_CWMP_NONCE_SECRET) : randomBytes(32), 5 * 60_000),
    realm: config.FLEETLOG_CWMP_REALM,
    reject: async (event) => void (await producer.publish([event])),
    source,
    now: Date.now,
    logger,
    maxBodyBytes: config.FLEETLOG_CWMP_MAX_BODY_BYTES,
    sessionTimeoutMs: config.FLEETLOG_CWMP_SESSION_TIMEOUT_SECONDS * 1000,
    retryAfterSeconds: config.FLEETLOG_CWMP_RETRY_AFTER_SECONDS,
  });

  /** A command for a CPE we can reach: ask it for a session now instead of waiting for its next Inform. */
  const requestSession = async (tenantId: string, deviceId: string) => {
    const known = await devices.lookup(tenantId, deviceId);
    if (!known?.connectionRequestUrl) return;
    const r = await sendConnectionRequest(known.connectionRequestUrl, config.FLEETLOG_CWMP_CR_USERNAME, config.FLEETLOG_CWMP_CR_PASSWORD);
    logger.info({ tenantId, deviceId, ok: r.ok, ...(r.ok ? {} : { reason: r.reason }) }, 'connection request');
  };

  // Each instance folds the whole tenant and command topics: its own consumer group, from the start.
  const group = (what: string) => `cwmp-ingress-${what}-${config.FLEETLOG_INSTANCE}-${randomBytes(4).toString('hex')}`;
  const tenantCatchUp = createCatchUp(await bus.endOffsets(topics.tenantEvents.name));
  const tenantConsumer = bus.consumer({
    producer,
    groupId: group('tenants'),
    topics: [topics.tenantEvents.name],
    fromBeginning: true,
    handle: async (batch) => {
      for (const { event } of batch.events) credentials.apply(event as TenantEvent);
    },
    progress: tenantCatchUp.observe,
  });
  const commandCatchUp = createCatchUp(await bus.endOffsets(topics.commandEvents.name));
  const commandConsumer = bus.consumer({
    producer,
    groupId: group('commands'),
    topics: [topics.commandEvents.name],
    fromBeginning: true,
    handle: async (batch) => {
      for (const { event } of batch.events) {
        const cmd = queue.apply(event as CommandEvent);
        if (cmd && event.type === 'CommandRequested' && event.recordedAt >= startedAt) void requestSession(cmd.tenantId, cmd.deviceId);
      }
    },
    progress: commandCatchUp.observe,
  });

  await producer.connect();
  await tenantConsumer.start();
  await commandConsumer.start();
  // Credentials and pending commands first: a CPE let in before them would be refused for no
  // reason, or not given the commands waiting for it.
  while (!tenantCatchUp.caughtUp() || !commandCatchUp.caughtUp()) await sleep(50);
  const sweeper = setInterval(() => void sweep(), 1000);
  await app.listen({ host: config.FLEETLOG_CWMP_HOST, port: config.FLEETLOG_CWMP_PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.FLEETLOG_CWMP_PORT;
  logger.info({ port, credentials: credentials.size() }, 'CWMP ACS listening');

  return {
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      clearInterval(sweeper);
      await app.close();
      await Promise.allSettled([tenantConsumer.stop(), commandConsumer.stop()]);
      await producer.disconnect();
      await pool.end();
    },
  };
};
