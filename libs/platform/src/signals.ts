import type { Logger } from '@fleetlog/events';

/**
 * Stops the app once, on the first SIGTERM or SIGINT, then exits: 0 when `stop` finished, 1 when
 * it failed or took longer than `forceAfterMs` (a stuck socket must not keep the process alive).
 * Returns whether stopping has begun.
 */
export const stopOnSignals = (logger: Pick<Logger, 'info' | 'error'>, stop: () => Promise<unknown>, forceAfterMs = 30_000): (() => boolean) => {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), forceAfterMs).unref();
    stop().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error({ err: e }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  return () => stopping;
};
