import { createHash, randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { unauthenticated } from '../errors.js';
import type { ApiKeyRow } from '../db/tenant-db.js';
import { strongestRole, type Caller } from './principal.js';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/** `scrypt$<salt>$<hash>`, base64url, as TenantApiKeyIssued.keyHash specifies. */
export const hashSecret = async (secret: string): Promise<string> => {
  const salt = randomBytes(16);
  const hash = await scrypt(secret, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
};

export const secretMatches = async (secret: string, stored: string): Promise<boolean> => {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(secret, Buffer.from(salt, 'base64url'), expected.length || KEY_LENGTH);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};

/** A new key: its id, the secret shown once, and the full `<id>.<secret>` the client sends. */
export const newApiKey = (): { keyId: string; secret: string; token: string } => {
  const keyId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { keyId, secret, token: `${keyId}.${secret}` };
};

const keyPattern = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,128})$/;

export interface ApiKeyVerifier {
  verify: (presented: string) => Promise<Caller>;
}

/**
 * Verifies `<id>.<secret>` against the stored scrypt hash. The key row is read on every request,
 * so a revocation takes effect at once; only the (slow, on purpose) scrypt result is remembered,
 * under a digest of the hash and the secret.
 */
export const createApiKeyVerifier = (lookup: (keyId: string) => Promise<ApiKeyRow[]>, cacheSize = 1000): ApiKeyVerifier => {
  const verified = new Map<string, true>();
  const remember = (k: string) => {
    if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
    verified.set(k, true);
  };
  return {
    verify: async (presented) => {
      const m = keyPattern.exec(presented.trim());
      if (!m) throw unauthenticated('the API key is malformed: expected <key id>.<secret>');
      const [, keyId, secret] = m as unknown as [string, string, string];
      for (const row of await lookup(keyId)) {
        const memo = createHash('sha256').update(row.key_hash).update('\0').update(secret).digest('base64url');
        if (!verified.has(memo)) {
          if (!(await secretMatches(secret, row.key_hash))) continue;
          remember(memo);
        }
        if (row.revoked_at) throw unauthenticated('the API key was revoked');
        const role = strongestRole([row.role]);
        if (!role) throw unauthenticated('the API key has no usable role');
        return { tenantId: row.tenant_id, role, principal: `apikey:${keyId}` };
      }
      throw unauthenticated('the API key is not valid');
    },
  };
};
