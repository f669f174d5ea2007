import { randomBytes } from 'node:crypto';
import { md5, parseAuthParams } from './auth/http-auth.js';

export type ConnectionRequestResult = { ok: true; status: number } | { ok: false; reason: string };

/**
 * Asks a CPE to open a session now: HTTP GET to its ConnectionRequestURL, answering a Digest
 * (MD5, qop=auth) or Basic challenge with the connection-request credentials.
 */
export const sendConnectionRequest = async (url: string, username: string, password: string, timeoutMs = 5000): Promise<ConnectionRequestResult> => {
  try {
    const first = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
    if (first.ok) return { ok: true, status: first.status };
    if (first.status !== 401) return { ok: false, reason: `CPE answered ${first.status}` };
    const challenge = first.headers.get('www-authenticate') ?? '';
    const path = new URL(url).pathname + new URL(url).search;
    let authorization: string;
    if (/^digest/i.test(challenge)) {
      const p = parseAuthParams(challenge.replace(/^digest\s*/i, ''));
      const cnonce = randomBytes(8).toString('hex');
      const nc = '00000001';
      const ha1 = md5(`${username}:${p.realm ?? ''}:${password}`);
      const ha2 = md5(`GET:${path}`);
      const qop = p.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
      const response = qop ? md5(`${ha1}:${p.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${p.nonce}:${ha2}`);
      authorization =
        `Digest username="${username}", realm="${p.realm ?? ''}", nonce="${p.nonce ?? ''}", uri="${path}", response="${response}", algorithm=MD5` +
        (qop ? `, qop=${qop}, nc=${nc}, cnonce="${cnonce}"` : '') +
        (p.opaque ? `, opaque="${p.opaque}"` : '');
    } else {
      authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    const second = await fetch(url, { method: 'GET', headers: { authorization }, signal: AbortSignal.timeout(timeoutMs) });
    return second.ok ? { ok: true, status: second.status } : { ok: false, reason: `CPE answered ${second.status} to our credentials` };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
};
