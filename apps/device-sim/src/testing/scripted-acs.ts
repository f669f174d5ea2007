import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { buildEnvelope, decodeBody, parseEnvelope } from '@fleetlog/cwmp';
import type { AcsMessage, CwmpMessage, CwmpNamespace, Inform } from '@fleetlog/cwmp';
import { digestAuthorization, digestResponse, parseAuthHeader, sameDigest } from '../http/digest.js';

/**
 * A small ACS for the integration tests, written against the codec: answers Informs, sends the
 * RPCs queued for a device one at a time, records what it got, and can demand Basic or Digest
 * authentication, answer 503, or gzip its answers.
 */
export interface ScriptedAcsOptions {
  auth?: { scheme: 'digest' | 'basic'; username: string; password: string };
  /** Gzip the envelopes it sends. */
  gzipResponses?: boolean;
  /** Listen on this port (0: any). */
  port?: number;
}

export interface AcsSeenSession {
  id: string;
  serialNumber: string;
  inform: Inform;
  namespace: CwmpNamespace;
  /** Everything the CPE sent in the session after the Inform (responses, TransferCompletes). */
  messages: CwmpMessage[];
  /** Content-Encoding of each non-empty request. */
  encodings: Array<string | undefined>;
  /** Whether every request after the first carried the session cookie. */
  cookieKept: boolean;
  ended: boolean;
}

export interface ScriptedAcs {
  readonly url: string;
  readonly sessions: readonly AcsSeenSession[];
  /** RPCs sent to this device in its next session(s), in order. */
  queue(serialNumber: string, ...rpcs: AcsMessage[]): void;
  /** The next `count` POSTs get this status (503 with Retry-After: 0 by default). */
  refuseNext(count: number, status?: number, retryAfter?: string): void;
  /** Requests refused with 401 so far. */
  readonly unauthorized: number;
  /** TCP connections accepted so far. */
  readonly connections: number;
  /** End sessions with "200 OK" and an empty body instead of 204, as some ACSs do. */
  endWithEmpty200: boolean;
  close(): Promise<void>;
}

const readBody = (request: http.IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });

