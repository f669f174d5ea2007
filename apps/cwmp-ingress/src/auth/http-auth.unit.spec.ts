import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createNonces, ha1Of, md5, parseAuthParams, verifyAuthorization, type CwmpCredential } from './http-auth.js';

const realm = 'fleetlog';
const cred: CwmpCredential = { tenantId: 'acme', username: 'cpe', realm, ha1: ha1Of('cpe', realm, 's3cret') };
const lookup = (u: string) => (u === 'cpe' ? cred : undefined);
const nonces = createNonces(Buffer.from('k'.repeat(32)), 300_000);
const now = 1_790_000_000_000;

const digestHeader = (nonce: string, password = 's3cret', uri = '/', method = 'POST') => {
  const ha1 = ha1Of('cpe', realm, password);
  const ha2 = md5(`${method}:${uri}`);
  const response = md5(`${ha1}:${nonce}:00000001:abcdef:auth:${ha2}`);
  return `Digest username="cpe", realm="${realm}", nonce="${nonce}", uri="${uri}", qop=auth, nc=00000001, cnonce="abcdef", response="${response}", algorithm=MD5`;
};

describe('CPE authentication', () => {
  it('computes Digest the way RFC 2617 does (its worked example)', () => {
    const ha1 = md5('Mufasa:testrealm@host.com:Circle Of Life');
    const ha2 = md5('GET:/dir/index.html');
    assert.equal(md5(`${ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c093:00000001:0a4f113b:auth:${ha2}`), '6629fae49393a05397450978507c4ef1');
  });

  it('accepts a right Digest response and a right Basic password, naming the tenant', () => {
    const nonce = nonces.issue(now);
    const d = verifyAuthorization({ header: digestHeader(nonce), method: 'POST', lookup, nonces, now });
    assert.ok(d.ok && d.credential.tenantId === 'acme');
    const b = verifyAuthorization({ header: `Basic ${Buffer.from('cpe:s3cret').toString('base64')}`, method: 'POST', lookup, nonces, now });
    assert.ok(b.ok && b.credential.tenantId === 'acme');
  });

  it('refuses wrong passwords, unknown users, stale or forged nonces, and junk', () => {
    const nonce = nonces.issue(now);
    const reason = (header: string | undefined, at = now) => {
      const r = verifyAuthorization({ header, method: 'POST', lookup, nonces, now: at });
      return r.ok ? 'ok' : r.reason;
    };
    assert.equal(reason(digestHeader(nonce, 'wrong')), 'bad-digest');
    assert.equal(reason(digestHeader(nonce), now + 301_000), 'stale-nonce');
    assert.equal(reason(digestHeader(`${nonce.slice(0, -2)}xx`)), 'stale-nonce');
    assert.equal(reason(`Basic ${Buffer.from('cpe:nope').toString('base64')}`), 'bad-password');
    assert.equal(reason(`Basic ${Buffer.from('eve:x').toString('base64')}`), 'unknown-user');
    assert.equal(reason(undefined), 'missing');
    assert.equal(reason('Bearer abc'), 'malformed');
    assert.equal(reason('Digest username="cpe"'), 'malformed');
  });

  it('parses parameter lists leniently', () => {
    assert.deepEqual(parseAuthParams('username="a, b", qop=auth,nc=00000001 ,  URI="/x"'), { username: 'a, b', qop: 'auth', nc: '00000001', uri: '/x' });
  });
});
