import { UspSimError } from '../errors.js';
import type { UspAgentOptions } from './options.js';
import { createUspAgent } from './usp-agent.js';
import type { UspAgent } from './usp-agent.js';

export interface UspAgentFleetOptions extends Omit<UspAgentOptions, 'endpointId'> {
  count: number;
  /** Endpoint ids are prefix + six digits: proto::usp-sim-000001, … Default 'proto::usp-sim-'. */
  endpointIdPrefix?: string;
  /** Number of the first agent; default 1. */
  firstIndex?: number;
  /** Pause between two agents' start, so a fleet does not reach the broker all at once; default 50 ms. */
  staggerMs?: number;
  /** Per-agent overrides (index from 0). */
  perAgent?: (index: number, endpointId: string) => Partial<UspAgentOptions>;
}

export interface UspAgentFleet {
  readonly agents: readonly UspAgent[];
  byEndpointId(endpointId: string): UspAgent | undefined;
  /** Starts every agent, `staggerMs` apart; resolves once all are online or rejects with the first failure. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const DEFAULT_ENDPOINT_ID_PREFIX = 'proto::usp-sim-';

export const fleetEndpointId = (prefix: string, index: number): string => `${prefix}${String(index).padStart(6, '0')}`;

/** Many simulated agents with distinct endpoint ids (and so MQTT client ids and topics). */
export const createUspAgentFleet = (options: UspAgentFleetOptions): UspAgentFleet => {
  const { count, endpointIdPrefix = DEFAULT_ENDPOINT_ID_PREFIX, firstIndex = 1, staggerMs = 50, perAgent, ...shared } = options;
  if (!Number.isInteger(count) || count < 1) throw new UspSimError('USP_SIM_CONFIG_INVALID', `count must be a positive whole number, not ${count}`, false);
  const agents = Array.from({ length: count }, (_, index) => {
    const endpointId = fleetEndpointId(endpointIdPrefix, firstIndex + index);
    return createUspAgent({ ...shared, ...perAgent?.(index, endpointId), endpointId });
  });
  let stopped = false;
  let pause: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      pause = { timer: setTimeout(resolve, ms), resolve };
    });

  return {
    agents,
    byEndpointId: (endpointId) => agents.find((agent) => agent.endpointId === endpointId),
    async start() {
      const starts: Promise<void>[] = [];
      for (const [index, agent] of agents.entries()) {
        if (index > 0 && staggerMs > 0) await wait(staggerMs);
        if (stopped) break;
        starts.push(agent.start());
      }
      await Promise.all(starts);
    },
    async stop() {
      stopped = true;
      if (pause !== undefined) {
        clearTimeout(pause.timer);
        pause.resolve();
      }
      await Promise.all(agents.map((agent) => agent.stop()));
    },
  };
};
