import { setTimeout as sleep } from 'node:timers/promises';
import { runner } from 'node-pg-migrate';
import { PlatformError } from '../errors.js';

export interface PostgresMigrationResult {
  applied: string[];
}

/**
 * Applies pending SQL migrations with node-pg-migrate. It takes an advisory lock, so concurrent
 * runs (two apps starting at once) apply each migration once; a runner that finds the lock taken
 * waits for it instead of failing.
 */
export const migratePostgres = async (opts: { databaseUrl: string; dir: string; log?: (msg: string) => void; lockWaitMs?: number }): Promise<PostgresMigrationResult> => {
  const until = Date.now() + (opts.lockWaitMs ?? 120_000);
  for (;;) {
    try {
      return await migrateOnce(opts);
    } catch (e) {
      const locked = /already running/i.test(String((e as PlatformError).cause ?? e));
      if (!locked || Date.now() > until) throw e;
      opts.log?.('another runner holds the migration lock; waiting');
      await sleep(250);
    }
  }
};

const migrateOnce = async (opts: { databaseUrl: string; dir: string; log?: (msg: string) => void }): Promise<PostgresMigrationResult> => {
  try {
    const ran = await runner({
      databaseUrl: opts.databaseUrl,
      dir: opts.dir,
      direction: 'up',
      migrationsTable: 'pgmigrations',
      count: Infinity,
      checkOrder: true,
      singleTransaction: true,
      log: () => undefined,
      logger: { debug: () => undefined, info: () => undefined, warn: (m: string) => opts.log?.(m), error: (m: string) => opts.log?.(m) },
    });
    return { applied: ran.map((m) => m.name) };
  } catch (e) {
    throw new PlatformError('MIGRATION_FAILED', `Postgres migrations in ${opts.dir} failed: ${(e as Error).message}`, false, { cause: e });
  }
};
