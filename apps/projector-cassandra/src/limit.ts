// Bounded concurrency: a limiter for queries in flight and a worker pool for units of work.

export interface Limiter {
  /** Runs `task` once fewer than `max` tasks run; resolves or rejects with it. */
  run: <T>(task: () => Promise<T>) => Promise<T>;
  /** Tasks running now. */
  active: () => number;
}

export const createLimiter = (max: number): Limiter => {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`limiter needs a positive integer, got ${max}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return {
    active: () => active,
    run: async (task) => {
      if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
      active++;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
};

/**
 * Calls `fn` for every item with at most `workers` calls at once. After a failure no new item
 * starts; the calls already running finish, then the first error is thrown.
 */
export const forEachBounded = async <T>(items: readonly T[], workers: number, fn: (item: T, index: number) => Promise<void>): Promise<void> => {
  let next = 0;
  let failed: { error: unknown } | undefined;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        await fn(items[i]!, i);
      } catch (error) {
        failed ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, worker));
  if (failed) throw failed.error;
};
