import type { UspMsg, UspRecord } from '@fleetlog/usp';
import { UspSimError } from '../errors.js';

/** A Record the agent handed to the broker. */
export interface SentRecord {
  topic: string;
  record: UspRecord;
  /** The Msg inside a no_session_context Record. */
  msg?: UspMsg;
  at: number;
}

export type IgnoreReason =
  /** Not a USP Record the codec accepts. */
  | 'undecodable-record'
  /** to_id is not this agent's endpoint id. */
  | 'not-for-this-agent'
  /** from_id is no enabled Device.LocalAgent.Controller.{i}.EndpointID. */
  | 'unknown-controller'
  /** A Record without a Msg (a controller's disconnect, for one). */
  | 'no-msg'
  /** The Msg inside did not decode; answered with an Error when its msg_id was readable. */
  | 'undecodable-msg'
  /** Same msg_id as a request still being handled (R-MSG.4). */
  | 'duplicate';

export interface IgnoredRecord {
  reason: IgnoreReason;
  detail: string;
  at: number;
}

export interface WaitOptions {
  /** Default 10 s. */
  timeoutMs?: number;
}

interface Waiter {
  probe: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** What an agent received, sent and ignored, and promises for what a test waits to see. */
export const createAgentLog = () => {
  const received: UspMsg[] = [];
  const sent: SentRecord[] = [];
  const ignored: IgnoredRecord[] = [];
  const waiters = new Set<Waiter>();

  const settle = (waiter: Waiter, value: unknown) => {
    clearTimeout(waiter.timer);
    waiters.delete(waiter);
    waiter.resolve(value);
  };

  /** Something changed: every waiter looks again. */
  const changed = () => {
    for (const waiter of [...waiters]) {
      const value = waiter.probe();
      if (value !== undefined && value !== false) settle(waiter, value);
    }
  };

  return {
    received: received as readonly UspMsg[],
    sent: sent as readonly SentRecord[],
    ignored: ignored as readonly IgnoredRecord[],
    changed,
    addReceived(msg: UspMsg) {
      received.push(msg);
      changed();
    },
    addSent(record: SentRecord) {
      sent.push(record);
      changed();
    },
    addIgnored(record: IgnoredRecord) {
      ignored.push(record);
      changed();
    },

    /** Resolves with what `probe` returns once that is neither undefined nor false; probed now and after every change. */
    waitFor<T>(probe: () => T | undefined | false, { timeoutMs = 10_000 }: WaitOptions = {}): Promise<T> {
      const now = probe();
      if (now !== undefined && now !== false) return Promise.resolve(now);
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter = {
          probe,
          resolve: resolve as (value: unknown) => void,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            reject(new UspSimError('USP_SIM_WAIT_TIMEOUT', `condition not met within ${timeoutMs} ms (${received.length} received, ${sent.length} sent)`, false));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },

    /** Fails every pending wait: the agent is gone. */
    close() {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new UspSimError('USP_SIM_STOPPED', 'the simulated agent stopped', false));
      }
      waiters.clear();
    },
  };
};

export type AgentLog = ReturnType<typeof createAgentLog>;
