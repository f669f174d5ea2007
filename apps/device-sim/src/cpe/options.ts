import { randomBytes } from 'node:crypto';
import type { CwmpNamespace } from '@fleetlog/cwmp';
import type { FaultInjection } from '../rpc/fault-injection.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';

export interface SimulatedCpeOptions {
  /** Where the ACS listens: the factory ManagementServer.URL. */
  acsUrl: string;
  serialNumber: string;
  /** Six hex digits; default 'F1EE70'. */
  oui?: string;
  /** Default 'FleetlogSimGW'. */
  productClass?: string;
  /** Default 'Fleetlog'. */
  manufacturer?: string;
  /** Default '1.0.0'. */
  softwareVersion?: string;
  /** Default 'SIM-1'. */
  hardwareVersion?: string;
  /** 'tr181' (Device:2, the default) or 'tr098' (InternetGatewayDevice:1). */
  dataModel?: 'tr181' | 'tr098';
  /** LAN hosts in the Hosts table at boot; default 2. */
  hosts?: number;
  /** ACS credentials (ManagementServer.Username/Password); both empty (the default) means none. */
  username?: string;
  password?: string;
  /** Default true. */
  periodicInformEnable?: boolean;
  /** Seconds; default 3600. */
  periodicInformInterval?: number;
  connectionRequest?: {
    /** Interface to listen on; default '127.0.0.1'. */
    host?: string;
    /** 0 (the default) picks a free port. */
    port?: number;
    /** Host written into ConnectionRequestURL; default `host`. */
    advertisedHost?: string;
    /** ConnectionRequestUsername; default 'fleetlog' (cwmp-ingress's FLEETLOG_CWMP_CR_USERNAME default). */
    username?: string;
    /** ConnectionRequestPassword; default 'fleetlog' (cwmp-ingress's FLEETLOG_CWMP_CR_PASSWORD default). */
    password?: string;
  };
  /** Gzip request bodies; default false. */
  gzip?: boolean;
  /** The cwmp namespace of what the CPE sends; default 'urn:dslforum-org:cwmp-1-0'. */
  cwmpNamespace?: CwmpNamespace;
  /** Faults to answer with, to exercise the ACS; changeable later with setFaults(). */
  faults?: FaultInjection;
  /** Notification attributes to start with, e.g. { 'Device.WiFi.SSID.1.SSID': 2 }. */
  notifications?: Record<string, number>;
  timings?: Partial<Timings>;
  /** An ACS that sends more RPCs in one session is treated as broken; default 1000. */
  maxRpcsPerSession?: number;
  logger?: Logger;
  /** Epoch millis; injectable so tests can move time. */
  now?: () => number;
  /** [0, 1), for retry jitter. */
  random?: () => number;
  /** Random hex of `bytes` bytes, for nonces. */
  randomHex?: (bytes: number) => string;
}

export interface Timings {
  /** Per HTTP request. */
  requestTimeoutMs: number;
  /** First retry wait after a failed session; TR-069 3.2.1.1 doubles it per failure, with jitter. */
  retryMinMs: number;
  /** Longest retry wait, and the cap on an ACS's Retry-After. */
  retryMaxMs: number;
  /** Time a Reboot (or a firmware upgrade) keeps the device away. */
  rebootMs: number;
  /** Time a Download or Upload takes once its DelaySeconds have passed. */
  transferMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  requestTimeoutMs: 30_000,
  retryMinMs: 1_000,
  retryMaxMs: 60_000,
  rebootMs: 0,
  transferMs: 0,
};

export type ResolvedOptions = Required<Omit<SimulatedCpeOptions, 'connectionRequest' | 'timings' | 'faults' | 'notifications'>> & {
  connectionRequest: Required<SimulatedCpeOptions['connectionRequest'] & object>;
  timings: Timings;
  faults: FaultInjection;
  notifications: Record<string, number>;
};

export const DEFAULT_OUI = 'F1EE70';
export const DEFAULT_PRODUCT_CLASS = 'FleetlogSimGW';
export const DEFAULT_CR_USERNAME = 'fleetlog';
export const DEFAULT_CR_PASSWORD = 'fleetlog';

export const resolveOptions = (options: SimulatedCpeOptions): ResolvedOptions => {
  const host = options.connectionRequest?.host ?? '127.0.0.1';
  return {
    acsUrl: options.acsUrl,
    serialNumber: options.serialNumber,
    oui: options.oui ?? DEFAULT_OUI,
    productClass: options.productClass ?? DEFAULT_PRODUCT_CLASS,
    manufacturer: options.manufacturer ?? 'Fleetlog',
    softwareVersion: options.softwareVersion ?? '1.0.0',
    hardwareVersion: options.hardwareVersion ?? 'SIM-1',
    dataModel: options.dataModel ?? 'tr181',
    hosts: options.hosts ?? 2,
    username: options.username ?? '',
    password: options.password ?? '',
    periodicInformEnable: options.periodicInformEnable ?? true,
    periodicInformInterval: options.periodicInformInterval ?? 3600,
    connectionRequest: {
      host,
      port: options.connectionRequest?.port ?? 0,
      advertisedHost: options.connectionRequest?.advertisedHost ?? host,
      username: options.connectionRequest?.username ?? DEFAULT_CR_USERNAME,
      password: options.connectionRequest?.password ?? DEFAULT_CR_PASSWORD,
    },
    gzip: options.gzip ?? false,
    cwmpNamespace: options.cwmpNamespace ?? 'urn:dslforum-org:cwmp-1-0',
    faults: options.faults ?? {},
    notifications: options.notifications ?? {},
    timings: { ...DEFAULT_TIMINGS, ...options.timings },
    maxRpcsPerSession: options.maxRpcsPerSession ?? 1000,
    logger: options.logger ?? silentLogger,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    randomHex: options.randomHex ?? ((bytes) => randomBytes(bytes).toString('hex')),
  };
};

/** Problems with options that would make the simulator misbehave rather than fail loudly. */
export const optionProblems = (options: ResolvedOptions): string[] => {
  const problems: string[] = [];
  try {
    const url = new URL(options.acsUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`acsUrl must be http or https, not ${url.protocol}`);
  } catch {
    problems.push(`acsUrl ${JSON.stringify(options.acsUrl)} is not an absolute URL`);
  }
  if (!/^[0-9A-F]{6}$/.test(options.oui)) problems.push(`oui ${JSON.stringify(options.oui)} must be six upper-case hex digits`);
  if (options.serialNumber === '' || options.serialNumber.length > 64) problems.push('serialNumber must be 1 to 64 characters');
  if (options.productClass.length > 64) problems.push('productClass must be at most 64 characters');
  if (!Number.isInteger(options.periodicInformInterval) || options.periodicInformInterval < 1) problems.push('periodicInformInterval must be a positive whole number of seconds');
  const { port } = options.connectionRequest;
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`connectionRequest.port ${port} is not a port`);
  return problems;
};
