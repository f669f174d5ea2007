import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'cassandra-driver';
import pg from 'pg';
import { PlatformError } from '../errors.js';
import { migrateCassandra } from './cassandra.js';
import { migratePostgres } from './postgres.js';

const adminUrl = process.env.FLEETLOG_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/fleetlog';
const contactPoint = process.env.FLEETLOG_CASSANDRA_CONTACT_POINTS ?? '127.0.0.1:9042';

describe('Postgres migrations (node-pg-migrate) on the real server', () => {
  const db = `fleetlog_test_${randomUUID().slice(0, 8)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${db}`;
  before(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${db}`);
    await c.end();
  });
  after(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await c.end();
  });

  it('applies the baseline once, even when two runners start together', async () => {
    const dir = join(process.cwd(), 'infra/migrations/postgres');
    const [a, b] = await Promise.all([migratePostgres({ databaseUrl: url.toString(), dir }), migratePostgres({ databaseUrl: url.toString(), dir })]);
    assert.deepEqual([...a.applied, ...b.applied].filter((m) => m.endsWith('_baseline')).length, 1);
    assert.deepEqual((await migratePostgres({ databaseUrl: url.toString(), dir })).applied, []);
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    const { rows } = await c.query("SELECT to_regclass('projection_offsets') AS t");
    await c.end();
    assert.equal(rows[0].t, 'projection_offsets');
  });
});

describe('guarded CQL migrations on the real Cassandra', () => {
  const keyspace = `test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const client = new Client({ contactPoints: [contactPoint], localDataCenter: 'datacenter1' });
  const replication = "{'class': 'SimpleStrategy', 'replication_factor': 1}";
  const dir = mkdtempSync(join(tmpdir(), 'cql-'));
  writeFileSync(join(dir, '0001_a.cql'), 'CREATE TABLE IF NOT EXISTS a (k text PRIMARY KEY, v int);\n');
  writeFileSync(join(dir, '0002_b.cql'), "-- seed\nCREATE TABLE IF NOT EXISTS b (k text PRIMARY KEY);\nINSERT INTO b (k) VALUES ('x;y');\n");

  before(() => client.connect());
  after(async () => {
    await client.execute(`DROP KEYSPACE IF EXISTS ${keyspace}`);
    await client.shutdown();
  });

  it('applies each file once across concurrent runners and records it', async () => {
    const runs = await Promise.all([1, 2].map(() => migrateCassandra({ client, keyspace, replication, dir })));
    const applied = runs.flatMap((r) => r.applied).sort();
    assert.deepEqual(applied, ['0001_a.cql', '0002_b.cql']);
    const rows = await client.execute(`SELECT id, state FROM ${keyspace}.schema_migrations`);
    assert.deepEqual(rows.rows.map((r) => `${r.get('id')}:${r.get('state')}`).sort(), ['0001_a.cql:applied', '0002_b.cql:applied']);
    assert.equal((await client.execute(`SELECT k FROM ${keyspace}.b`)).first().get('k'), 'x;y');
    assert.deepEqual((await migrateCassandra({ client, keyspace, replication, dir })).applied, []);
  });

  it('refuses to go on when an applied file was edited', async () => {
    writeFileSync(join(dir, '0001_a.cql'), 'CREATE TABLE IF NOT EXISTS a (k text PRIMARY KEY, v bigint);\n');
    await assert.rejects(migrateCassandra({ client, keyspace, replication, dir }), (e) => e instanceof PlatformError && e.code === 'MIGRATION_CHANGED');
  });
});
