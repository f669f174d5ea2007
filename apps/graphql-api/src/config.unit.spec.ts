import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEVELOPMENT_JWT_SECRET, isProduction, loadConfig, tokenKeys } from './config.js';

describe('config', () => {
  it('defaults to port 4000 and the development secret outside production', () => {
    const c = loadConfig({});
    assert.equal(c.FLEETLOG_API_PORT, 4000);
    assert.equal(isProduction(c), false);
    assert.deepEqual(tokenKeys(c), { secret: DEVELOPMENT_JWT_SECRET });
  });

  it('refuses production without a token key, both keys at once, and a short secret, listing each problem', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /production needs FLEETLOG_API_JWT_SECRET or FLEETLOG_API_JWKS_URL/);
    assert.throws(() => loadConfig({ FLEETLOG_API_JWT_SECRET: 'x'.repeat(32), FLEETLOG_API_JWKS_URL: 'https://idp.example/jwks' }), /not both/);
    assert.throws(() => loadConfig({ FLEETLOG_API_JWT_SECRET: 'short' }), /FLEETLOG_API_JWT_SECRET/);
    const prod = loadConfig({ FLEETLOG_API_ENV: 'production', FLEETLOG_API_JWKS_URL: 'https://idp.example/jwks' });
    assert.equal(isProduction(prod), true);
    assert.deepEqual(tokenKeys(prod), { jwksUrl: 'https://idp.example/jwks' });
  });
});
