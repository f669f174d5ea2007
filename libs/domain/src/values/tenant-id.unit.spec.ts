import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTenantId } from './tenant-id.js';

describe('TenantId', () => {
  it('accepts lower-case slugs up to 63 characters', () => {
    for (const id of ['acme', 'a', '0', 'isp-north-2', `a${'b'.repeat(62)}`]) {
      assert.deepEqual(parseTenantId(id), { ok: true, value: id });
    }
  });

  it('rejects empty, upper-case, leading dash, over-long and non-string ids with INVALID_TENANT_ID', () => {
    for (const id of ['', 'Acme', '-acme', 'acme_corp', 'acme corp', 'acme/1', `a${'b'.repeat(63)}`, 42, null]) {
      const result = parseTenantId(id);
      assert.equal(result.ok, false, `${String(id)} should be rejected`);
      if (!result.ok) assert.equal(result.error.code, 'INVALID_TENANT_ID');
    }
  });

  it('never accepts a string containing "/" (it separates tenant and device in Kafka keys)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => !parseTenantId(`${a}/${b}`).ok));
  });
});
