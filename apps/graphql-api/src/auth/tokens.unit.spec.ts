import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTokenVerifier, mintToken } from './tokens.js';

const secret = 'tokens-unit-test-secret-0123456789abcdef';

describe('bearer tokens', () => {
  it('a verified token is remembered, but never past its expiry', async () => {
    let clock = Date.now();
    const verifier = createTokenVerifier({ keys: { secret }, now: () => clock });
    const token = await mintToken(secret, { tenant: 'acme', roles: ['operator'], sub: 'ana' }, 120, clock);
    assert.deepEqual(await verifier.verify(token), { tenantId: 'acme', role: 'operator', principal: 'user:ana' });
    assert.deepEqual(await verifier.verify(token), { tenantId: 'acme', role: 'operator', principal: 'user:ana' });
    clock += 121_000;
    await assert.rejects(verifier.verify(token), (e: Error & { code?: string }) => e.code === 'UNAUTHENTICATED' && /expired/.test(e.message));
  });

  it('a token signed with another secret, or altered, is refused even after a good one was remembered', async () => {
    const verifier = createTokenVerifier({ keys: { secret } });
    const good = await mintToken(secret, { tenant: 'acme', roles: ['viewer'], sub: 'ana' }, 600);
    await verifier.verify(good);
    const forged = await mintToken('another-secret-of-enough-length-0123456789', { tenant: 'acme', roles: ['admin'], sub: 'ana' }, 600);
    await assert.rejects(verifier.verify(forged), /not valid/);
    const [header, , signature] = good.split('.');
    const payload = Buffer.from(JSON.stringify({ tenant: 'other', roles: ['admin'], sub: 'ana', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    await assert.rejects(verifier.verify(`${header}.${payload}.${signature}`), /not valid/);
  });
});
