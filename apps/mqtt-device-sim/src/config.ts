import { z } from 'zod';
import { mqttSettings, parseConfig } from '@fleetlog/platform';

const count = z.coerce.number().int().min(0).max(100_000);

/**
 * Every setting of the simulator process, from the environment. `devices` runs a fleet of simulated
 * devices of each vendor; `burst` publishes generic telemetry as fast as the pace allows (benchmarks).
 */
const schema = z.object({
  ...mqttSettings,
  FLEETLOG_MQTT_SIM_MODE: z.enum(['devices', 'burst']).default('devices'),
  FLEETLOG_MQTT_SIM_TENANT: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a tenant id').default('default'),
  FLEETLOG_MQTT_SIM_GENERIC: count.default(2),
  FLEETLOG_MQTT_SIM_SHELLY: count.default(2),
  FLEETLOG_MQTT_SIM_DJI: count.default(1),
  /** Period of each device's telemetry; unset: each vendor's own (generic and Shelly 60 s, DJI 2 s). */
  FLEETLOG_MQTT_SIM_TELEMETRY_MS: z.coerce.number().int().min(0).optional(),
  /** Levels before native topics; unset: fleetlog/<tenant>/<vendor>; empty: native topics for a mounting broker. */
  FLEETLOG_MQTT_SIM_TOPIC_PREFIX: z.string().regex(/^[^#+]*$/, 'must hold no wildcards').optional(),
  FLEETLOG_MQTT_SIM_SEED: z.coerce.number().int().default(1),
  FLEETLOG_MQTT_SIM_STAGGER_MS: z.coerce.number().int().min(0).max(60_000).default(50),
  FLEETLOG_MQTT_SIM_BURST_MESSAGES: z.coerce.number().int().min(1).default(100_000),
  FLEETLOG_MQTT_SIM_BURST_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(4),
  FLEETLOG_MQTT_SIM_BURST_DEVICES: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  FLEETLOG_MQTT_SIM_BURST_QOS: z.coerce.number().pipe(z.union([z.literal(0), z.literal(1)])).default(0),
  /** A URL answering JSON with a running count of messages the receiver took; the burst stays at most WINDOW ahead of it. */
  FLEETLOG_MQTT_SIM_PACE_URL: z.url().optional(),
  FLEETLOG_MQTT_SIM_PACE_FIELD: z.string().min(1).default('received'),
  FLEETLOG_MQTT_SIM_BURST_WINDOW: z.coerce.number().int().min(1).default(5000),
  FLEETLOG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SimConfig = z.infer<typeof schema>;

/** Reads the simulator's settings once; an invalid setting stops it with every problem listed. */
export const loadConfig = (env: NodeJS.ProcessEnv): SimConfig => parseConfig('mqtt-device-sim', schema, env);
