import type { Socket } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { buildEnvelope, decodeBody, parseEnvelope, type CpeMessage, type CwmpEnvelope, type Inform } from '@fleetlog/cwmp';
import { deterministicEventId, isEventsError, REJECT_RAW_LIMIT, type IngressRejected, type EventSource, type Logger } from '@fleetlog/events';
import { challenges, verifyAuthorization, type CwmpCredential, type Nonces } from './auth/http-auth.js';
import type { Reply, Session, SessionEngine } from './session/engine.js';

export interface AppDeps {
  engine: SessionEngine;
  lookupCredential: (username: string) => CwmpCredential | undefined;
  nonces: Nonces;
  realm: string;
  /** Durable publish of a reject; rejects (retriable) when Kafka is unavailable. */
  reject: (event: IngressRejected) => Promise<void>;
  source: EventSource;
  now: () => number;
  logger: Logger;
  maxBodyBytes: number;
  sessionTimeoutMs: number;
  retryAfterSeconds: number;
}

interface RawBody {
  bytes: Buffer;
  size: number;
  oversized: boolean;
}

export const SESSION_COOKIE = 'fleetlog-cwmp-session';

/** Cookie values by name; lenient, as CPEs echo cookies in many shapes. */
const cookieValue = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(/[;,]/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim().replace(/^"|"$/g, '');
  }
  return undefined;
};

