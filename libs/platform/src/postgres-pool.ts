import pg from 'pg';

/**
 * A pg pool that survives its database going away: a lost connection, idle in the pool or held
 * by a caller between queries, is logged instead of crashing the process (pg emits 'error' on the
 * client, and an unheard 'error' event ends a Node process). Queries in flight still reject.
 */
export const createPostgresPool = (opts: { connectionString: string; max: number; onConnectionLost: (e: Error) => void }): pg.Pool => {
  const pool = new pg.Pool({ connectionString: opts.connectionString, max: opts.max });
  pool.on('error', opts.onConnectionLost);
  pool.on('connect', (client) => client.on('error', opts.onConnectionLost));
  return pool;
};
