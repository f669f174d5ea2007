import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A CPE credential: the user name decides the tenant. Only the Digest HA1 is kept. */
export interface CwmpCredential {
  tenantId: string;
  username: string;
  realm: string;
  /** MD5(username:realm:password), hex. */
  ha1: string;
}

export const md5 = (s: string) => createHash('md5').update(s).digest('hex');
export const ha1Of = (username: string, realm: string, password: string) => md5(`${username}:${realm}:${password}`);

const sameHex = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Parses `key=value, key="quoted, value"` lists leniently (CPEs vary in quoting and spacing). */
export const parseAuthParams = (s: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const re = /([a-zA-Z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '');
  return out;
};

/**
 * Nonces are an HMAC-signed timestamp: any ingress instance can check them without shared state,
 * and a fresh one is issued with every challenge.
 */
export const createNonces = (secret: Buffer, maxAgeMs: number) => {
  const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url').slice(0, 22);
  return {
    issue: (now: number) => {
      const payload = `${now.toString(36)}.${randomBytes(6).toString('base64url')}`;
      return `${payload}.${sign(payload)}`;
    },
    valid: (nonce: string, now: number) => {
      const i = nonce.lastIndexOf('.');
      if (i < 0) return false;
      const payload = nonce.slice(0, i);
      if (!sameHex(sign(payload), nonce.slice(i + 1))) return false;
      const issued = parseInt(payload.split('.')[0] ?? '', 36);
      return Number.isFinite(issued) && now - issued >= 0 && now - issued <= maxAgeMs;
    },
  };
};
export type Nonces = ReturnType<typeof createNonces>;

export type AuthResult =
  | { ok: true; credential: CwmpCredential }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown-user' | 'bad-password' | 'stale-nonce' | 'bad-digest' | 'realm-mismatch'; username?: string };

/** Checks an Authorization header (Basic or Digest) against the credentials. */
export const verifyAuthorization = (opts: {
  header: string | undefined;
  method: string;
  lookup: (username: string) => CwmpCredential | undefined;
  nonces: Nonces;
  now: number;
}): AuthResult => {
  const { header } = opts;
  if (!header) return { ok: false, reason: 'missing' };
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space < 0 ? undefined : space).toLowerCase();
  const rest = space < 0 ? '' : header.slice(space + 1).trim();
  if (scheme === 'basic') {
    const decoded = Buffer.from(rest, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { ok: false, reason: 'malformed' };
    const username = decoded.slice(0, colon);
    const cred = opts.lookup(username);
    if (!cred) return { ok: false, reason: 'unknown-user', username };
    return sameHex(ha1Of(username, cred.realm, decoded.slice(colon + 1)), cred.ha1) ? { ok: true, credential: cred } : { ok: false, reason: 'bad-password', username };
  }
  if (scheme === 'digest') {
    const p = parseAuthParams(rest);
    const username = p.username;
    if (!username || !p.nonce || !p.response || p.uri === undefined) return { ok: false, reason: 'malformed' };
    const cred = opts.lookup(username);
    if (!cred) return { ok: false, reason: 'unknown-user', username };
    if (p.realm !== undefined && p.realm !== cred.realm) return { ok: false, reason: 'realm-mismatch', username };
    if (!opts.nonces.valid(p.nonce, opts.now)) return { ok: false, reason: 'stale-nonce', username };
    const ha2 = md5(`${opts.method}:${p.uri}`);
    const expected = p.qop ? md5(`${cred.ha1}:${p.nonce}:${p.nc ?? ''}:${p.cnonce ?? ''}:${p.qop}:${ha2}`) : md5(`${cred.ha1}:${p.nonce}:${ha2}`);
    return sameHex(expected, p.response.toLowerCase()) ? { ok: true, credential: cred } : { ok: false, reason: 'bad-digest', username };
  }
  return { ok: false, reason: 'malformed' };
};

/** The WWW-Authenticate challenge: Digest (MD5, qop=auth) with a fresh nonce; Basic for CPEs that only know Basic. */
export const challenges = (realm: string, nonce: string, stale = false): string[] => [
  `Digest realm="${realm}", qop="auth", algorithm=MD5, nonce="${nonce}"${stale ? ', stale=true' : ''}`,
  `Basic realm="${realm}"`,
];
