/** The timers of one agent, so that a reboot or stop() can clear them all and none fires after. */
export const createTimers = () => {
  const pending = new Set<NodeJS.Timeout>();
  let closed = false;
  const cancelAll = () => {
    for (const timer of pending) clearTimeout(timer);
    pending.clear();
  };
  return {
    later(delayMs: number, run: () => void): NodeJS.Timeout | undefined {
      if (closed) return undefined;
      const timer = setTimeout(() => {
        pending.delete(timer);
        run();
      }, delayMs);
      pending.add(timer);
      return timer;
    },
    cancel(timer: NodeJS.Timeout | undefined): void {
      if (timer === undefined) return;
      clearTimeout(timer);
      pending.delete(timer);
    },
    cancelAll,
    /** Cancels everything and refuses new timers. */
    close(): void {
      closed = true;
      cancelAll();
    },
  };
};

export type Timers = ReturnType<typeof createTimers>;