export const startScriptedAcs = async (options: ScriptedAcsOptions = {}): Promise<ScriptedAcs> => {
  const sessions: AcsSeenSession[] = [];
  const bySessionId = new Map<string, AcsSeenSession>();
  const queues = new Map<string, AcsMessage[]>();
  const nonces = new Set<string>();
  let refusals: Array<{ status: number; retryAfter: string }> = [];
  let unauthorized = 0;
  let connections = 0;
  let endWithEmpty200 = false;
  let nextSession = 1;
  let nextRpc = 1;

  const authorized = (header: string | undefined): boolean => {
    const auth = options.auth;
    if (auth === undefined) return true;
    const [credentials] = parseAuthHeader(header);
    if (credentials === undefined) return false;
    if (auth.scheme === 'basic') return credentials.scheme === 'basic' && credentials.params.token68 === Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
    const p = credentials.params;
    if (credentials.scheme !== 'digest' || p.username !== auth.username || p.nonce === undefined || !nonces.has(p.nonce) || p.response === undefined) return false;
    const expected = digestResponse({ username: auth.username, password: auth.password, realm: 'acs', method: 'POST', uri: p.uri ?? '', nonce: p.nonce, qop: p.qop, nc: p.nc, cnonce: p.cnonce });
    return sameDigest(expected, p.response);
  };

  const challenge = (response: http.ServerResponse) => {
    unauthorized += 1;
    const nonce = randomBytes(8).toString('hex');
    nonces.add(nonce);
    const header = options.auth?.scheme === 'basic' ? 'Basic realm="acs"' : `Digest realm="acs", qop="auth", nonce="${nonce}", algorithm=MD5`;
    response.writeHead(401, { 'www-authenticate': header, 'content-length': 0 }).end();
  };

  const send = (response: http.ServerResponse, session: AcsSeenSession, message: AcsMessage, cookie?: string) => {
    const xml = Buffer.from(buildEnvelope({ namespace: session.namespace, id: `acs-${nextRpc++}`, holdRequests: false, message }));
    const body = options.gzipResponses ? gzipSync(xml) : xml;
    response.writeHead(200, {
      'content-type': 'text/xml; charset="utf-8"',
      'content-length': body.length,
      ...(options.gzipResponses ? { 'content-encoding': 'gzip' } : {}),
      ...(cookie === undefined ? {} : { 'set-cookie': [`acs-session=${cookie}; Path=/; HttpOnly`, 'acs-node="n1"'] }),
    });
    response.end(body);
  };

  const server = http.createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const refusal = refusals.shift();
      if (refusal !== undefined) {
        response.writeHead(refusal.status, { 'retry-after': refusal.retryAfter, 'content-length': 0 }).end();
        return;
      }
      if (!authorized(request.headers.authorization)) {
        challenge(response);
        return;
      }
      const encoding = request.headers['content-encoding'];
      const decoded = decodeBody(raw, encoding);
      if (!decoded.ok) {
        response.writeHead(400).end(decoded.error.message);
        return;
      }
      const sessionId = /acs-session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
      if (decoded.value.length === 0) {
        const session = sessionId === undefined ? undefined : bySessionId.get(sessionId);
        if (session === undefined) {
          response.writeHead(400).end('empty POST outside a session');
          return;
        }
        next(response, session);
        return;
      }
      const parsed = parseEnvelope(decoded.value);
      if (!parsed.ok) {
        response.writeHead(400).end(parsed.error.message);
        return;
      }
      const { message, namespace } = parsed.value;
      if (message.type === 'Inform') {
        const id = String(nextSession++);
        const session: AcsSeenSession = {
          id,
          serialNumber: message.deviceId.serialNumber,
          inform: message,
          namespace,
          messages: [],
          encodings: [encoding],
          cookieKept: true,
          ended: false,
        };
        sessions.push(session);
        bySessionId.set(id, session);
        send(response, session, { type: 'InformResponse', maxEnvelopes: 1 }, id);
        return;
      }
      const session = sessionId === undefined ? undefined : bySessionId.get(sessionId);
      if (session === undefined) {
        for (const s of sessions) if (!s.ended) s.cookieKept = false;
        response.writeHead(400).end('no session cookie');
        return;
      }
      session.messages.push(message);
      session.encodings.push(encoding);
      if (message.type === 'TransferComplete') {
        send(response, session, { type: 'TransferCompleteResponse' });
        return;
      }
      next(response, session);
    })().catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });

  const next = (response: http.ServerResponse, session: AcsSeenSession) => {
    const rpc = queues.get(session.serialNumber)?.shift();
    if (rpc !== undefined) {
      send(response, session, rpc);
      return;
    }
    session.ended = true;
    if (endWithEmpty200) response.writeHead(200, { 'content-length': 0 }).end();
    else response.writeHead(204).end();
  };

  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/acs`,
    sessions,
    get unauthorized() {
      return unauthorized;
    },
    get connections() {
      return connections;
    },
    get endWithEmpty200() {
      return endWithEmpty200;
    },
    set endWithEmpty200(value: boolean) {
      endWithEmpty200 = value;
    },
    queue(serialNumber, ...rpcs) {
      queues.set(serialNumber, [...(queues.get(serialNumber) ?? []), ...rpcs]);
    },
    refuseNext(count, status = 503, retryAfter = '0') {
      refusals = [...refusals, ...Array.from({ length: count }, () => ({ status, retryAfter }))];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/** What an ACS does to wake a CPE: GET the ConnectionRequestURL, answering a Digest challenge. Returns the final status. */
export const sendConnectionRequest = async (url: string, username: string, password: string): Promise<number> => {
  const get = (authorization?: string) =>
    new Promise<{ status: number; challenge: string | undefined }>((resolve, reject) => {
      const request = http.get(url, { headers: authorization === undefined ? {} : { authorization }, agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, challenge: response.headers['www-authenticate'] }));
      });
      request.on('error', reject);
    });
  const first = await get();
  if (first.status !== 401) return first.status;
  const [challenge] = parseAuthHeader(first.challenge);
  if (challenge === undefined) return first.status;
  const { pathname, search } = new URL(url);
  const authorization = digestAuthorization(challenge, { username, password }, { method: 'GET', uri: `${pathname}${search}`, nc: 1, cnonce: randomBytes(8).toString('hex') });
  return (await get(authorization)).status;
};
