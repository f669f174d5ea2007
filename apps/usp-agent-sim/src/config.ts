import { parseEndpointId, parseTenantId } from '@fleetlog/domain';
import { z } from 'zod';
import { DEFAULT_ENDPOINT_ID_PREFIX, fleetEndpointId } from './agent/fleet.js';
import { DEFAULT_CONTROLLER_ID } from './agent/options.js';
import type { MqttProtocolVersion } from './agent/topics.js';
import { UspSimError } from './errors.js';

const mqttUrl = z.url({ protocol: /^(mqtts?|wss?)$/, error: 'must be an mqtt://, mqtts://, ws:// or wss:// URL' });
const seconds = (max: number) => z.coerce.number().min(0).max(max);
// A text setting that one of the domain's parsers must accept; its message says why not.
const parsed = (parse: (value: string) => { ok: true } | { ok: false; error: { message: string } }) =>
  z.string().superRefine((value, ctx) => {
    const result = parse(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error.message });
  });

/**
 * Every setting of the simulator, from the environment. `{endpoint}` in a credential is replaced
 * by each agent's endpoint id, so a fleet can have per-device credentials from one variable.
 */
const schema = z.object({
  /** The broker (Mosquitto of the local stack). */
  FLEETLOG_MQTT_URL: mqttUrl.default('mqtt://127.0.0.1:1883'),
  /** Number of simulated agents. */
  FLEETLOG_USP_SIM_COUNT: z.coerce.number().int().min(1).max(10_000).default(5),
  /** The tenant whose controller topics the agents publish to. */
  FLEETLOG_USP_SIM_TENANT: parsed(parseTenantId).default('default'),
  /** Endpoint ids are prefix + six digits (proto::usp-sim-000001, …). */
  FLEETLOG_USP_SIM_ENDPOINT_PREFIX: parsed((prefix) => parseEndpointId(fleetEndpointId(prefix, 1))).default(DEFAULT_ENDPOINT_ID_PREFIX),
  FLEETLOG_USP_SIM_CONTROLLER_ID: parsed(parseEndpointId).default(DEFAULT_CONTROLLER_ID),
  FLEETLOG_USP_SIM_MQTT_VERSION: z.enum(['5', '3.1.1']).default('5'),
  /** MQTT credentials; both empty: send none. */
  FLEETLOG_USP_SIM_USERNAME: z.string().max(256).default(''),
  FLEETLOG_USP_SIM_PASSWORD: z.string().max(256).default(''),
  /** Pause between two tries of a Notify awaiting its NotifyResp. */
  FLEETLOG_USP_SIM_NOTIFY_RETRY_SECONDS: seconds(3_600).positive().default(5),
  /** How long a Reboot() keeps an agent away. */
  FLEETLOG_USP_SIM_REBOOT_SECONDS: seconds(600).default(2),
  /** Pause between two agents' start, so the fleet does not arrive at once. */
  FLEETLOG_USP_SIM_STAGGER_MS: z.coerce.number().int().min(0).max(60_000).default(100),
  FLEETLOG_USP_SIM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface UspSimConfig {
  brokerUrl: string;
  count: number;
  tenantId: string;
  endpointIdPrefix: string;
  controllerId: string;
  mqttVersion: MqttProtocolVersion;
  username: string;
  password: string;
  notifyRetryMs: number;
  rebootDelayMs: number;
  staggerMs: number;
  logLevel: string;
}

/** Reads the simulator's settings once, listing every problem at once. */
export const loadConfig = (env: NodeJS.ProcessEnv): UspSimConfig => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new UspSimError('USP_SIM_CONFIG_INVALID', `invalid usp-agent-sim configuration:\n${problems}`, false);
  }
  const e = parsed.data;
  return {
    brokerUrl: e.FLEETLOG_MQTT_URL,
    count: e.FLEETLOG_USP_SIM_COUNT,
    tenantId: e.FLEETLOG_USP_SIM_TENANT,
    endpointIdPrefix: e.FLEETLOG_USP_SIM_ENDPOINT_PREFIX,
    controllerId: e.FLEETLOG_USP_SIM_CONTROLLER_ID,
    mqttVersion: e.FLEETLOG_USP_SIM_MQTT_VERSION === '5' ? 5 : 4,
    username: e.FLEETLOG_USP_SIM_USERNAME,
    password: e.FLEETLOG_USP_SIM_PASSWORD,
    notifyRetryMs: Math.round(e.FLEETLOG_USP_SIM_NOTIFY_RETRY_SECONDS * 1000),
    rebootDelayMs: Math.round(e.FLEETLOG_USP_SIM_REBOOT_SECONDS * 1000),
    staggerMs: e.FLEETLOG_USP_SIM_STAGGER_MS,
    logLevel: e.FLEETLOG_USP_SIM_LOG_LEVEL,
  };
};

/** `{endpoint}` in a configured credential becomes the agent's endpoint id. */
export const perEndpoint = (template: string, endpointId: string): string => template.replaceAll('{endpoint}', endpointId);
