import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { digestResponse, parseAuthHeader, sameDigest } from './digest.js';
import type { DigestCredentials } from './digest.js';

export interface ConnectionRequestServerOptions {
  /** Interface to listen on. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Host written into ConnectionRequestURL; defaults to `host`. */
  advertisedHost?: string;
  path: string;
  realm: string;
  /** ConnectionRequestUsername/Password as they are now (the ACS may change them with SetParameterValues). */
  credentials: () => DigestCredentials;
  /** A valid connection request arrived; called after the 200 has been sent. */
  onConnectionRequest: () => void;
  /** A request was refused (wrong credentials, wrong path or method), for logs and tests. */
  onRejected?: (reason: string) => void;
  /** Fresh random hex for nonces and opaque values. */
  randomHex: (bytes: number) => string;
  now: () => number;
}

export interface ConnectionRequestServer {
  /** Starts listening and returns the ConnectionRequestURL. */
  start(): Promise<string>;
  stop(): Promise<void>;
  /** The ConnectionRequestURL; undefined until started. */
  readonly url: string | undefined;
}

interface IssuedNonce {
  issuedAt: number;
  /** Highest nc seen with this nonce: a replayed Authorization is refused. */
  lastNc: number;
}

// A challenge is answered within seconds; keeping few, short-lived nonces bounds memory under a flood.
const NONCE_TTL_MS = 60_000;
const MAX_NONCES = 64;

/**
 * The CPE side of TR-069 3.2.2: an HTTP GET on ConnectionRequestURL, authenticated with HTTP
 * Digest (MD5, qop auth, a fresh nonce per challenge) against ConnectionRequestUsername/Password.
 * A valid request gets 200 at once and a session with '6 CONNECTION REQUEST' right after.
 */
export const createConnectionRequestServer = (options: ConnectionRequestServerOptions): ConnectionRequestServer => {
  const nonces = new Map<string, IssuedNonce>();
  const opaque = options.randomHex(16);
  let url: string | undefined;

  const issueNonce = (): string => {
    const now = options.now();
    for (const [nonce, issued] of nonces) if (now - issued.issuedAt > NONCE_TTL_MS || nonces.size >= MAX_NONCES) nonces.delete(nonce);
    const nonce = options.randomHex(16);
    nonces.set(nonce, { issuedAt: now, lastNc: 0 });
    return nonce;
  };

  const challenge = (response: http.ServerResponse, stale: boolean) => {
    const params = [`realm="${options.realm}"`, `qop="auth"`, `nonce="${issueNonce()}"`, `opaque="${opaque}"`, 'algorithm=MD5', ...(stale ? ['stale=true'] : [])];
    response.writeHead(401, { 'www-authenticate': `Digest ${params.join(', ')}`, 'content-length': 0 });
    response.end();
  };

  /** 'ok', 'stale' (right password, expired nonce) or the reason it is refused. */
  const verify = (header: string | undefined, method: string): 'ok' | 'stale' | string => {
    const { username, password } = options.credentials();
    // TR-069 leaves an unset ConnectionRequestUsername/Password open; a CPE in the field would be configured.
    if (username === '' && password === '') return 'ok';
    const digest = parseAuthHeader(header).find((a) => a.scheme === 'digest');
    if (digest === undefined) return header === undefined ? 'no credentials' : 'not a Digest Authorization';
    const p = digest.params;
    if (p.username !== username) return `unknown user ${JSON.stringify(p.username ?? '')}`;
    if (p.realm !== options.realm) return 'wrong realm';
    if (p.nonce === undefined || p.uri === undefined || p.response === undefined) return 'incomplete Digest Authorization';
    if (p.qop !== undefined && (p.qop !== 'auth' || p.nc === undefined || p.cnonce === undefined || !/^[0-9a-fA-F]{1,8}$/.test(p.nc))) return 'bad qop, nc or cnonce';
    const expected = digestResponse({ username, password, realm: options.realm, method, uri: p.uri, nonce: p.nonce, qop: p.qop, nc: p.nc, cnonce: p.cnonce, algorithm: p.algorithm });
    if (!sameDigest(expected, p.response)) return 'wrong password';
    const issued = nonces.get(p.nonce);
    if (issued === undefined || options.now() - issued.issuedAt > NONCE_TTL_MS) return 'stale';
    const nc = p.nc === undefined ? issued.lastNc + 1 : parseInt(p.nc, 16);
    if (nc <= issued.lastNc) return 'replayed nonce count';
    issued.lastNc = nc;
    return 'ok';
  };

  const server = http.createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== options.path) {
      options.onRejected?.(`unknown path ${request.url ?? ''}`);
      response.writeHead(404, { 'content-length': 0 }).end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      options.onRejected?.(`method ${request.method ?? ''}`);
      response.writeHead(405, { allow: 'GET', 'content-length': 0 }).end();
      return;
    }
    // The request has no meaningful body; drain whatever came so the connection can be reused.
    request.resume();
    const verdict = verify(request.headers.authorization, request.method);
    if (verdict !== 'ok') {
      if (request.headers.authorization !== undefined && verdict !== 'stale') options.onRejected?.(verdict);
      challenge(response, verdict === 'stale');
      return;
    }
    response.writeHead(200, { 'content-length': 0 });
    response.end(() => options.onConnectionRequest());
  });

  return {
    get url() {
      return url;
    },
    start: () =>
      new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host, () => {
          server.off('error', reject);
          const { port } = server.address() as AddressInfo;
          const host = options.advertisedHost ?? options.host;
          url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${options.path}`;
          resolve(url);
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        // Keep-alive connections from an ACS would hold close() open.
        server.closeAllConnections();
      }),
  };
};
