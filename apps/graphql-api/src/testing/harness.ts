// Test harness: the app over the real local stack, tokens, and read-model rows written directly.
import { randomUUID } from 'node:crypto';
import cassandra from 'cassandra-driver';
import pg from 'pg';
import { silentLogger, topics } from '@fleetlog/events';
import { testBus } from '@fleetlog/events/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createApiKeyVerifier } from '../auth/api-keys.js';
import { createAuthenticate } from '../auth/authenticate.js';
import type { Role } from '../auth/principal.js';
import { createTokenVerifier, mintToken } from '../auth/tokens.js';
import { createApiKeyLookup, createTenantReader } from '../db/tenant-db.js';
import type { Services } from '../graphql/context.js';
import { createLiveHub, type LiveEvent, type LiveHub } from '../live/hub.js';
import { createTelemetryStore } from '../queries/telemetry.js';

export const TEST_SECRET = 'graphql-api-test-secret-0123456789abcdef';

export interface Harness {
  app: FastifyInstance;
  pool: pg.Pool;
  cql: cassandra.Client;
  live: LiveHub;
  token: (tenant: string, role: Role, sub?: string) => Promise<string>;
  gql: (auth: string | undefined, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GqlResponse>;
  /** Events of a tenant that reach Kafka from now on (through a live hub of its own). */
  watch: (tenantId: string, accept?: (e: LiveEvent) => boolean) => { events: LiveEvent[]; stop: () => void };
  close: () => Promise<void>;
}

export interface GqlResponse {
  status: number;
  headers: Record<string, unknown>;
  data: Record<string, unknown> | null;
  errors: { message: string; extensions: { code: string; requestId: string; [k: string]: unknown } }[] | undefined;
}

export const startHarness = async (opts: { production?: boolean; rateLimitPerMinute?: number; maxCost?: number; listen?: boolean } = {}): Promise<Harness> => {
  const pool = new pg.Pool({ connectionString: process.env.FLEETLOG_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/fleetlog', max: 8 });
  const cql = new cassandra.Client({ contactPoints: (process.env.FLEETLOG_CASSANDRA_CONTACT_POINTS ?? '127.0.0.1:9042').split(','), localDataCenter: process.env.FLEETLOG_CASSANDRA_LOCAL_DC ?? 'datacenter1' });
  const bus = testBus();
  const producer = bus.producer();
  await producer.connect();
  const live = createLiveHub({ bus, producer, logger: silentLogger, instance: `test-${process.pid}`, topics: [topics.deviceEvents.name, topics.commandEvents.name, topics.telemetry.name], bufferSize: 10_000 });
  await live.start();
  const services: Services = {
    read: createTenantReader(pool),
    publish: producer.publish,
    telemetry: createTelemetryStore(cql, process.env.FLEETLOG_CASSANDRA_KEYSPACE ?? 'fleetlog'),
    live,
    source: { app: 'graphql-api', instance: 'test' },
    now: Date.now,
    newId: randomUUID,
    limits: { maxPage: 500, bulkMaxDevices: 10_000 },
    topics: { device: topics.deviceEvents.name, command: topics.commandEvents.name, telemetry: topics.telemetry.name, tenant: topics.tenantEvents.name },
  };
  const app = await buildApp({
    services,
    authenticate: createAuthenticate(createTokenVerifier({ keys: { secret: TEST_SECRET } }), createApiKeyVerifier(createApiKeyLookup(pool))),
    logger: silentLogger,
    production: opts.production ?? false,
    limits: { maxDepth: 12, maxCost: opts.maxCost ?? 20_000, maxAliases: 30 },
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 100_000,
  });
  if (opts.listen) await app.listen({ host: '127.0.0.1', port: 0 });
  else await app.ready();
  const gql: Harness['gql'] = async (auth, query, variables, headers = {}) => {
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}), ...headers }, payload: JSON.stringify({ query, variables }) });
    const body = JSON.parse(res.body) as { data?: Record<string, unknown> | null; errors?: GqlResponse['errors'] };
    return { status: res.statusCode, headers: res.headers, data: body.data ?? null, errors: body.errors };
  };
  return {
    app,
    pool,
    cql,
    live,
    token: async (tenant, role, sub = 'tester') => `Bearer ${await mintToken(TEST_SECRET, { tenant, roles: [role], sub }, 600)}`,
    gql,
    watch: (tenantId, accept = () => true) => {
      const events: LiveEvent[] = [];
      const sub = live.subscribe(tenantId, accept);
      void (async () => {
        for await (const e of sub) events.push(e);
      })().catch(() => undefined);
      return { events, stop: sub.close };
    },
    close: async () => {
      await app.close();
      await live.stop();
      await producer.disconnect();
      await Promise.allSettled([pool.end(), cql.shutdown()]);
    },
  };
};

