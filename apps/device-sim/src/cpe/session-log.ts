import type { CpeMessage, CwmpMessage, EventStruct } from '@fleetlog/cwmp';
import { SimError } from '../errors.js';
import type { AcsRpc } from '../rpc/fault-injection.js';
import type { SessionError } from './session-runner.js';

/** One finished session, as tests and logs see it. */
export interface SessionRecord {
  /** Start order, from 0; sessions of one CPE never overlap. */
  index: number;
  events: EventStruct[];
  /** The event codes alone, e.g. ['1 BOOT', 'M Reboot']. */
  eventCodes: string[];
  retryCount: number;
  startedAt: number;
  endedAt: number;
  outcome: 'completed' | 'failed';
  error?: SessionError;
  /** What the ACS sent, in order (InformResponse included). */
  received: CwmpMessage[];
  /** What the CPE sent, in order (Inform included; empty POSTs are not messages). */
  sent: CpeMessage[];
  /** The RPCs the ACS called, each with the CPE's answer. */
  rpcs: Array<{ request: AcsRpc; response: CpeMessage }>;
  cookies: Record<string, string>;
}

export type SessionPredicate = (record: SessionRecord) => boolean;

export interface WaitOptions {
  /** Only sessions with index >= since count; default 0 (sessions already over count too). */
  since?: number;
  /** Default 10 s; Infinity waits until the session comes or the CPE stops. */
  timeoutMs?: number;
}

interface Waiter {
  predicate: SessionPredicate;
  since: number;
  resolve: (record: SessionRecord) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
}

/** The sessions a CPE has had, and promises for the ones a test is waiting for. */
export const createSessionLog = () => {
  const records: SessionRecord[] = [];
  const waiters = new Set<Waiter>();

  const settle = (waiter: Waiter, record: SessionRecord) => {
    clearTimeout(waiter.timer);
    waiters.delete(waiter);
    waiter.resolve(record);
  };

  return {
    records: records as readonly SessionRecord[],

    add(record: SessionRecord) {
      records.push(record);
      for (const waiter of [...waiters]) if (record.index >= waiter.since && waiter.predicate(record)) settle(waiter, record);
    },

    waitFor(predicate: SessionPredicate, { since = 0, timeoutMs = 10_000 }: WaitOptions = {}): Promise<SessionRecord> {
      const done = records.find((r) => r.index >= since && predicate(r));
      if (done !== undefined) return Promise.resolve(done);
      return new Promise<SessionRecord>((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          since,
          resolve,
          reject,
          // An infinite timeout waits for the session or for close().
          timer: Number.isFinite(timeoutMs)
            ? setTimeout(() => {
                waiters.delete(waiter);
                reject(new SimError('SIM_WAIT_TIMEOUT', `no matching session within ${timeoutMs} ms (${records.length} sessions so far)`, false));
              }, timeoutMs)
            : undefined,
        };
        waiters.add(waiter);
      });
    },

    /** Fails every pending wait: the CPE is gone. */
    close() {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new SimError('SIM_STOPPED', 'the simulated CPE stopped', false));
      }
      waiters.clear();
    },
  };
};

export type SessionLog = ReturnType<typeof createSessionLog>;
