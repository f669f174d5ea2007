import type pg from 'pg';

export type Sql = <R extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>;

/** Runs read-model queries for one tenant. */
export type TenantReader = <T>(tenantId: string, work: (sql: Sql) => Promise<T>) => Promise<T>;

/**
 * Every read runs in a transaction as the role fleetlog_api with fleetlog.tenant_id set, so
 * row-level security shows only that tenant's rows, on top of the `tenant_id = $1` every query
 * carries. The three set-up statements travel in one round trip.
 */
export const createTenantReader = (pool: pg.Pool): TenantReader => async (tenantId, work) => {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL ROLE fleetlog_api; SELECT set_config('fleetlog.tenant_id', ${client.escapeLiteral(tenantId)}, true)`);
    const result = await work(async (text, values) => (await client.query(text, values)).rows);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw e;
  } finally {
    client.release(broken);
  }
};

export interface ApiKeyRow {
  tenant_id: string;
  key_hash: string;
  role: string;
  revoked_at: Date | null;
}

/** The key with this id in any tenant, through the one function that may look across tenants. */
export const createApiKeyLookup = (pool: pg.Pool) => async (keyId: string): Promise<ApiKeyRow[]> => {
  const client = await pool.connect();
  try {
    await client.query('BEGIN READ ONLY; SET LOCAL ROLE fleetlog_api');
    const { rows } = await client.query<ApiKeyRow>('SELECT tenant_id, key_hash, role, revoked_at FROM api_key_for_authentication($1)', [keyId]);
    await client.query('COMMIT');
    return rows;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
};
