// Retrying a batch while Cassandra is unavailable, without losing the partition meanwhile.
import { setTimeout as sleep } from 'node:timers/promises';
import { ProjectorError } from './errors.js';

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 10_000 };

/** Exponential: initial, 2×, 4×, … capped at max. Deterministic, so tests and logs can rely on it. */
export const backoffMs = (attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF) => Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));

export interface RetryOptions {
  /** Only these errors are retried; any other one is thrown at once. */
  isRetriable: (e: unknown) => boolean;
  /** False once the consumer stops or loses the partition: give up, leaving the batch uncommitted. */
  isRunning: () => boolean;
  /** Keeps the consumer's group membership while waiting. */
  heartbeat: () => Promise<void>;
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
  policy?: BackoffPolicy;
  /** How often to heartbeat during a long wait. */
  heartbeatEveryMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `work` until it succeeds, waiting with backoff after each retriable failure for as long as
 * the consumer runs. `work` must be idempotent: a failed attempt may have written part of it.
 */
export const retrying = async <T>(work: () => Promise<T>, opts: RetryOptions): Promise<T> => {
  const wait = opts.sleep ?? ((ms: number) => sleep(ms));
  const every = opts.heartbeatEveryMs ?? 1000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!opts.isRetriable(e)) throw e;
      const delay = backoffMs(attempt, opts.policy);
      opts.onRetry?.(e, attempt, delay);
      for (let waited = 0; waited < delay; waited += every) {
        if (!opts.isRunning()) break;
        await wait(Math.min(every, delay - waited));
        await opts.heartbeat();
      }
      if (!opts.isRunning()) throw new ProjectorError('PROJECTOR_STOPPED', 'stopped while retrying; the batch stays uncommitted and is applied again', true, { cause: e });
    }
  }
};
