import { hostname } from 'node:os';
import { z } from 'zod';

const schema = z.object({
  FLEETLOG_KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  FLEETLOG_SCHEMA_REGISTRY_URL: z.string().url().default('http://127.0.0.1:8080/apis/ccompat/v7'),
  FLEETLOG_POSTGRES_URL: z.string().min(1).default('postgres://postgres:postgres@127.0.0.1:5432/fleetlog'),
  FLEETLOG_CWMP_HOST: z.string().default('0.0.0.0'),
  FLEETLOG_CWMP_PORT: z.coerce.number().int().min(0).max(65535).default(7547),
  FLEETLOG_CWMP_REALM: z.string().min(1).default('fleetlog'),
  /** Single-tenant install: CPEs using these credentials belong to FLEETLOG_CWMP_DEFAULT_TENANT. */
  FLEETLOG_CWMP_DEFAULT_TENANT: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).default('default'),
  FLEETLOG_CWMP_USERNAME: z.string().min(1).optional(),
  FLEETLOG_CWMP_PASSWORD: z.string().min(1).optional(),
  /** Credentials the ACS uses for connection requests to CPEs. */
  FLEETLOG_CWMP_CR_USERNAME: z.string().default('fleetlog'),
  FLEETLOG_CWMP_CR_PASSWORD: z.string().default('fleetlog'),
  FLEETLOG_CWMP_NONCE_SECRET: z.string().min(16).optional(),
  FLEETLOG_CWMP_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(4 * 1024 * 1024),
  FLEETLOG_CWMP_SESSION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(30),
  FLEETLOG_CWMP_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).default(10),
  FLEETLOG_INSTANCE: z.string().min(1).default(`${hostname()}-${process.pid}`),
  FLEETLOG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
}).refine((c) => Boolean(c.FLEETLOG_CWMP_USERNAME) === Boolean(c.FLEETLOG_CWMP_PASSWORD), {
  message: 'FLEETLOG_CWMP_USERNAME and FLEETLOG_CWMP_PASSWORD go together',
  path: ['FLEETLOG_CWMP_USERNAME'],
});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; an invalid setting stops the app with every problem listed. */
export const loadConfig = (env: NodeJS.ProcessEnv): Config => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid cwmp-ingress configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
};
