import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { basicAuthorization, digestAuthorization, digestResponse, parseAuthHeader, sameDigest } from './digest.js';
import { createCookieJar, parseSetCookie } from './cookie-jar.js';
import { parseRetryAfter } from './retry-after.js';

describe('digest authentication', () => {
  it('computes the request-digest of the RFC 2617 worked example', () => {
    // RFC 2617 section 3.5.
    const response = digestResponse({
      username: 'Mufasa',
      password: 'Circle Of Life',
      realm: 'testrealm@host.com',
      method: 'GET',
      uri: '/dir/index.html',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
    });
    assert.equal(response, '6629fae49393a05397450978507c4ef1');
  });

  it('reads the RFC 2617 challenge and answers it with the example Authorization', () => {
    const [challenge] = parseAuthHeader(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    assert.ok(challenge);
    assert.equal(challenge.scheme, 'digest');
    assert.equal(challenge.params.qop, 'auth,auth-int');
    const header = digestAuthorization(challenge, { username: 'Mufasa', password: 'Circle Of Life' }, { method: 'GET', uri: '/dir/index.html', nc: 1, cnonce: '0a4f113b' });
    assert.ok(header?.startsWith('Digest '));
    const [parsed] = parseAuthHeader(header);
    assert.deepEqual(parsed?.params, {
      username: 'Mufasa',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      uri: '/dir/index.html',
      response: '6629fae49393a05397450978507c4ef1',
      opaque: '5ccc069c403ebaf9f0171e9517f40e41',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
    });
  });

  it('answers RFC 2069 challenges without qop, and declines algorithms it cannot do', () => {
    const [plain] = parseAuthHeader('Digest realm="r", nonce="n"');
    const header = digestAuthorization(plain!, { username: 'u', password: 'p' }, { method: 'POST', uri: '/', nc: 1, cnonce: 'c' });
    assert.ok(header !== undefined && !header.includes('qop='));
    const [sha] = parseAuthHeader('Digest realm="r", nonce="n", algorithm=SHA-256, qop="auth"');
    assert.equal(digestAuthorization(sha!, { username: 'u', password: 'p' }, { method: 'POST', uri: '/', nc: 1, cnonce: 'c' }), undefined);
  });

  it('splits several challenges in one header and reads Basic credentials', () => {
    const challenges = parseAuthHeader('Basic realm="acs", Digest realm="acs", nonce="abc", qop=auth, stale=TRUE');
    assert.deepEqual(
      challenges.map((c) => c.scheme),
      ['basic', 'digest'],
    );
    assert.equal(challenges[1]?.params.stale, 'TRUE');
    const basic = basicAuthorization({ username: 'Aladdin', password: 'open sesame' });
    assert.equal(basic, 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    assert.deepEqual(parseAuthHeader(basic), [{ scheme: 'basic', params: { token68: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==' } }]);
  });

  it('compares digests case-insensitively and rejects different lengths', () => {
    assert.ok(sameDigest('6629FAE4', '6629fae4'));
    assert.ok(!sameDigest('6629fae4', '6629fae'));
  });
});

describe('cookies', () => {
  const now = Date.parse('2024-06-01T00:00:00Z');

  it('keeps every cookie and sends them back', () => {
    const jar = createCookieJar(() => now);
    jar.store(['session=abc; Path=/; HttpOnly', 'node="acs-2"']);
    jar.store('session=def');
    assert.equal(jar.header(), 'session=def; node=acs-2');
  });

  it('is lenient: skips junk, splits folded headers, keeps the comma inside Expires', () => {
    assert.deepEqual(
      parseSetCookie('a=1; Expires=Wed, 21 Oct 2099 07:28:00 GMT, b=2;path=/ , junk, =nameless, c=', now).map(({ name, value }) => [name, value]),
      [
        ['a', '1'],
        ['b', '2'],
        ['c', ''],
      ],
    );
  });

  it('deletes cookies the ACS expires', () => {
    const jar = createCookieJar(() => now);
    jar.store(['a=1', 'b=2', 'c=3']);
    jar.store(['a=x; Max-Age=0', 'b=y; Expires=Thu, 01 Jan 1970 00:00:00 GMT']);
    assert.deepEqual(jar.entries(), { c: '3' });
  });

  it('sends nothing when empty', () => {
    assert.equal(createCookieJar().header(), undefined);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2024-06-01T00:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Sat, 01 Jun 2024 00:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});
