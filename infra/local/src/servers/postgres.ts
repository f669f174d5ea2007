import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import { StackError } from '../errors.js';
import { commandExists } from '../proc.js';
import type { Server, StackContext } from '../server.js';
import { aptInstall } from './system.js';

export const APP_DATABASE = 'fleetlog';
export const REGISTRY_DATABASE = 'fleetlog_registry';

/**
 * The stack reuses the machine's PostgreSQL. The password only matters where 127.0.0.1 is not
 * trusted; after a fresh install we set it to match.
 */
export const postgresAdminUrl = (ctx: StackContext) => ctx.postgresAdminUrl;

export const postgresUrl = (ctx: StackContext, database = APP_DATABASE) => {
  const url = new URL(postgresAdminUrl(ctx));
  url.pathname = `/${database}`;
  return url.toString();
};

const clusters = (): string[] => {
  try {
    return readdirSync('/etc/postgresql');
  } catch {
    return [];
  }
};

const startCluster = (ctx: StackContext) => {
  for (const version of clusters()) {
    ctx.say('postgres', `starting cluster ${version}/main`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
};

/** Creates a database when it is missing (CREATE DATABASE has no IF NOT EXISTS). */
export const ensureDatabase = async (ctx: StackContext, name: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: postgresAdminUrl(ctx) });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    return true;
  } finally {
    await client.end();
  }
};

export const dropDatabase = async (ctx: StackContext, name: string): Promise<void> => {
  const client = new pg.Client({ connectionString: postgresAdminUrl(ctx) });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};

export const postgres: Server = {
  name: 'postgres',
  managed: false,
  startTimeoutSeconds: 60,
  port: (ctx) => ctx.ports.postgres,
  endpoints: (ctx) => ({ Postgres: postgresUrl(ctx).replace(/:[^:@/]*@/, ':***@') }),
  install: async (ctx) => {
    if (clusters().length > 0 || commandExists('pg_ctlcluster')) return;
    aptInstall(ctx, 'postgres', ['postgresql']);
    // Debian's default asks 127.0.0.1 clients for a password: give the admin role the one we use.
    const password = new URL(postgresAdminUrl(ctx)).password || 'postgres';
    startCluster(ctx);
    const r = spawnSync('runuser', ['-u', 'postgres', '--', 'psql', '-c', `ALTER USER postgres PASSWORD '${password.replace(/'/g, "''")}'`], { stdio: 'inherit' });
    if (r.status !== 0) throw new StackError('STACK_INSTALL_FAILED', 'could not set the postgres password after installing PostgreSQL', 'postgres');
  },
  start: async (ctx) => startCluster(ctx),
  check: async (ctx) => {
    const client = new pg.Client({ connectionString: postgresAdminUrl(ctx), connectionTimeoutMillis: 2000 });
    await client.connect();
    try {
      const { rows } = await client.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version']);
      return `server ${rows[0]?.v}`;
    } finally {
      await client.end();
    }
  },
  pid: () => undefined,
  logFile: () => `/var/log/postgresql/postgresql-${clusters()[0] ?? '15'}-main.log`,
};