/** A CWMP device id (OUI-ProductClass-Serial). */
export const cwmpId = (n: number | string, productClass = 'IGD') => `00D09E-${productClass}-S${n}`;

export const insertDevice = async (pool: pg.Pool, tenantId: string, deviceId: string, f: { protocol?: string; productClass?: string; softwareVersion?: string; online?: boolean; tags?: string[]; serial?: string } = {}) => {
  await pool.query(
    `INSERT INTO devices (tenant_id, device_id, protocol, manufacturer, oui, product_class, serial_number, software_version, online, tags, first_seen_at, last_contact_at, updated_at, last_event_id)
     VALUES ($1, $2, $3, 'Acme', '00D09E', $4, $5, $6, $7, $8, now(), now(), now(), 'seed')`,
    [tenantId, deviceId, f.protocol ?? 'CWMP', f.productClass ?? 'IGD', f.serial ?? deviceId.split('-').at(-1), f.softwareVersion ?? '1.0', f.online ?? true, f.tags ?? []],
  );
};

export const insertParameter = async (pool: pg.Pool, tenantId: string, deviceId: string, path: string, value: string) => {
  await pool.query(
    `INSERT INTO device_parameters (tenant_id, device_id, path, value, value_type, writable, reported_at, changed_at, event_id) VALUES ($1, $2, $3, $4, 'string', true, now(), now(), 'seed')`,
    [tenantId, deviceId, path, value],
  );
};

export const insertHistory = async (pool: pg.Pool, tenantId: string, deviceId: string, path: string, value: string, validFrom: string, logPosition: number) => {
  await pool.query(
    `INSERT INTO parameter_history (tenant_id, device_id, path, valid_from, log_position, value, value_type, origin, event_id) VALUES ($1, $2, $3, $4, $5, $6, 'string', 'inform', 'seed')`,
    [tenantId, deviceId, path, validFrom, logPosition, value],
  );
};

export const insertCommand = async (pool: pg.Pool, tenantId: string, commandId: string, deviceId: string, f: { status?: string; batchId?: string; requestedAt?: string; correlationId?: string } = {}) => {
  await pool.query(
    `INSERT INTO commands (tenant_id, command_id, device_id, protocol, kind, arguments, status, requested_by, batch_id, correlation_id, requested_at, deadline, updated_at, last_event_id)
     VALUES ($1, $2, $3, 'CWMP', 'cwmp.Reboot', '{"commandKey":"k"}', $4, 'user:seed', $5, $6, $7, now() + interval '1 hour', now(), 'seed')`,
    [tenantId, commandId, deviceId, f.status ?? 'REQUESTED', f.batchId ?? null, f.correlationId ?? `corr-${commandId}`, f.requestedAt ?? new Date().toISOString()],
  );
};

export const insertSession = async (pool: pg.Pool, tenantId: string, sessionId: string, deviceId: string, startedAt: string) => {
  await pool.query(`INSERT INTO device_sessions (tenant_id, session_id, device_id, channel, started_at, outcome) VALUES ($1, $2, $3, 'cwmp-session', $4, 'completed')`, [tenantId, sessionId, deviceId, startedAt]);
};

export const insertTimeline = async (pool: pg.Pool, tenantId: string, deviceId: string, e: { eventId: string; type: string; recordedAt: string; correlationId: string; offset: number; aggregateId?: string; summary?: unknown; topic?: string }) => {
  await pool.query(
    `INSERT INTO device_timeline (tenant_id, device_id, recorded_at, event_id, event_type, occurred_at, aggregate_id, correlation_id, causation_id, source_app, summary, log_topic, log_partition, log_offset)
     VALUES ($1, $2, $3, $4, $5, $3, $6, $7, NULL, 'test', $8, $9, 0, $10)`,
    [tenantId, deviceId, e.recordedAt, e.eventId, e.type, e.aggregateId ?? deviceId, e.correlationId, JSON.stringify(e.summary ?? {}), e.topic ?? topics.deviceEvents.name, e.offset],
  );
};
