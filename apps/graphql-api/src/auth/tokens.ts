import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { parseTenantId } from '@fleetlog/domain';
import { unauthenticated } from '../errors.js';
import { strongestRole, type Caller, type Role } from './principal.js';

export type TokenKeys = { secret: string } | { jwksUrl: string };

export interface TokenVerifier {
  /** The caller a bearer token names; throws UNAUTHENTICATED with the reason otherwise. */
  verify: (token: string) => Promise<Caller>;
}

export interface TokenOptions {
  keys: TokenKeys;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** Verified tokens remembered; default 10,000. */
  cacheSize?: number;
  now?: () => number;
}

const callerOf = (claims: JWTPayload): Caller => {
  const tenant = parseTenantId(claims['tenant']);
  if (!tenant.ok) throw unauthenticated('the token names no valid tenant (claim "tenant")');
  const listed = claims['roles'];
  const role = strongestRole(Array.isArray(listed) ? listed : []);
  if (!role) throw unauthenticated('the token grants no role (claim "roles": viewer, operator or admin)');
  if (typeof claims.sub !== 'string' || !/^\S{1,128}$/.test(claims.sub)) throw unauthenticated('the token names no subject (claim "sub")');
  return { tenantId: tenant.value, role, principal: `user:${claims.sub}` };
};

export const createTokenVerifier = (opts: TokenOptions): TokenVerifier => {
  const now = opts.now ?? Date.now;
  const hs = 'secret' in opts.keys ? new TextEncoder().encode(opts.keys.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = 'jwksUrl' in opts.keys ? createRemoteJWKSet(new URL(opts.keys.jwksUrl)) : undefined;
  const options = {
    ...(opts.issuer ? { issuer: opts.issuer } : {}),
    ...(opts.audience ? { audience: opts.audience } : {}),
    // A shared secret only ever signs HS256; a JWKS never offers a symmetric key.
    algorithms: hs ? ['HS256'] : ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'],
    requiredClaims: ['exp'],
  };
  // A console sends the same token with every request: its verified caller is remembered until the
  // token expires (or a minute passes), so the signature is not checked again each time.
  const verified = new Map<string, { caller: Caller; until: number }>();
  const remember = (token: string, caller: Caller, exp: number | undefined) => {
    if (verified.size >= (opts.cacheSize ?? 10_000)) verified.delete(verified.keys().next().value!);
    verified.set(token, { caller, until: Math.min((exp ?? 0) * 1000, now() + 60_000) });
  };
  return {
    verify: async (token) => {
      const known = verified.get(token);
      if (known && known.until > now()) return known.caller;
      if (known) verified.delete(token);
      let claims: JWTPayload;
      try {
        const at = { ...options, currentDate: new Date(now()) };
        claims = hs ? (await jwtVerify(token, hs, at)).payload : (await jwtVerify(token, jwks!, at)).payload;
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired) throw unauthenticated('the token has expired');
        if (e instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(`the token was refused: ${e.message}`);
        throw unauthenticated('the token is not valid (malformed, or signed with another key)');
      }
      const caller = callerOf(claims);
      remember(token, caller, claims.exp);
      return caller;
    },
  };
};

/** Signs a token with the shared secret, as `npm run token` and tests do. */
export const mintToken = async (secret: string, claims: { tenant: string; roles: Role[]; sub: string }, ttlSeconds: number, now = Date.now()): Promise<string> =>
  new SignJWT({ tenant: claims.tenant, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
