import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from 'cassandra-driver';
import { PlatformError } from '../errors.js';
import { splitCql } from './cql-split.js';

export interface CassandraMigrationOptions {
  client: Client;
  keyspace: string;
  /** CQL replication map for the keyspace, e.g. {'class': 'SimpleStrategy', 'replication_factor': 1}. */
  replication: string;
  dir: string;
  now?: () => Date;
  /** A claim older than this is taken over (its runner died mid-way; statements are idempotent). */
  staleAfterMs?: number;
  log?: (msg: string) => void;
}

const checksum = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * A small guarded runner for CQL migrations: each file is claimed with a lightweight transaction
 * (INSERT … IF NOT EXISTS) so two runners never apply it at once, applied files are verified by
 * checksum, and a claim left by a crashed runner is taken over once stale. Statements use IF NOT
 * EXISTS so re-running a half-applied file is safe.
 */
export const migrateCassandra = async (opts: CassandraMigrationOptions): Promise<{ applied: string[] }> => {
  const { client, keyspace } = opts;
  const now = opts.now ?? (() => new Date());
  const staleAfter = opts.staleAfterMs ?? 10 * 60_000;
  if (!/^[a-z][a-z0-9_]{0,47}$/.test(keyspace)) throw new PlatformError('MIGRATION_FAILED', `invalid keyspace name "${keyspace}"`);
  await client.execute(`CREATE KEYSPACE IF NOT EXISTS ${keyspace} WITH replication = ${opts.replication}`);
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${keyspace}.schema_migrations (id text PRIMARY KEY, checksum text, state text, claimed_at timestamp, applied_at timestamp)`,
  );
  const files = readdirSync(opts.dir).filter((f) => f.endsWith('.cql')).sort();
  const applied: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(opts.dir, file), 'utf8');
    const sum = checksum(text);
    for (;;) {
      const claim = await client.execute(
        `INSERT INTO ${keyspace}.schema_migrations (id, checksum, state, claimed_at) VALUES (?, ?, 'running', ?) IF NOT EXISTS`,
        [file, sum, now()],
        { prepare: true },
      );
      const row = claim.first();
      if (row.get('[applied]') === true) break;
      if (row.get('checksum') !== sum) {
        throw new PlatformError('MIGRATION_CHANGED', `${file} changed after it was applied (checksum ${row.get('checksum')} != ${sum}); add a new migration instead`);
      }
      if (row.get('state') === 'applied') break;
      const claimedAt = (row.get('claimed_at') as Date | null)?.getTime() ?? 0;
      if (now().getTime() - claimedAt > staleAfter) {
        const takeover = await client.execute(
          `UPDATE ${keyspace}.schema_migrations SET claimed_at = ? WHERE id = ? IF state = 'running' AND claimed_at = ?`,
          [now(), file, row.get('claimed_at')],
          { prepare: true },
        );
        if (takeover.first().get('[applied]') === true) break;
      }
      opts.log?.(`${file} is being applied by another runner; waiting`);
      await sleep(1000);
    }
    const state = await client.execute(`SELECT state FROM ${keyspace}.schema_migrations WHERE id = ?`, [file], { prepare: true });
    if (state.first()?.get('state') === 'applied') continue;
    // Migrations name tables without a keyspace; the driver applies USE to every pooled connection.
    await client.execute(`USE ${keyspace}`);
    for (const statement of splitCql(text)) {
      try {
        await client.execute(statement);
      } catch (e) {
        throw new PlatformError('MIGRATION_FAILED', `${file}: ${(e as Error).message}\n${statement}`, false, { cause: e });
      }
    }
    await client.execute(`UPDATE ${keyspace}.schema_migrations SET state = 'applied', applied_at = ? WHERE id = ?`, [now(), file], { prepare: true });
    applied.push(file);
    opts.log?.(`applied ${file}`);
  }
  return { applied };
};
