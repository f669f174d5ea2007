// The app without servers: services that fail if reached, for tests of what happens before resolvers.
import { silentLogger } from '@fleetlog/events';
import { buildApp } from '../app.js';
import { createApiKeyVerifier } from '../auth/api-keys.js';
import { createAuthenticate } from '../auth/authenticate.js';
import { createTokenVerifier } from '../auth/tokens.js';
import type { Services } from '../graphql/context.js';

const unreachable = () => {
  throw new Error('not reachable in this test');
};

export const STUB_SECRET = 'stub-secret-for-unit-tests-0123456789abcdef';

export const buildStubApp = (opts: { production?: boolean; rateLimitPerMinute?: number } = {}) =>
  buildApp({
    services: {
      read: async (_tenant, work) => work(async () => []),
      publish: unreachable,
      telemetry: { range: async () => [], samplesAfter: async () => [] },
      live: { start: unreachable, stop: async () => undefined, subscribe: unreachable, recent: () => [] },
      source: { app: 'graphql-api', instance: 'unit' },
      now: Date.now,
      newId: () => 'id',
      limits: { maxPage: 500, bulkMaxDevices: 10 },
      topics: { device: 'd', command: 'c', telemetry: 't', tenant: 'x' },
    } satisfies Services,
    authenticate: createAuthenticate(createTokenVerifier({ keys: { secret: STUB_SECRET } }), createApiKeyVerifier(async () => [])),
    logger: silentLogger,
    production: opts.production ?? false,
    limits: { maxDepth: 12, maxCost: 20_000, maxAliases: 30 },
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 1000,
  });
