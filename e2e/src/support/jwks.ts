import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/**
 * An identity provider as far as the API can tell: a JWKS document over HTTP, and tokens signed
 * with its private key (RS256), carrying an issuer and an audience.
 */
export const startJwks = async (opts: { issuer: string; audience: string }) => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = 'e2e-key-1';
  const document = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] });
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(document));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    issuer: opts.issuer,
    audience: opts.audience,
    sign: (claims: { tenant: string; roles: string[]; sub: string }) =>
      new SignJWT({ tenant: claims.tenant, roles: claims.roles })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(claims.sub)
        .setIssuer(opts.issuer)
        .setAudience(opts.audience)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
