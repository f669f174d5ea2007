// The ceiling of bench/graphql, run as its own process: a plain fastify route running the devices
// page's own SQL (the same function, the same tenant transaction, the same pool size), answering JSON.
import Fastify from 'fastify';
import { createPostgresPool } from '@fleetlog/platform';
import { createTenantReader } from '../db/tenant-db.js';
import { devicePage } from '../queries/device-filter.js';
import { deviceOf } from '../queries/rows.js';

const pool = createPostgresPool({ connectionString: process.env.FLEETLOG_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/fleetlog', max: 16, onConnectionLost: () => undefined });
const read = createTenantReader(pool);
const app = Fastify();

app.get<{ Querystring: { tenant: string; productClass?: string; online?: string; after?: string; first?: string } }>('/devices', async (req) => {
  const { tenant, productClass, online, after, first = '50' } = req.query;
  const size = Number(first);
  const rows = await devicePage(read, tenant, { productClass: productClass ?? null, online: online === undefined ? null : online === 'true' }, size, after);
  const items = rows.slice(0, size).map(deviceOf);
  return { items, next: rows.length > size ? (items.at(-1)?.id ?? null) : null };
});

const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ port: Number(new URL(address).port), msg: 'plain devices route listening' }));
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => pool.end()));
