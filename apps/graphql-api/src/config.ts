import { z } from 'zod';
import { cassandraSettings, commonSettings, parseConfig, portSetting, postgresSettings } from '@fleetlog/platform';

/** The secret `npm start` and `npm run token` share on a developer machine; refused in production. */
export const DEVELOPMENT_JWT_SECRET = 'fleetlog-local-development-secret-do-not-use-in-production';

const isProductionEnv = (c: { FLEETLOG_API_ENV?: string | undefined; NODE_ENV?: string | undefined }): boolean =>
  (c.FLEETLOG_API_ENV ?? (c.NODE_ENV === 'production' ? 'production' : 'development')) === 'production';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

const schema = z
  .object({
    ...commonSettings,
    ...postgresSettings,
    ...cassandraSettings,
    NODE_ENV: z.string().optional(),
    /** `production` turns GraphiQL and introspection off; defaults to NODE_ENV. */
    FLEETLOG_API_ENV: z.enum(['development', 'production']).optional(),
    FLEETLOG_API_HOST: z.string().default('0.0.0.0'),
    FLEETLOG_API_PORT: portSetting.default(4000),
    /** HS256 shared secret for bearer tokens (at least 32 characters). */
    FLEETLOG_API_JWT_SECRET: z.string().min(32).optional(),
    /** JWKS URL for bearer tokens signed by an identity provider (RS256, ES256, EdDSA…). */
    FLEETLOG_API_JWKS_URL: z.string().url().optional(),
    FLEETLOG_API_JWT_ISSUER: z.string().min(1).optional(),
    FLEETLOG_API_JWT_AUDIENCE: z.string().min(1).optional(),
    FLEETLOG_API_MAX_DEPTH: positiveInt(12),
    FLEETLOG_API_MAX_COST: positiveInt(20_000),
    FLEETLOG_API_MAX_ALIASES: positiveInt(30),
    FLEETLOG_API_MAX_PAGE: positiveInt(500),
    FLEETLOG_API_BULK_MAX_DEVICES: positiveInt(10_000),
    FLEETLOG_API_RATE_LIMIT_PER_MINUTE: positiveInt(1200),
    /** Recent live events kept in memory so a reconnecting subscriber misses nothing the read models have not caught up with. */
    FLEETLOG_API_LIVE_BUFFER: positiveInt(10_000),
    /** Put before topic names, as for the projectors (tests use their own topics). */
    FLEETLOG_TOPIC_PREFIX: z.string().default(''),
  })
  .refine((c) => !(c.FLEETLOG_API_JWT_SECRET && c.FLEETLOG_API_JWKS_URL), {
    message: 'set one of FLEETLOG_API_JWT_SECRET and FLEETLOG_API_JWKS_URL, not both',
    path: ['FLEETLOG_API_JWT_SECRET'],
  })
  .refine((c) => !isProductionEnv(c) || Boolean(c.FLEETLOG_API_JWT_SECRET || c.FLEETLOG_API_JWKS_URL), {
    message: 'production needs FLEETLOG_API_JWT_SECRET or FLEETLOG_API_JWKS_URL',
    path: ['FLEETLOG_API_JWT_SECRET'],
  });

export type Config = z.infer<typeof schema>;

export const isProduction = (c: Config): boolean => isProductionEnv(c);

/** How bearer tokens are verified: the JWKS URL, the configured secret, or the development secret. */
export const tokenKeys = (c: Config): { jwksUrl: string } | { secret: string } =>
  c.FLEETLOG_API_JWKS_URL ? { jwksUrl: c.FLEETLOG_API_JWKS_URL } : { secret: c.FLEETLOG_API_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET };

/** Parses the environment once; an invalid setting stops the app with every problem listed. */
export const loadConfig = (env: NodeJS.ProcessEnv): Config => parseConfig('graphql-api', schema, env);
