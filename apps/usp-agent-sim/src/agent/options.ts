import { parseEndpointId, parseTenantId } from '@fleetlog/domain';
import type { AgentIdentity } from '../data-model/tr181.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { FaultInjection } from './fault-injection.js';
import type { MqttProtocolVersion } from './topics.js';

/** The controller's endpoint id unless told otherwise (apps/usp-ingress uses the same default). */
export const DEFAULT_CONTROLLER_ID = 'proto::fleetlog-controller';
export const DEFAULT_OUI = 'F1EE70';
export const DEFAULT_PRODUCT_CLASS = 'FleetlogUspGW';

export interface UspAgentOptions {
  /** mqtt://host:port of the broker. */
  brokerUrl: string;
  /** The agent's USP endpoint id, also its MQTT client id, e.g. `proto::usp-sim-000001`. */
  endpointId: string;
  /** The tenant whose controller topic the agent is provisioned with. */
  tenantId: string;
  /** Default DEFAULT_CONTROLLER_ID. */
  controllerId?: string;
  /** 5 (the default) or 4 for MQTT 3.1.1. */
  mqttVersion?: MqttProtocolVersion;
  credentials?: { username: string; password: string };
  /** Pause between two tries of a Notify awaiting its NotifyResp; default 5000 (TR-369's minimum wait). */
  notifyRetryMs?: number;
  /** How long a Reboot() or FactoryReset() keeps the agent away; default 1000. */
  rebootDelayMs?: number;
  /** How long an asynchronous command (IPPing()) runs; default 500. */
  operationMs?: number;
  /** How long start() waits for the broker; the agent keeps trying after that. Default 10000. */
  startTimeoutMs?: number;
  /** Pause between two MQTT reconnection attempts; default 1000. */
  reconnectMs?: number;
  /** Seeds the agent's randomness (msg ids, measurements); unseeded agents differ run to run. */
  seed?: number;
  /** Device.DeviceInfo; the serial number defaults to the endpoint id's instance id. */
  identity?: Partial<AgentIdentity>;
  faults?: FaultInjection;
  logger?: Logger;
  /** Epoch millis; injectable so tests can move time. */
  now?: () => number;
}

export type ResolvedOptions = Required<Omit<UspAgentOptions, 'credentials' | 'identity' | 'seed'>> & {
  credentials: UspAgentOptions['credentials'];
  identity: AgentIdentity;
  seed: number | undefined;
};

export const resolveOptions = (options: UspAgentOptions): ResolvedOptions => ({
  brokerUrl: options.brokerUrl,
  endpointId: options.endpointId,
  tenantId: options.tenantId,
  controllerId: options.controllerId ?? DEFAULT_CONTROLLER_ID,
  mqttVersion: options.mqttVersion ?? 5,
  credentials: options.credentials,
  notifyRetryMs: options.notifyRetryMs ?? 5_000,
  rebootDelayMs: options.rebootDelayMs ?? 1_000,
  operationMs: options.operationMs ?? 500,
  startTimeoutMs: options.startTimeoutMs ?? 10_000,
  reconnectMs: options.reconnectMs ?? 1_000,
  seed: options.seed,
  identity: {
    manufacturer: 'Fleetlog',
    oui: DEFAULT_OUI,
    modelName: 'Fleetlog USP Simulator',
    productClass: DEFAULT_PRODUCT_CLASS,
    serialNumber: options.endpointId.slice(options.endpointId.lastIndexOf(':') + 1),
    softwareVersion: '1.0.0',
    hardwareVersion: 'SIM-1',
    ...options.identity,
  },
  faults: options.faults ?? {},
  logger: options.logger ?? silentLogger,
  now: options.now ?? Date.now,
});

/** Problems with options that would make the agent misbehave rather than fail loudly. */
export const optionProblems = (options: ResolvedOptions): string[] => {
  const problems: string[] = [];
  try {
    const url = new URL(options.brokerUrl);
    if (!['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:'].includes(url.protocol)) problems.push(`brokerUrl must be an mqtt(s):// or ws(s):// URL, not ${url.protocol}`);
  } catch {
    problems.push(`brokerUrl ${JSON.stringify(options.brokerUrl)} is not a URL`);
  }
  // A valid endpoint id holds no '/', '+' or '#', so it is safe as an MQTT topic level and client id.
  for (const [name, id] of [['endpointId', options.endpointId], ['controllerId', options.controllerId]] as const) {
    const parsed = parseEndpointId(id);
    if (!parsed.ok) problems.push(`${name}: ${parsed.error.message}`);
  }
  const tenant = parseTenantId(options.tenantId);
  if (!tenant.ok) problems.push(`tenantId: ${tenant.error.message}`);
  if (options.mqttVersion !== 5 && options.mqttVersion !== 4) problems.push(`mqttVersion must be 5 or 4 (3.1.1), not ${String(options.mqttVersion)}`);
  if (!/^[0-9A-F]{6}$/.test(options.identity.oui)) problems.push(`identity.oui ${JSON.stringify(options.identity.oui)} must be six upper-case hex digits`);
  for (const name of ['rebootDelayMs', 'operationMs', 'startTimeoutMs', 'reconnectMs'] as const)
    if (!Number.isFinite(options[name]) || options[name] < 0) problems.push(`${name} must be a non-negative number of milliseconds`);
  if (!Number.isFinite(options.notifyRetryMs) || options.notifyRetryMs <= 0) problems.push('notifyRetryMs must be a positive number of milliseconds');
  return problems;
};