/** The ACS endpoint CPEs post to. Sessions live in this instance; the cookie pins a CPE to it. */
export const buildApp = (deps: AppDeps): { app: FastifyInstance; sessions: Map<string, Session>; sweep: () => Promise<void> } => {
  const app = Fastify({ logger: false, bodyLimit: Number.MAX_SAFE_INTEGER, keepAliveTimeout: 30_000, requestTimeout: 60_000 });
  const sessions = new Map<string, Session>();
  // CPEs that ignore cookies keep their session on one keep-alive connection.
  const bySocket = new WeakMap<Socket, string>();

  // Reads any body ourselves: past maxBodyBytes only the first part is kept (for the reject record).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_req, payload, done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    payload.on('data', (c: Buffer) => {
      size += c.length;
      if (kept < deps.maxBodyBytes) {
        chunks.push(c);
        kept += c.length;
      }
    });
    payload.on('end', () => done(null, { bytes: Buffer.concat(chunks), size, oversized: size > deps.maxBodyBytes } satisfies RawBody));
    payload.on('error', (e) => done(e, undefined));
  });

  const record = async (req: FastifyRequest, raw: RawBody, reasonCode: string, reason: string, tenantId: string | null) => {
    const now = deps.now();
    await deps.reject({
      eventId: deterministicEventId('cwmp-reject', deps.source.instance, now, req.id),
      type: 'IngressRejected',
      tenantId,
      recordedAt: now,
      correlationId: req.id,
      source: deps.source,
      reasonCode,
      reason,
      protocol: 'CWMP',
      remoteAddress: req.ip ?? null,
      contentType: req.headers['content-type'] ?? null,
      originalSize: raw.size,
      truncated: raw.bytes.length > REJECT_RAW_LIMIT || raw.oversized,
      raw: raw.bytes.subarray(0, REJECT_RAW_LIMIT),
    });
    deps.logger.warn({ reasonCode, remote: req.ip, size: raw.size }, reason);
  };

  const send = (res: FastifyReply, s: Session | undefined, out: Reply) => {
    if (out.kind === 'end') {
      if (s) sessions.delete(s.id);
      return res.code(204).send();
    }
    if (out.kind === 'bad-request') return res.code(400).type('text/plain').send(`${out.code}: ${out.reason}\n`);
    return res.code(200).type('text/xml; charset="utf-8"').send(buildEnvelope(out.envelope));
  };

  app.post('/*', async (req, res) => {
    const raw = (req.body as RawBody | undefined) ?? { bytes: Buffer.alloc(0), size: 0, oversized: false };
    const now = deps.now();
    try {
      const auth = verifyAuthorization({ header: req.headers.authorization, method: 'POST', lookup: deps.lookupCredential, nonces: deps.nonces, now });
      if (!auth.ok) {
        // A first request without credentials is the normal start of Digest; anything else is recorded.
        if (auth.reason !== 'missing' && auth.reason !== 'stale-nonce') {
          await record(req, raw, 'UNAUTHENTICATED', `CPE authentication failed: ${auth.reason}${auth.username ? ` (user ${auth.username})` : ''}`, null);
        }
        return res.code(401).header('www-authenticate', challenges(deps.realm, deps.nonces.issue(now), auth.reason === 'stale-nonce')).send();
      }
      const tenantId = auth.credential.tenantId;
      if (raw.oversized) {
        await record(req, raw, 'PAYLOAD_TOO_LARGE', `body of ${raw.size} bytes exceeds ${deps.maxBodyBytes}`, tenantId);
        return res.code(413).send();
      }
      const decoded = decodeBody(raw.bytes, req.headers['content-encoding'], { maxBodyBytes: deps.maxBodyBytes });
      if (!decoded.ok) {
        await record(req, raw, decoded.error.code, decoded.error.message, tenantId);
        return res.code(400).type('text/plain').send(`${decoded.error.code}: ${decoded.error.message}\n`);
      }
      const sessionId = cookieValue(req.headers.cookie, SESSION_COOKIE) ?? bySocket.get(req.raw.socket);
      const current = sessionId ? sessions.get(sessionId) : undefined;
      if (current && current.tenantId !== tenantId) {
        await record(req, raw, 'WRONG_TENANT', `session ${current.id} belongs to another tenant`, tenantId);
        return res.code(403).send();
      }
      if (decoded.value.length === 0 || decoded.value.toString('utf8').trim() === '') {
        if (!current) return res.code(204).send();
        return send(res, current, await deps.engine.message(current, null));
      }
      const parsed = parseEnvelope(decoded.value, { maxBodyBytes: deps.maxBodyBytes });
      if (!parsed.ok) {
        await record(req, raw, parsed.error.code, parsed.error.message, tenantId);
        return res.code(400).type('text/plain').send(`${parsed.error.code}: ${parsed.error.message}\n`);
      }
      const env = parsed.value as CwmpEnvelope<CpeMessage>;
      if (env.message.type === 'Inform') {
        const started = await deps.engine.inform(env as CwmpEnvelope<Inform>, { tenantId, remoteAddress: req.ip ?? null });
        if (started.session) {
          if (current) sessions.delete(current.id);
          sessions.set(started.session.id, started.session);
          bySocket.set(req.raw.socket, started.session.id);
          res.header('set-cookie', `${SESSION_COOKIE}=${started.session.id}; Path=/; HttpOnly`);
        } else {
          await record(req, raw, started.reply.kind === 'bad-request' ? started.reply.code : 'CWMP_REJECTED', 'Inform refused', tenantId);
        }
        return send(res, started.session, started.reply);
      }
      if (!current) {
        await record(req, raw, 'CWMP_NO_SESSION', `${env.message.type} outside a session (no Inform first, or the session expired)`, tenantId);
        return res.code(400).type('text/plain').send('CWMP_NO_SESSION: send an Inform first\n');
      }
      const out = await deps.engine.message(current, env);
      if (out.kind === 'bad-request') await record(req, raw, out.code, out.reason, tenantId);
      return send(res, current, out);
    } catch (e) {
      if (isEventsError(e) && e.retriable) {
        // Nothing was acknowledged: the CPE retries the whole session later.
        const sid = cookieValue(req.headers.cookie, SESSION_COOKIE) ?? bySocket.get(req.raw.socket);
        if (sid) sessions.delete(sid);
        deps.logger.warn({ code: e.code }, 'Kafka unavailable; answering 503');
        return res.code(503).header('retry-after', String(deps.retryAfterSeconds)).send();
      }
      deps.logger.error({ err: e }, 'unexpected error in a CWMP request');
      return res.code(500).send();
    }
  });

  /** Ends sessions that stalled, recording them as timed out. */
  const sweep = async () => {
    const now = deps.now();
    for (const s of [...sessions.values()]) {
      if (now - s.lastActivity < deps.sessionTimeoutMs) continue;
      sessions.delete(s.id);
      await deps.engine.timeout(s).catch((e: unknown) => deps.logger.warn({ err: e, session: s.id }, 'could not record a session timeout'));
    }
  };

  return { app, sessions, sweep };
};
