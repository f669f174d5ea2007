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
  const hs = 'secret' in opts.keys ? new TextEncoder().encode(opts.keys.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = 'jwksUrl' in opts.keys ? createRemoteJWKSet(new URL(opts.keys.jwksUrl)) : undefined;
  const options = {
    ...(opts.issuer ? { issuer: opts.issuer } : {}),
    ...(opts.audience ? { audience: opts.audience } : {}),
    // A shared secret only ever signs HS256; a JWKS never offers a symmetric key.
    algorithms: hs ? ['HS256'] : ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'],
    requiredClaims: ['exp'],
  };
  return {
    verify: async (token) => {
      let claims: JWTPayload;
      try {
        claims = hs ? (await jwtVerify(token, hs, options)).payload : (await jwtVerify(token, jwks!, options)).payload;
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired) throw unauthenticated('the token has expired');
        if (e instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(`the token was refused: ${e.message}`);
        throw unauthenticated('the token is not valid (malformed, or signed with another key)');
      }
      return callerOf(claims);
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
