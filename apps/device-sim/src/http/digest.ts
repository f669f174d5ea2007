import { createHash, timingSafeEqual } from 'node:crypto';

/** One challenge of a WWW-Authenticate header, or the credentials of an Authorization header. */
export interface AuthParams {
  /** Lower case: 'digest', 'basic', … */
  scheme: string;
  params: Record<string, string>;
}

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/**
 * Splits a WWW-Authenticate or Authorization value into schemes with their parameters. Several
 * challenges may share one header ("Digest realm=…, Basic realm=…"), parameter values may be
 * quoted (with backslash escapes) or bare tokens; anything unreadable is skipped rather than fatal.
 */
export const parseAuthHeader = (value: string | readonly string[] | undefined): AuthParams[] => {
  const values = value === undefined ? [] : typeof value === 'string' ? [value] : value;
  const result: AuthParams[] = [];
  for (const text of values) {
    let i = 0;
    let current: AuthParams | undefined;
    const skip = (pattern: RegExp) => {
      while (i < text.length && pattern.test(text[i] ?? '')) i += 1;
    };
    const token = () => {
      const start = i;
      while (i < text.length && /[^\s,=]/.test(text[i] ?? '')) i += 1;
      return text.slice(start, i);
    };
    while (i < text.length) {
      skip(/[\s,]/);
      const name = token();
      if (name === '') {
        i += 1;
        continue;
      }
      skip(/\s/);
      if (text[i] === '=' && current !== undefined) {
        i += 1;
        skip(/\s/);
        let paramValue = '';
        if (text[i] === '"') {
          i += 1;
          while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\') i += 1;
            paramValue += text[i] ?? '';
            i += 1;
          }
          i += 1;
        } else {
          const start = i;
          while (i < text.length && text[i] !== ',') i += 1;
          paramValue = text.slice(start, i).trim();
        }
        current.params[name.toLowerCase()] = paramValue;
      } else if (text[i] === '=') {
        // A parameter before any scheme: not a header we understand.
        i += 1;
      } else {
        // token68 credentials (Basic): "Basic dXNlcjpwYXNz".
        current = { scheme: name.toLowerCase(), params: {} };
        result.push(current);
        const rest = /^([A-Za-z0-9\-._~+/]+=*)\s*(?:,|$)/.exec(text.slice(i));
        if (rest !== null && !/=[^=]/.test(rest[1] ?? '') && current.scheme === 'basic') {
          current.params.token68 = rest[1] ?? '';
          i += rest[0].length;
        }
      }
    }
  }
  return result;
};

export interface DigestInput {
  username: string;
  password: string;
  realm: string;
  method: string;
  uri: string;
  nonce: string;
  /** 'auth', or undefined for RFC 2069 digests without qop. */
  qop?: string;
  /** Eight hex digits, e.g. '00000001'. */
  nc?: string;
  cnonce?: string;
  /** 'MD5' (the default) or 'MD5-sess'. */
  algorithm?: string;
}

/** The request-digest of RFC 2617 section 3.2.2.1 (MD5, qop auth or none). */
export const digestResponse = (input: DigestInput): string => {
  let ha1 = md5(`${input.username}:${input.realm}:${input.password}`);
  if (input.algorithm?.toLowerCase() === 'md5-sess') ha1 = md5(`${ha1}:${input.nonce}:${input.cnonce ?? ''}`);
  const ha2 = md5(`${input.method}:${input.uri}`);
  return input.qop === undefined ? md5(`${ha1}:${input.nonce}:${ha2}`) : md5(`${ha1}:${input.nonce}:${input.nc ?? ''}:${input.cnonce ?? ''}:${input.qop}:${ha2}`);
};

const quote = (value: string) => `"${value.replace(/(["\\])/g, '\\$1')}"`;

/** Chooses qop=auth when the server offers it (TR-069 requires it), none when it offers no qop. */
const chooseQop = (offered: string | undefined): string | undefined | null => {
  if (offered === undefined) return undefined;
  const options = offered.split(',').map((q) => q.trim().toLowerCase());
  return options.includes('auth') ? 'auth' : null;
};

/** Whether we can answer this challenge: Digest with MD5 (or MD5-sess) and qop auth or none. */
export const canAnswerDigest = (challenge: AuthParams): boolean => {
  const { algorithm, qop } = challenge.params;
  return challenge.scheme === 'digest' && (algorithm === undefined || ['md5', 'md5-sess'].includes(algorithm.toLowerCase())) && chooseQop(qop) !== null;
};

export interface DigestCredentials {
  username: string;
  password: string;
}

/**
 * The Authorization header answering a Digest challenge, or undefined when the challenge asks for
 * something we cannot do (auth-int only, an algorithm other than MD5).
 */
export const digestAuthorization = (
  challenge: AuthParams,
  credentials: DigestCredentials,
  request: { method: string; uri: string; nc: number; cnonce: string },
): string | undefined => {
  if (!canAnswerDigest(challenge)) return undefined;
  const { realm = '', nonce = '', opaque, algorithm } = challenge.params;
  const qop = chooseQop(challenge.params.qop) ?? undefined;
  const nc = request.nc.toString(16).padStart(8, '0');
  const response = digestResponse({ ...credentials, realm, nonce, method: request.method, uri: request.uri, qop, nc, cnonce: request.cnonce, algorithm });
  const parts = [
    `username=${quote(credentials.username)}`,
    `realm=${quote(realm)}`,
    `nonce=${quote(nonce)}`,
    `uri=${quote(request.uri)}`,
    ...(algorithm === undefined ? [] : [`algorithm=${algorithm}`]),
    `response=${quote(response)}`,
    ...(opaque === undefined ? [] : [`opaque=${quote(opaque)}`]),
    ...(qop === undefined ? [] : [`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(request.cnonce)}`]),
  ];
  return `Digest ${parts.join(', ')}`;
};

export const basicAuthorization = ({ username, password }: DigestCredentials): string =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

/** Compares two digests without leaking, through timing, how much of a guess was right. */
export const sameDigest = (a: string, b: string): boolean => {
  const left = Buffer.from(a.toLowerCase(), 'utf8');
  const right = Buffer.from(b.toLowerCase(), 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
};
