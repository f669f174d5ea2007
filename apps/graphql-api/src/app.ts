import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import mercurius from 'mercurius';
import { GraphQLError, type DocumentNode } from 'graphql';
import type { Logger } from '@fleetlog/events';
import type { Authenticate, Credentials } from './auth/authenticate.js';
import type { Caller } from './auth/principal.js';
import { ApiError, isApiError } from './errors.js';
import { ctxOf, type RequestContext, type Services } from './graphql/context.js';
import { DateTime, JSONScalar } from './graphql/scalars.js';
import { schema } from './graphql/schema.js';
import { subscriptionResolvers } from './live/subscriptions.js';
import { createApiKey, revokeApiKey } from './mutations/api-keys.js';
import { bulkCommand, cancelCommand, requestCommand } from './mutations/commands.js';
import { tagDevices, untagDevices } from './mutations/tags.js';
import { limitExceeded, noIntrospection, type QueryLimits } from './protection/limits.js';
import { edgeCursor, type Edge } from './queries/cursor.js';
import { loaders, queryResolvers } from './queries/resolvers.js';

export interface AppDeps {
  services: Services;
  authenticate: Authenticate;
  logger: Logger;
  production: boolean;
  limits: Omit<QueryLimits, 'defaultListSize'>;
  rateLimitPerMinute: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: Caller;
  }
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

const credentialsOf = (headers: Record<string, unknown>): Credentials => ({
  authorization: typeof headers['authorization'] === 'string' ? headers['authorization'] : undefined,
  apiKey: typeof headers['x-api-key'] === 'string' ? headers['x-api-key'] : undefined,
});

const errorBody = (requestId: string, code: string, message: string) => ({ data: null, errors: [{ message, extensions: { code, requestId } }] });

/**
 * Errors as consoles see them: every one has `extensions.code` and the request id. Expected
 * failures keep their message; anything else is logged and reported as INTERNAL without details.
 */
interface FormattedError {
  message: string;
  extensions: Record<string, unknown> & { code: unknown };
}

