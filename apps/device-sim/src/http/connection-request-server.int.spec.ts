import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { createConnectionRequestServer } from './connection-request-server.js';
import type { ConnectionRequestServer } from './connection-request-server.js';
import { digestAuthorization, parseAuthHeader } from './digest.js';

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  new Promise<{ status: number; challenge: string | undefined }>((resolve, reject) => {
    const request = http.request(url, { method, headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, challenge: response.headers['www-authenticate'] }));
    });
    request.on('error', reject);
    request.end();
  });

describe('connection-request listener', () => {
  let server: ConnectionRequestServer;
  let url: string;
  let credentials = { username: 'acs', password: 'secret' };
  let now = 1_000;
  let counter = 0;
  const accepted: number[] = [];
  const rejected: string[] = [];

  before(async () => {
    server = createConnectionRequestServer({
      host: '127.0.0.1',
      port: 0,
      path: '/cr/TEST',
      realm: 'Fleetlog CPE',
      credentials: () => credentials,
      onConnectionRequest: () => accepted.push(now),
      onRejected: (reason) => rejected.push(reason),
      randomHex: (bytes) => (++counter).toString(16).padStart(bytes * 2, '0'),
      now: () => now,
    });
    url = await server.start();
  });
  after(() => server.stop());

  const authorize = (challenge: string | undefined, nc: number, password = credentials.password) => {
    const [parsed] = parseAuthHeader(challenge);
    assert.ok(parsed);
    return digestAuthorization(parsed, { username: credentials.username, password }, { method: 'GET', uri: '/cr/TEST', nc, cnonce: 'c0ffee' }) ?? '';
  };

  it('challenges with Digest MD5, qop auth and a fresh nonce each time', async () => {
    const first = await get(url);
    const second = await get(url);
    assert.equal(first.status, 401);
    assert.match(first.challenge ?? '', /^Digest realm="Fleetlog CPE", qop="auth", nonce="[0-9a-f]+", opaque="[0-9a-f]+", algorithm=MD5$/);
    assert.notEqual(parseAuthHeader(first.challenge)[0]?.params.nonce, parseAuthHeader(second.challenge)[0]?.params.nonce);
  });

  it('accepts the right password once per nonce count and refuses a replay', async () => {
    const { challenge } = await get(url);
    const authorization = authorize(challenge, 1);
    const before = accepted.length;
    assert.equal((await get(url, { authorization })).status, 200);
    assert.equal(accepted.length, before + 1);
    assert.equal((await get(url, { authorization })).status, 401);
    assert.equal((await get(url, { authorization: authorize(challenge, 2) })).status, 200);
    assert.ok(rejected.includes('replayed nonce count'));
  });

  it('refuses a wrong password and says stale for an expired nonce', async () => {
    const { challenge } = await get(url);
    assert.equal((await get(url, { authorization: authorize(challenge, 1, 'guess') })).status, 401);
    assert.ok(rejected.includes('wrong password'));
    now += 120_000;
    const stale = await get(url, { authorization: authorize(challenge, 1) });
    assert.equal(stale.status, 401);
    assert.match(stale.challenge ?? '', /stale=true/);
  });

  it('answers 404 off its path and 405 for other methods', async () => {
    assert.equal((await get(url.replace('/cr/TEST', '/other'))).status, 404);
    assert.equal((await get(url, {}, 'POST')).status, 405);
  });

  it('lets anyone in while no credentials are configured', async () => {
    credentials = { username: '', password: '' };
    assert.equal((await get(url)).status, 200);
    credentials = { username: 'acs', password: 'secret' };
  });
});
