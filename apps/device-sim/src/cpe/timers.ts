const MAX_TIMER_MS = 2 ** 31 - 1;

/** A timer's handle; it stays valid across the hops of a long delay. */
export interface Later {
  timer: NodeJS.Timeout | undefined;
}

/** The timers of one CPE, so that stop() can clear every one of them and none fires after. */
export const createTimers = () => {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const later = (delayMs: number, run: () => void): Later => {
    const handle: Later = { timer: undefined };
    const arm = (remaining: number) => {
      // setTimeout fires at once beyond 2^31-1 ms (24.8 days); DelaySeconds may be an unsignedInt.
      const hop = Math.min(remaining, MAX_TIMER_MS);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (closed) return;
        if (remaining > hop) arm(remaining - hop);
        else run();
      }, hop);
      handle.timer = timer;
      timers.add(timer);
    };
    if (!closed) arm(Math.max(0, delayMs));
    return handle;
  };

  const cancel = (handle: Later | undefined) => {
    if (handle?.timer === undefined) return;
    clearTimeout(handle.timer);
    timers.delete(handle.timer);
    handle.timer = undefined;
  };

  const cancelAll = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };

  return {
    later,
    cancel,
    cancelAll,
    /** Cancels everything and refuses new timers. */
    close: () => {
      closed = true;
      cancelAll();
    },
  };
};
