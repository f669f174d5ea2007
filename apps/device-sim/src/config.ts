import { z } from 'zod';
import { SimError } from './errors.js';
import { DEFAULT_CR_PASSWORD, DEFAULT_CR_USERNAME, DEFAULT_OUI, DEFAULT_PRODUCT_CLASS } from './cpe/options.js';

const port = z.coerce.number().int().min(0).max(65535);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
const text = (max: number) => z.string().max(max);

/**
 * Every setting of the simulator, from the environment. `{serial}` in a credential is replaced
 * by each CPE's serial number, so a fleet can have per-device credentials from one variable.
 */
const schema = z
  .object({
    /** Where the ACS (apps/cwmp-ingress) listens. */
    FLEETLOG_SIM_ACS_URL: httpUrl.default('http://127.0.0.1:7547/'),
    /** Number of simulated CPEs. */
    FLEETLOG_SIM_COUNT: z.coerce.number().int().min(1).max(10_000).default(5),
    /** ACS credentials (ManagementServer.Username/Password); both empty: send none. */
    FLEETLOG_SIM_USERNAME: text(256).default('fleetlog'),
    FLEETLOG_SIM_PASSWORD: text(256).default('fleetlog'),
    /** PeriodicInformInterval in seconds; 0 turns periodic informs off. */
    FLEETLOG_SIM_PERIODIC_SECONDS: z.coerce.number().int().min(0).max(86_400 * 7).default(300),
    FLEETLOG_SIM_OUI: z.string().regex(/^[0-9A-F]{6}$/, 'must be six upper-case hex digits').default(DEFAULT_OUI),
    FLEETLOG_SIM_PRODUCT_CLASS: z.string().min(1).max(64).default(DEFAULT_PRODUCT_CLASS),
    /** Serials are prefix + six digits (SIM000001, …). */
    FLEETLOG_SIM_SERIAL_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, _ or -').default('SIM'),
    /** Connection-request port of the first CPE (CPE i gets port + i); 0 picks a free port per CPE. */
    FLEETLOG_SIM_CR_PORT: port.default(0),
    /** Interface the connection-request listeners bind to and advertise. */
    FLEETLOG_SIM_CR_HOST: z.string().min(1).default('127.0.0.1'),
    /** ConnectionRequestUsername/Password the ACS must use; the defaults are cwmp-ingress's. */
    FLEETLOG_SIM_CR_USERNAME: text(256).default(DEFAULT_CR_USERNAME),
    FLEETLOG_SIM_CR_PASSWORD: text(256).default(DEFAULT_CR_PASSWORD),
    FLEETLOG_SIM_DATA_MODEL: z.enum(['tr181', 'tr098']).default('tr181'),
    FLEETLOG_SIM_GZIP: z.stringbool().default(false),
    /** Pause between two boots, so the fleet does not arrive at once. */
    FLEETLOG_SIM_STAGGER_MS: z.coerce.number().int().min(0).max(60_000).default(200),
    /** How long a Reboot keeps a device away. */
    FLEETLOG_SIM_REBOOT_SECONDS: z.coerce.number().min(0).max(600).default(2),
    FLEETLOG_SIM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.FLEETLOG_SIM_CR_PORT !== 0 && env.FLEETLOG_SIM_CR_PORT + env.FLEETLOG_SIM_COUNT - 1 > 65535)
      ctx.addIssue({ code: 'custom', path: ['FLEETLOG_SIM_CR_PORT'], message: `port + count - 1 must stay below 65536 (${env.FLEETLOG_SIM_COUNT} CPEs)` });
  });

export interface SimConfig {
  acsUrl: string;
  count: number;
  username: string;
  password: string;
  periodicInformEnable: boolean;
  periodicInformInterval: number;
  oui: string;
  productClass: string;
  serialPrefix: string;
  connectionRequest: { host: string; port: number; username: string; password: string };
  dataModel: 'tr181' | 'tr098';
  gzip: boolean;
  staggerMs: number;
  rebootMs: number;
  logLevel: string;
}

/** Reads the simulator's settings once, listing every problem at once. */
export const loadConfig = (env: NodeJS.ProcessEnv): SimConfig => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new SimError('SIM_CONFIG_INVALID', `invalid device-sim configuration:\n${problems}`, false);
  }
  const e = parsed.data;
  return {
    acsUrl: e.FLEETLOG_SIM_ACS_URL,
    count: e.FLEETLOG_SIM_COUNT,
    username: e.FLEETLOG_SIM_USERNAME,
    password: e.FLEETLOG_SIM_PASSWORD,
    periodicInformEnable: e.FLEETLOG_SIM_PERIODIC_SECONDS > 0,
    // The parameter must stay valid (>= 1) even when periodic informs are off.
    periodicInformInterval: Math.max(1, e.FLEETLOG_SIM_PERIODIC_SECONDS),
    oui: e.FLEETLOG_SIM_OUI,
    productClass: e.FLEETLOG_SIM_PRODUCT_CLASS,
    serialPrefix: e.FLEETLOG_SIM_SERIAL_PREFIX,
    connectionRequest: { host: e.FLEETLOG_SIM_CR_HOST, port: e.FLEETLOG_SIM_CR_PORT, username: e.FLEETLOG_SIM_CR_USERNAME, password: e.FLEETLOG_SIM_CR_PASSWORD },
    dataModel: e.FLEETLOG_SIM_DATA_MODEL,
    gzip: e.FLEETLOG_SIM_GZIP,
    staggerMs: e.FLEETLOG_SIM_STAGGER_MS,
    rebootMs: Math.round(e.FLEETLOG_SIM_REBOOT_SECONDS * 1000),
    logLevel: e.FLEETLOG_SIM_LOG_LEVEL,
  };
};

/** `{serial}` in a configured credential becomes the CPE's serial number. */
export const perSerial = (template: string, serialNumber: string): string => template.replaceAll('{serial}', serialNumber);
