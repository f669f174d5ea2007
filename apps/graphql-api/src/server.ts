// The API wired together: Postgres, Cassandra, Kafka producer and live consumer, HTTP. main.ts and tests start it.
import { randomUUID } from 'node:crypto';
import cassandra from 'cassandra-driver';
import { createPostgresPool } from '@fleetlog/platform';
import { createEventBus, topicOf, topics, type Logger } from '@fleetlog/events';
import { buildApp } from './app.js';
import { createApiKeyVerifier } from './auth/api-keys.js';
import { createAuthenticate } from './auth/authenticate.js';
import { createTokenVerifier } from './auth/tokens.js';
import { isProduction, tokenKeys, type Config } from './config.js';
import { createApiKeyLookup, createTenantReader } from './db/tenant-db.js';
import type { Services } from './graphql/context.js';
import { createLiveHub } from './live/hub.js';
import { createTelemetryStore } from './queries/telemetry.js';

export interface RunningApi {
  url: string;
  port: number;
  /** Drains and closes everything: HTTP and WebSocket, the live consumer, the producer, the pools. */
  stop: () => Promise<void>;
}

export const startApi = async (config: Config, logger: Logger): Promise<RunningApi> => {
  const source = { app: 'graphql-api', instance: config.FLEETLOG_INSTANCE };
  const prefix = config.FLEETLOG_TOPIC_PREFIX;
  const bus = createEventBus({ brokers: config.FLEETLOG_KAFKA_BROKERS.split(','), clientId: `graphql-api-${config.FLEETLOG_INSTANCE}`, registryUrl: config.FLEETLOG_SCHEMA_REGISTRY_URL }, logger);
  const producer = bus.producer(prefix ? { route: (e) => `${prefix}${topicOf(e.type)}` } : {});
  const pool = createPostgresPool({ connectionString: config.FLEETLOG_POSTGRES_URL, max: 16, onConnectionLost: (e) => logger.warn({ err: e.message }, 'Postgres connection lost') });
  const cql = new cassandra.Client({
    contactPoints: config.FLEETLOG_CASSANDRA_CONTACT_POINTS.split(','),
    localDataCenter: config.FLEETLOG_CASSANDRA_LOCAL_DC,
  });
  const names = {
    device: `${prefix}${topics.deviceEvents.name}`,
    command: `${prefix}${topics.commandEvents.name}`,
    telemetry: `${prefix}${topics.telemetry.name}`,
    tenant: `${prefix}${topics.tenantEvents.name}`,
  };
  const live = createLiveHub({ bus, producer, logger, instance: config.FLEETLOG_INSTANCE, topics: [names.device, names.command, names.telemetry], bufferSize: config.FLEETLOG_API_LIVE_BUFFER });

  const services: Services = {
    read: createTenantReader(pool),
    publish: producer.publish,
    telemetry: createTelemetryStore(cql, config.FLEETLOG_CASSANDRA_KEYSPACE),
    live,
    source,
    now: Date.now,
    newId: randomUUID,
    limits: { maxPage: config.FLEETLOG_API_MAX_PAGE, bulkMaxDevices: config.FLEETLOG_API_BULK_MAX_DEVICES },
    topics: names,
  };
  const authenticate = createAuthenticate(
    createTokenVerifier({ keys: tokenKeys(config), issuer: config.FLEETLOG_API_JWT_ISSUER, audience: config.FLEETLOG_API_JWT_AUDIENCE }),
    createApiKeyVerifier(createApiKeyLookup(pool)),
  );
  if (!config.FLEETLOG_API_JWT_SECRET && !config.FLEETLOG_API_JWKS_URL) logger.warn({}, 'bearer tokens use the development secret: set FLEETLOG_API_JWT_SECRET or FLEETLOG_API_JWKS_URL');

  const app = await buildApp({
    services,
    authenticate,
    logger,
    production: isProduction(config),
    limits: { maxDepth: config.FLEETLOG_API_MAX_DEPTH, maxCost: config.FLEETLOG_API_MAX_COST, maxAliases: config.FLEETLOG_API_MAX_ALIASES },
    rateLimitPerMinute: config.FLEETLOG_API_RATE_LIMIT_PER_MINUTE,
  });

  await producer.connect();
  await cql.connect();
  await live.start();
  await app.listen({ host: config.FLEETLOG_API_HOST, port: config.FLEETLOG_API_PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.FLEETLOG_API_PORT;
  logger.info({ port, graphiql: !isProduction(config) }, 'GraphQL API listening');

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    stop: async () => {
      await app.close();
      await live.stop();
      await producer.disconnect();
      await Promise.allSettled([pool.end(), cql.shutdown()]);
    },
  };
};
