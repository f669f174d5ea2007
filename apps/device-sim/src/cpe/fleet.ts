import { SimError } from '../errors.js';
import type { SimulatedCpeOptions } from './options.js';
import type { SessionRecord } from './session-log.js';
import { createSimulatedCpe } from './simulated-cpe.js';
import type { SimulatedCpe } from './simulated-cpe.js';

export interface FleetOptions extends Omit<SimulatedCpeOptions, 'serialNumber'> {
  count: number;
  /** Serial numbers are prefix + six digits: SIM000001, SIM000002, … Default 'SIM'. */
  serialPrefix?: string;
  /** Number of the first serial; default 1. */
  firstIndex?: number;
  /** Pause between two boots, so a fleet does not hit the ACS all at once; default 200 ms. */
  staggerMs?: number;
  /** Per-device overrides (index from 0). */
  perCpe?: (index: number, serialNumber: string) => Partial<SimulatedCpeOptions>;
}

export interface Fleet {
  readonly cpes: readonly SimulatedCpe[];
  bySerial(serialNumber: string): SimulatedCpe | undefined;
  /** Boots every CPE, `staggerMs` apart; resolves with each first session once all have ended. */
  start(): Promise<SessionRecord[]>;
  stop(): Promise<void>;
}

export const fleetSerial = (prefix: string, index: number): string => `${prefix}${String(index).padStart(6, '0')}`;

/**
 * Many simulated CPEs with distinct serials. With a fixed connection-request port, device i
 * listens on port + i; with 0 each picks a free port.
 */
export const createFleet = async (options: FleetOptions): Promise<Fleet> => {
  const { count, serialPrefix = 'SIM', firstIndex = 1, staggerMs = 200, perCpe, ...shared } = options;
  if (!Number.isInteger(count) || count < 1) throw new SimError('SIM_CONFIG_INVALID', `count must be a positive whole number, not ${count}`, false);
  const basePort = shared.connectionRequest?.port ?? 0;

  const created = await Promise.allSettled(
    Array.from({ length: count }, (_, index) => {
      const serialNumber = fleetSerial(serialPrefix, firstIndex + index);
      const port = basePort === 0 ? 0 : basePort + index;
      const overrides = perCpe?.(index, serialNumber) ?? {};
      return createSimulatedCpe({
        ...shared,
        ...overrides,
        serialNumber,
        connectionRequest: { ...shared.connectionRequest, port, ...overrides.connectionRequest },
      });
    }),
  );
  const cpes = created.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []));
  const failure = created.find((c): c is PromiseRejectedResult => c.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(cpes.map((cpe) => cpe.stop()));
    throw failure.reason;
  }

  let stopped = false;
  // Pauses between boots; stop() ends them early so start() returns.
  const pauses = new Map<NodeJS.Timeout, () => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pauses.delete(timer);
        resolve();
      }, ms);
      pauses.set(timer, resolve);
    });

  return {
    cpes,
    bySerial: (serialNumber) => cpes.find((cpe) => cpe.serialNumber === serialNumber),
    async start() {
      const boots: Array<Promise<SessionRecord>> = [];
      for (const [index, cpe] of cpes.entries()) {
        if (index > 0 && staggerMs > 0) await pause(staggerMs);
        if (stopped) break;
        boots.push(cpe.boot());
      }
      const settled = await Promise.allSettled(boots);
      // A boot cut short by stop() has no session to report.
      return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    },
    async stop() {
      stopped = true;
      for (const [timer, resolve] of pauses) {
        clearTimeout(timer);
        resolve();
      }
      pauses.clear();
      await Promise.all(cpes.map((cpe) => cpe.stop()));
    },
  };
};
