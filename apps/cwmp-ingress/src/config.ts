import { z } from 'zod';
import { commonSettings, parseConfig, portSetting, postgresSettings } from '@fleetlog/platform';

const schema = z.object({
  ...commonSettings,
  ...postgresSettings,
  FLEETLOG_CWMP_HOST: z.string().default('0.0.0.0'),
  FLEETLOG_CWMP_PORT: portSetting.default(7547),
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
}).refine((c) => Boolean(c.FLEETLOG_CWMP_USERNAME) === Boolean(c.FLEETLOG_CWMP_PASSWORD), {
  message: 'FLEETLOG_CWMP_USERNAME and FLEETLOG_CWMP_PASSWORD go together',
  path: ['FLEETLOG_CWMP_USERNAME'],
});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; an invalid setting stops the app with every problem listed. */
export const loadConfig = (env: NodeJS.ProcessEnv): Config => parseConfig('cwmp-ingress', schema, env);
