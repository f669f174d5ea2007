import { Agent } from 'node:http';
import pg from 'pg';
import { SignJWT } from 'jose';
import { closedLoop, cpuMs, httpCall, percentile, spawnEntry } from '../load.js';
import { report, type Row } from '../report.js';

const SECRET = 'bench-graphql-secret-0123456789abcdef';
const PAGES = 20;
const FILTER = { productClass: 'PC3', online: true };

const pageQuery = (selection: string) => `query Page($after: String) {
  devices(filter: { productClass: "${FILTER.productClass}", online: ${FILTER.online} }, first: 50, after: $after) {
    ${selection}
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Two shapes of the same page: what a console's device list shows, and every field with a cursor per edge. */
const QUERIES = {
  'console page': pageQuery('edges { node { id protocol serialNumber productClass softwareVersion online lastContactAt tags } }'),
  'all fields, edge cursors': pageQuery(
    'edges { cursor node { id protocol manufacturer oui productClass serialNumber endpointId softwareVersion hardwareVersion firstSeenAt lastContactAt online onlineChangedAt expectedIntervalSeconds tags eventCount } }',
  ),
} as const;
type Target = keyof typeof QUERIES | 'plain';

/** `count` devices of one tenant straight into the read model: ten product classes, 70% online, five versions, some tags. */
const seed = async (pool: pg.Pool, tenant: string, count: number) => {
  await pool.query(
    `INSERT INTO devices (tenant_id, device_id, protocol, manufacturer, oui, product_class, serial_number, software_version, hardware_version, online, online_changed_at, tags, first_seen_at, last_contact_at, expected_interval_seconds, updated_at, last_event_id)
     SELECT $1, '00D09E-PC' || (i % 10) || '-B' || lpad(i::text, 7, '0'), 'CWMP', 'Example', '00D09E', 'PC' || (i % 10), 'B' || lpad(i::text, 7, '0'),
            '1.' || (i % 5), 'HW1', i % 10 < 7, now() - interval '1 hour', CASE WHEN i % 4 = 0 THEN ARRAY['north'] ELSE ARRAY['south', 'fibre'] END,
            now() - interval '30 days', now() - (i % 600) * interval '1 second', 600, now(), 'bench'
     FROM generate_series(1, $2) AS i`,
    [tenant, count],
  );
  await pool.query('ANALYZE devices');
};

/**
 * The console's devices page through GraphQL (the API as its own process, token checked, query
 * parsed, validated, cost-limited and resolved), next to a plain fastify route running the same
 * SQL through the same tenant transaction and returning every column, in alternating rounds of
 * the same run.
 */
export const graphqlBench = async (opts: { devices: number; requests: number; rounds: number; concurrency: number; warmup: number }) => {
  const tenant = `bench-gql-${Date.now().toString(36)}`;
  const pool = new pg.Pool({ connectionString: process.env.FLEETLOG_POSTGRES_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/fleetlog', max: 2 });
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency * 2 });
  const servers: Array<{ stop: () => void }> = [];
  try {
    await seed(pool, tenant, opts.devices);
    const api = await spawnEntry(
      'apps/graphql-api/src/main.ts',
      { FLEETLOG_API_HOST: '127.0.0.1', FLEETLOG_API_PORT: '0', FLEETLOG_API_ENV: 'production', FLEETLOG_API_JWT_SECRET: SECRET, FLEETLOG_API_RATE_LIMIT_PER_MINUTE: '100000000' },
      'GraphQL API listening',
    );
    servers.push(api);
    const plain = await spawnEntry('apps/graphql-api/src/testing/plain-devices-route.ts', {}, 'plain devices route listening');
    servers.push(plain);
    const token = await new SignJWT({ tenant, roles: ['viewer'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('bench').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    const gqlHeaders = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const plainPath = (after: string | null) =>
      `/devices?tenant=${tenant}&productClass=${FILTER.productClass}&online=${FILTER.online}&first=50${after ? `&after=${encodeURIComponent(after)}` : ''}`;

    // The first PAGES pages of each, walked once (checking both give the same devices); requests
    // then cycle through them.
    const requests: Record<Target, string[]> = { plain: [], 'console page': [], 'all fields, edge cursors': [] };
    const bytes: Record<Target, number> = { plain: 0, 'console page': 0, 'all fields, edge cursors': 0 };
    const cursors: Record<Target, string | null> = { plain: null, 'console page': null, 'all fields, edge cursors': null };
    for (let i = 0; i < PAGES; i++) {
      requests.plain.push(plainPath(cursors.plain));
      const p = (await httpCall(agent, plain.port, { path: plainPath(cursors.plain) })).body;
      bytes.plain += p.length / PAGES;
      const page = JSON.parse(p) as { items: { id: string }[]; next: string };
      cursors.plain = page.next;
      for (const [name, query] of Object.entries(QUERIES) as [keyof typeof QUERIES, string][]) {
        const body = JSON.stringify({ query, variables: { after: cursors[name] } });
        requests[name].push(body);
        const g = (await httpCall(agent, api.port, { method: 'POST', path: '/graphql', body, headers: gqlHeaders })).body;
        bytes[name] += g.length / PAGES;
        const devices = (JSON.parse(g) as { data: { devices: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } } }).data.devices;
        const ids = devices.edges.map((e) => e.node.id);
        if (ids.length !== 50 || JSON.stringify(ids) !== JSON.stringify(page.items.map((d) => d.id))) throw new Error(`page ${i}: ${name} and the plain route disagree`);
        cursors[name] = devices.pageInfo.endCursor;
      }
    }

    const call: Record<Target, (i: number) => Promise<void>> = {
      plain: (i) =>
        httpCall(agent, plain.port, { path: requests.plain[i % PAGES]! }).then((r) => {
          if (r.status !== 200) throw new Error(`plain route answered ${r.status}: ${r.body.slice(0, 200)}`);
        }),
      ...(Object.fromEntries(
        Object.keys(QUERIES).map((name) => [
          name,
          (i: number) =>
            httpCall(agent, api.port, { method: 'POST', path: '/graphql', body: requests[name as keyof typeof QUERIES][i % PAGES]!, headers: gqlHeaders }).then((r) => {
              if (r.status !== 200 || !r.body.startsWith('{"data":{"devices"')) throw new Error(`GraphQL answered ${r.status}: ${r.body.slice(0, 200)}`);
            }),
        ]),
      ) as Record<keyof typeof QUERIES, (i: number) => Promise<void>>),
    };
    const targets = Object.keys(call) as Target[];
    const pids: Record<Target, number> = { plain: plain.child.pid!, 'console page': api.child.pid!, 'all fields, edge cursors': api.child.pid! };

    // Warm-up until every target runs optimised code (the compiled queries included), then
    // alternating rounds so all see the same machine.
    for (const t of targets) await closedLoop(opts.warmup, opts.concurrency, call[t]);
    const totals = Object.fromEntries(targets.map((t) => [t, { latencies: [] as number[], seconds: 0 }])) as Record<Target, { latencies: number[]; seconds: number }>;
    for (let r = 0; r < opts.rounds; r++) {
      for (const t of targets) {
        const cpu0 = cpuMs(pids[t]);
        const run = await closedLoop(opts.requests, opts.concurrency, call[t]);
        const cpu = (cpuMs(pids[t]) - cpu0) / opts.requests;
        totals[t].latencies.push(...run.latencies);
        totals[t].seconds += run.seconds;
        console.log(
          `round ${r + 1} ${t.padEnd(26)} ${(opts.requests / run.seconds).toFixed(0).padStart(6)} req/s   p50 ${percentile(run.latencies, 50).toFixed(1)} ms   p99 ${percentile(run.latencies, 99).toFixed(1)} ms   server CPU ${cpu.toFixed(2)} ms/request`,
        );
      }
    }

    console.log(`\n${opts.devices} devices in the read model; filter ${JSON.stringify(FILTER)} matches ${Math.round(opts.devices * 0.07)}; 50 per page over the first ${PAGES} pages; ${opts.concurrency} requests in flight`);
    for (const t of targets) {
      const s = [...totals[t].latencies].sort((a, b) => a - b);
      console.log(`${t.padEnd(26)} p50 ${percentile(s, 50).toFixed(1)} ms   p99 ${percentile(s, 99).toFixed(1)} ms   response ${bytes[t].toFixed(0)} bytes`);
    }
    const row = (what: string, t: Target): Row => ({ what, count: totals[t].latencies.length, seconds: totals[t].seconds });
    const ceiling = row('plain fastify route, same SQL', 'plain');
    report('graphql', [
      { measured: row('GraphQL devices page: console page', 'console page'), ceiling },
      { measured: row('GraphQL devices page: all fields, edge cursors', 'all fields, edge cursors'), ceiling },
    ]);
  } finally {
    for (const s of servers) s.stop();
    agent.destroy();
    await pool.query('DELETE FROM devices WHERE tenant_id = $1', [tenant]);
    await pool.end();
  }
};
