import http from 'node:http';
import https from 'node:https';
import { gzipSync } from 'node:zlib';
import { decodeBody } from '@fleetlog/cwmp';
import { SimError, messageOf } from '../errors.js';
import { createCookieJar } from './cookie-jar.js';
import type { CookieJar } from './cookie-jar.js';
import { basicAuthorization, canAnswerDigest, digestAuthorization, parseAuthHeader } from './digest.js';
import type { AuthParams, DigestCredentials } from './digest.js';
import { parseRetryAfter } from './retry-after.js';

/** An ACS answer that continues the session: 200 with or without a body, or 204. */
export interface AcsAnswer {
  status: number;
  /** Decoded (gunzipped) body; empty for 204. */
  body: Buffer;
}

export interface AcsClientOptions {
  /** ManagementServer.Username/Password as they are when the session starts; undefined when none. */
  credentials: DigestCredentials | undefined;
  /** Gzip request bodies (Content-Encoding: gzip). */
  gzip: boolean;
  /** Per request: no answer in this time counts as unreachable. */
  timeoutMs: number;
  /** Client nonce for Digest: random, passed in so the code stays testable. */
  cnonce: () => string;
  now: () => number;
  /** Aborts the request in flight (stop()). */
  signal?: AbortSignal;
}

/** Keep-alive agents for one CPE, so a whole session runs over one TCP connection as TR-069 3.2.2 expects. */
export interface AcsAgents {
  agentFor(url: URL): http.Agent;
  destroy(): void;
}

export const createAcsAgents = (): AcsAgents => {
  // One socket per CPE: a CWMP session is strictly one request at a time.
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    agentFor: (url) => (url.protocol === 'https:' ? httpsAgent : httpAgent),
    destroy: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
};

/** One CWMP session's HTTP side: its cookies and its authentication state live exactly as long as the session. */
export interface AcsSession {
  /** POSTs an envelope (or the empty body with null) and returns an answer that continues the session; throws SimError otherwise. */
  post(body: string | null): Promise<AcsAnswer>;
  readonly cookies: CookieJar;
}

type AuthState = { scheme: 'none' } | { scheme: 'basic' } | { scheme: 'digest'; challenge: AuthParams; nc: number };

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export const openAcsSession = (url: URL, agents: AcsAgents, options: AcsClientOptions): AcsSession => {
  const cookies = createCookieJar(options.now);
  let auth: AuthState = { scheme: 'none' };
  const uri = `${url.pathname}${url.search}`;

  const authorization = (): string | undefined => {
    if (options.credentials === undefined) return undefined;
    switch (auth.scheme) {
      case 'none':
        return undefined;
      case 'basic':
        return basicAuthorization(options.credentials);
      case 'digest':
        // Re-using the nonce with a growing nc spares a 401 round trip on every POST of the session.
        auth.nc += 1;
        return digestAuthorization(auth.challenge, options.credentials, { method: 'POST', uri, nc: auth.nc, cnonce: options.cnonce() });
    }
  };

  /** Takes up a 401 challenge; false when we cannot answer it. */
  const accept = (header: string | string[] | undefined): boolean => {
    if (options.credentials === undefined) return false;
    const challenges = parseAuthHeader(header);
    const digest = challenges.find(canAnswerDigest);
    if (digest !== undefined) {
      auth = { scheme: 'digest', challenge: digest, nc: 0 };
      return true;
    }
    if (challenges.some((c) => c.scheme === 'basic')) {
      auth = { scheme: 'basic' };
      return true;
    }
    return false;
  };

  const send = (body: string | null): Promise<RawResponse> =>
    new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = {};
      let payload: Buffer = Buffer.alloc(0);
      if (body !== null) {
        payload = Buffer.from(body, 'utf8');
        headers['content-type'] = 'text/xml; charset="utf-8"';
        headers.soapaction = '""';
        if (options.gzip) {
          payload = gzipSync(payload);
          headers['content-encoding'] = 'gzip';
        }
      }
      if (options.gzip) headers['accept-encoding'] = 'gzip';
      headers['content-length'] = payload.length;
      const cookie = cookies.header();
      if (cookie !== undefined) headers.cookie = cookie;
      const credentials = authorization();
      if (credentials !== undefined) headers.authorization = credentials;

      const transport = url.protocol === 'https:' ? https : http;
      const request = transport.request(url, { method: 'POST', headers, agent: agents.agentFor(url), signal: options.signal }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      request.setTimeout(options.timeoutMs, () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
      request.on('error', (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })));
      request.end(payload);
    });

  const sendOrFail = async (body: string | null): Promise<RawResponse> => {
    try {
      return await send(body).catch((error: { code?: string; reusedSocket?: boolean }) => {
        // The ACS may close an idle keep-alive socket just as we reuse it; a fresh socket settles that (Node's documented pattern).
        if (error.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') && !options.signal?.aborted) return send(body);
        throw error;
      });
    } catch (error) {
      if (options.signal?.aborted) throw new SimError('SIM_STOPPED', 'the simulator stopped during the session', false, { cause: error });
      throw new SimError('SIM_ACS_UNREACHABLE', `ACS ${url.href} unreachable: ${messageOf(error)}`, true, { cause: error });
    }
  };

  return {
    cookies,
    async post(body) {
      let response = await sendOrFail(body);
      cookies.store(response.headers['set-cookie']);
      // One more try after a fresh challenge: the first 401 may only say our nonce went stale.
      if (response.status === 401 && accept(response.headers['www-authenticate'])) {
        response = await sendOrFail(body);
        cookies.store(response.headers['set-cookie']);
      }
      const { status } = response;
      if (status === 401) {
        const why = options.credentials === undefined ? 'no credentials configured' : 'credentials rejected';
        throw new SimError('SIM_AUTH_FAILED', `ACS ${url.href} answered 401 (${why})`, false);
      }
      if (status === 503) {
        const retryAfterMs = parseRetryAfter(headerText(response.headers['retry-after']), options.now());
        throw new SimError('SIM_ACS_BUSY', `ACS ${url.href} answered 503${retryAfterMs === undefined ? '' : ` (retry after ${retryAfterMs} ms)`}`, true, { retryAfterMs });
      }
      if (status !== 200 && status !== 204) {
        throw new SimError('SIM_HTTP_STATUS', `ACS ${url.href} answered HTTP ${status}`, status >= 500 || status === 429, {
          retryAfterMs: parseRetryAfter(headerText(response.headers['retry-after']), options.now()),
        });
      }
      if (status === 204) return { status, body: Buffer.alloc(0) };
      const decoded = decodeBody(response.body, headerText(response.headers['content-encoding']));
      if (!decoded.ok) throw new SimError('SIM_PROTOCOL', `ACS ${url.href} sent an unreadable body: ${decoded.error.message}`, true, { cause: decoded.error });
      return { status, body: decoded.value };
    },
  };
};

const headerText = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);
