import type pg from 'pg';

/**
 * Empty copies of live read-model tables in another schema: same columns, defaults, constraints
 * and indexes (a rebuild projects into them, a test projects into them in isolation).
 */
export const createShadowTables = async (db: pg.Pool | pg.ClientBase, schema: string, tables: readonly string[], live = 'public'): Promise<void> => {
  const s = escape(schema);
  await db.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  for (const t of tables) await db.query(`CREATE TABLE IF NOT EXISTS ${s}.${escape(t)} (LIKE ${escape(live)}.${escape(t)} INCLUDING ALL)`);
};

export const dropSchema = async (db: pg.Pool | pg.ClientBase, schema: string): Promise<void> => {
  if (schema === 'public') throw new Error('refusing to drop the public schema');
  await db.query(`DROP SCHEMA IF EXISTS ${escape(schema)} CASCADE`);
};

/**
 * Inside the caller's transaction: gives the shadow tables the live tables' row-level security
 * and grants, moves the live tables to `retired` and the shadow tables into their place.
 */
export const swapInShadowTables = async (client: pg.ClientBase, opts: { live: string; shadow: string; retired: string; tables: readonly string[] }): Promise<void> => {
  const { live, shadow, retired, tables } = opts;
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${escape(retired)}`);
  for (const t of tables) {
    const target = `${escape(shadow)}.${escape(t)}`;
    const { rows: flags } = await client.query<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      'SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = $1::regclass',
      [`${escape(live)}.${escape(t)}`],
    );
    if (flags[0]?.relrowsecurity) await client.query(`ALTER TABLE ${target} ENABLE ROW LEVEL SECURITY`);
    if (flags[0]?.relforcerowsecurity) await client.query(`ALTER TABLE ${target} FORCE ROW LEVEL SECURITY`);
    const { rows: policies } = await client.query<{ definition: string }>(
      `SELECT format('CREATE POLICY %I ON %s AS %s FOR %s TO %s%s%s', p.polname, $2::text,
                CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
                CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
                CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT string_agg(quote_ident(rolname), ', ') FROM pg_roles WHERE oid = ANY (p.polroles)) END,
                coalesce(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', ''),
                coalesce(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '')) AS definition
         FROM pg_policy p WHERE p.polrelid = $1::regclass`,
      [`${escape(live)}.${escape(t)}`, target],
    );
    for (const p of policies) await client.query(p.definition);
    const { rows: grants } = await client.query<{ grantee: string; privilege_type: string }>(
      'SELECT grantee, privilege_type FROM information_schema.role_table_grants WHERE table_schema = $1 AND table_name = $2 AND grantee <> current_user',
      [live, t],
    );
    for (const g of grants) await client.query(`GRANT ${g.privilege_type} ON ${target} TO ${g.grantee === 'PUBLIC' ? 'PUBLIC' : escape(g.grantee)}`);
    await client.query(`ALTER TABLE ${escape(live)}.${escape(t)} SET SCHEMA ${escape(retired)}`);
    await client.query(`ALTER TABLE ${target} SET SCHEMA ${escape(live)}`);
  }
};

/** A checksum of a table's rows (optionally one tenant's), independent of physical order. */
export const tableChecksum = async (db: pg.Pool | pg.ClientBase, schema: string, table: string, tenantId?: string): Promise<{ rows: number; md5: string }> => {
  const { rows } = await db.query<{ n: string; md5: string | null }>(
    `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${escape(schema)}.${escape(table)} t ${tenantId ? 'WHERE tenant_id = $1' : ''}`,
    tenantId ? [tenantId] : [],
  );
  return { rows: Number(rows[0]!.n), md5: rows[0]!.md5 ?? '' };
};

const escape = (name: string) => `"${name.replace(/"/g, '""')}"`;
