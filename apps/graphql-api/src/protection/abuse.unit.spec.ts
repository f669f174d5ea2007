import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { mintToken } from '../auth/tokens.js';
import { buildStubApp, STUB_SECRET } from '../testing/stub-app.js';

const post = async (app: FastifyInstance, query: string, auth?: string, variables?: Record<string, unknown>) => {
  const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, payload: JSON.stringify({ query, variables }) });
  return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) as { data: unknown; errors?: { message: string; extensions: { code: string; requestId: string } }[] } };
};

const nested = (depth: number): string => {
  // Command.device.parameters is as deep as the schema goes; repeat the whole chain as fields to reach any depth.
  let q = 'id';
  for (let i = 0; i < depth; i++) q = `device(id: "x") { ${q} }`;
  return `{ ${q} }`;
};

describe('abusive requests are refused with clear, coded errors', () => {
  let app: FastifyInstance;
  let token: string;
  before(async () => {
    app = await buildStubApp();
    token = `Bearer ${await mintToken(STUB_SECRET, { tenant: 'acme', roles: ['viewer'], sub: 'u' }, 600)}`;
  });
  after(async () => app.close());

  it('a depth-50 query is QUERY_TOO_DEEP, alone', async () => {
    const r = await post(app, nested(50), token);
    assert.equal(r.status, 400);
    assert.equal(r.body.errors?.length, 1);
    assert.equal(r.body.errors?.[0]?.extensions.code, 'QUERY_TOO_DEEP');
    assert.match(r.body.errors![0]!.message, /deeper than 12/);
  });

  it('a 1,000-alias query is TOO_MANY_ALIASES', async () => {
    const r = await post(app, `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: fleetStats { total }`).join(' ')} }`, token);
    assert.equal(r.status, 400);
    assert.equal(r.body.errors?.[0]?.extensions.code, 'TOO_MANY_ALIASES');
  });

  it('a query over the cost limit is QUERY_TOO_COSTLY, also when the page size is a variable', async () => {
    const q = `query($n: Int) { devices(first: $n) { edges { node { id parameters(first: 500) { path value valueType writable reportedAt } } } } }`;
    const r = await post(app, q, token, { n: 500 });
    assert.equal(r.status, 400);
    assert.equal(r.body.errors?.[0]?.extensions.code, 'QUERY_TOO_COSTLY');
    // The same document with a small page passes: the check runs on every execution, not once per document.
    const small = await post(app, q, token, { n: 2 });
    assert.equal(small.body.errors, undefined, JSON.stringify(small.body.errors));
  });

  it('bad, expired and wrongly signed tokens are UNAUTHENTICATED with the reason', async () => {
    const cases: [string, RegExp][] = [
      ['Bearer not-a-jwt', /not valid/],
      [`Bearer ${await mintToken(STUB_SECRET, { tenant: 'acme', roles: ['viewer'], sub: 'u' }, 60, Date.now() - 3_600_000)}`, /expired/],
      [`Bearer ${await mintToken('another-secret-that-is-long-enough-000000', { tenant: 'acme', roles: ['viewer'], sub: 'u' }, 600)}`, /not valid/],
      [`Bearer ${await mintToken(STUB_SECRET, { tenant: 'Not A Tenant!', roles: ['viewer'], sub: 'u' }, 600)}`, /tenant/],
      [`Bearer ${await mintToken(STUB_SECRET, { tenant: 'acme', roles: ['superuser' as 'viewer'], sub: 'u' }, 600)}`, /role/],
      ['Basic dXNlcjpwYXNz', /Authorization header/],
      ['ApiKey nope', /malformed/],
    ];
    for (const [auth, why] of cases) {
      const r = await post(app, '{ fleetStats { total } }', auth);
      assert.equal(r.status, 401, auth);
      assert.equal(r.body.errors?.[0]?.extensions.code, 'UNAUTHENTICATED', auth);
      assert.match(r.body.errors![0]!.message, why);
    }
  });

  it('a role below the one a field needs is FORBIDDEN', async () => {
    const r = await post(app, 'mutation { tagDevices(ids: ["00D09E-IGD-S1"], tag: "x") { changed } }', token);
    assert.equal(r.body.errors?.[0]?.extensions.code, 'FORBIDDEN');
    const keys = await post(app, '{ apiKeys { id } }', `Bearer ${await mintToken(STUB_SECRET, { tenant: 'acme', roles: ['operator'], sub: 'u' }, 600)}`);
    assert.equal(keys.body.errors?.[0]?.extensions.code, 'FORBIDDEN');
  });

  it('every response carries the request id, given or generated, also in error extensions', async () => {
    const res = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'x-request-id': 'console-42' }, payload: '{"query":"{ fleetStats { total } }"}' });
    assert.equal(res.headers['x-request-id'], 'console-42');
    assert.equal(JSON.parse(res.body).errors[0].extensions.requestId, 'console-42');
    const hostile = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\u0007' }, payload: '{"query":"{ fleetStats { total } }"}' });
    assert.match(String(hostile.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });
});

describe('production mode', () => {
  it('refuses introspection and serves no GraphiQL', async () => {
    const app = await buildStubApp({ production: true });
    const token = `Bearer ${await mintToken(STUB_SECRET, { tenant: 'acme', roles: ['viewer'], sub: 'u' }, 600)}`;
    const r = await post(app, '{ __schema { types { name } } }', token);
    assert.equal(r.body.errors?.[0]?.extensions.code, 'INTROSPECTION_DISABLED');
    assert.equal((await app.inject({ method: 'GET', url: '/graphiql' })).statusCode, 404);
    await app.close();
    const dev = await buildStubApp();
    assert.equal((await dev.inject({ method: 'GET', url: '/graphiql' })).statusCode, 200);
    await dev.close();
  });
});

describe('rate limits', () => {
  it('are per tenant: one tenant over its limit is RATE_LIMITED, another still served', async () => {
    const app = await buildStubApp({ rateLimitPerMinute: 3 });
    const busy = `Bearer ${await mintToken(STUB_SECRET, { tenant: 'busy', roles: ['viewer'], sub: 'u' }, 600)}`;
    const quiet = `Bearer ${await mintToken(STUB_SECRET, { tenant: 'quiet', roles: ['viewer'], sub: 'u' }, 600)}`;
    for (let i = 0; i < 3; i++) assert.equal((await post(app, '{ fleetStats { total } }', busy)).status, 200);
    const over = await post(app, '{ fleetStats { total } }', busy);
    assert.equal(over.status, 429);
    assert.equal(over.body.errors?.[0]?.extensions.code, 'RATE_LIMITED');
    assert.equal((await post(app, '{ fleetStats { total } }', quiet)).status, 200);
    await app.close();
  });
});
