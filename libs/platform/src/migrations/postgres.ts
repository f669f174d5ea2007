import { runner } from 'node-pg-migrate';
import { PlatformError } from '../errors.js';

export interface PostgresMigrationResult {
  applied: string[];
}

/**
 * Applies pending SQL migrations with node-pg-migrate. It takes an advisory lock, so concurrent
 * runs (two apps starting at once) apply each migration once.
 */
export const migratePostgres = async (opts: { databaseUrl: string; dir: string; log?: (msg: string) => void }): Promise<PostgresMigrationResult> => {
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