const formatErrors = (errors: readonly unknown[], requestId: string, logger: Logger): FormattedError[] =>
  errors.flatMap((raw): FormattedError[] => {
    const e = raw as GraphQLError & { originalError?: Error & { errors?: unknown[]; code?: string } };
    const original = e.originalError;
    if (original?.errors && Array.isArray(original.errors)) return formatErrors(original.errors, requestId, logger);
    const path = e.path ? { path: e.path } : {};
    const locations = e.locations ? { locations: e.locations } : {};
    const fromApi = isApiError(original) ? original : isApiError(e) ? e : undefined;
    if (fromApi) return [{ message: fromApi.message, ...locations, ...path, extensions: { code: fromApi.code, ...fromApi.extensions, requestId } }];
    const code = e.extensions?.['code'];
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return [{ message: e.message, ...locations, ...path, extensions: { code, ...e.extensions, requestId } }];
    if (!original && e instanceof GraphQLError) return [{ message: e.message, ...locations, ...path, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', requestId } }];
    if (original?.code === 'MER_ERR_GQL_VALIDATION' || (original && original.name === 'GraphQLError')) {
      return [{ message: original.message, ...locations, ...path, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', requestId } }];
    }
    logger.error({ err: original ?? e, requestId }, 'unexpected error while serving a request');
    return [{ message: 'internal error', ...path, extensions: { code: 'INTERNAL', requestId } }];
  });

export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const { services, authenticate, logger } = deps;
  const app = Fastify({
    logger: false,
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
  });
  const limits: QueryLimits = { ...deps.limits, defaultListSize: 50 };

  app.addHook('onResponse', async (request, reply) => {
    logger.info({ requestId: request.id, tenantId: request.caller?.tenantId, method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  // Nothing is served without a tenant. WebSocket upgrades authenticate in connection_init instead.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!request.url.startsWith('/graphql') || request.headers.upgrade?.toLowerCase() === 'websocket') return;
    try {
      request.caller = await authenticate(credentialsOf(request.headers));
    } catch (e) {
      if (!isApiError(e)) throw e;
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody(request.id, 'UNAUTHENTICATED', e.message));
    }
  });

  await app.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: deps.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => (req.caller ? `tenant:${req.caller.tenantId}` : `ip:${req.ip}`),
    allowList: (req: FastifyRequest) => !req.url.startsWith('/graphql'),
    errorResponseBuilder: (req, ctx) =>
      Object.assign(new ApiError('RATE_LIMITED', `this tenant exceeded ${ctx.max} requests per minute; retry in ${Math.ceil(ctx.ttl / 1000)} s`), { statusCode: 429 }),
  });

  const checkLimits = (document: DocumentNode, variables: Record<string, unknown> | undefined) => {
    const problem = limitExceeded(document, limits, variables ?? {});
    if (problem) throw Object.assign(new ApiError(problem.extensions['code'] as 'QUERY_TOO_DEEP', problem.message), { statusCode: 400 });
  };

  await app.register(mercurius, {
    schema,
    resolvers: {
      DateTime,
      JSON: JSONScalar,
      Query: queryResolvers,
      DeviceConnection: { totalCount: (connection: { countTotal?: () => Promise<number> }) => connection.countTotal?.() ?? 0 },
      ...Object.fromEntries(
        ['DeviceEdge', 'ParameterValueEdge', 'CommandEdge', 'SessionEdge', 'DeviceEventEdge'].map((type) => [
          type,
          { cursor: (edge: Edge<unknown>, _args: unknown, ctx: unknown) => edgeCursor(edge, ctxOf(ctx).caller.tenantId) },
        ]),
      ),
      Mutation: { requestCommand, cancelCommand, bulkCommand, tagDevices, untagDevices, createApiKey, revokeApiKey },
      Subscription: subscriptionResolvers,
    } as never,
    loaders: loaders as never,
    graphiql: !deps.production,
    allowBatchedQueries: false,
    // A query seen before runs compiled (graphql-jit) instead of interpreted.
    jit: 1,
    graphql: { parseOptions: { maxTokens: 20_000 } },
    validationRules: deps.production ? [noIntrospection] : [],
    context: (request): RequestContext => ({ caller: request.caller!, requestId: request.id, services }),
    errorFormatter: (execution, ctx) => {
      const requestId = (ctx as unknown as RequestContext).requestId ?? 'unknown';
      const errors = formatErrors(execution.errors, requestId, logger);
      const first = execution.errors[0] as (GraphQLError & { statusCode?: number }) | undefined;
      const original = (first?.originalError ?? first) as { statusCode?: number } | undefined;
      const statusCode = execution.data ? 200 : (original?.statusCode ?? (errors.every((e) => e.extensions.code !== 'INTERNAL') ? 400 : 500));
      return { statusCode, response: { data: execution.data ?? null, errors } as never };
    },
    subscription: {
      keepAlive: 15_000,
      fullWsTransport: true,
      context: () => ({ services }),
      // The token travels in connection_init: { "authorization": "Bearer …" } or { "apiKey": "…" }.
      onConnect: async ({ payload }) => {
        const p = (payload ?? {}) as Record<string, unknown>;
        try {
          const caller = await authenticate({
            authorization: typeof p['authorization'] === 'string' ? p['authorization'] : typeof p['token'] === 'string' ? `Bearer ${p['token']}` : undefined,
            apiKey: typeof p['apiKey'] === 'string' ? p['apiKey'] : undefined,
          });
          return { caller, requestId: randomUUID() };
        } catch (e) {
          logger.info({ reason: (e as Error).message }, 'subscription connection refused');
          return false;
        }
      },
    },
  });

  app.graphql.addHook('preValidation', async (_schema, document, context) => {
    const body = (context as unknown as { reply?: { request: { body?: { variables?: Record<string, unknown> } } } }).reply?.request.body;
    checkLimits(document, body?.variables);
  });
  // Cost depends on variables, and validated documents are cached: check it on every execution too.
  app.graphql.addHook('preExecution', async (_schema, document, context, variables) => {
    checkLimits(document, variables as Record<string, unknown> | undefined);
    void context;
    return {};
  });
  app.graphql.addHook('preSubscriptionParsing', async () => undefined);
  app.graphql.addHook('preSubscriptionExecution', async (_schema, document) => {
    checkLimits(document, undefined);
  });

  return app;
};
