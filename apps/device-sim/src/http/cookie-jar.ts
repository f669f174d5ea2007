/**
 * Session cookies for one CWMP session. ACSs pin a session to a node with a cookie, and their
 * Set-Cookie headers are not always tidy, so parsing is lenient: attributes are read only for
 * expiry (Max-Age, Expires), quoted values are unquoted, junk is skipped, and several cookies
 * folded into one header with commas are split apart again.
 */
export interface CookieJar {
  /** Takes every Set-Cookie of a response. */
  store(setCookie: string | readonly string[] | undefined): void;
  /** The Cookie header to send, or undefined when the jar is empty. */
  header(): string | undefined;
  /** name -> value, for tests and logs. */
  entries(): Record<string, string>;
}

export interface ParsedCookie {
  name: string;
  value: string;
  /** Max-Age <= 0 or an Expires in the past: the server deletes the cookie. */
  expired: boolean;
}

// A comma starts a new cookie only when "name=" follows; the comma in "Expires=Wed, 21 Oct" does not.
const foldedCookieBoundary = /,(?=\s*[^;,=\s]+\s*=)/;

export const parseSetCookie = (header: string, now: number): ParsedCookie[] => {
  const cookies: ParsedCookie[] = [];
  for (const part of header.split(foldedCookieBoundary)) {
    const [pair = '', ...attributes] = part.split(';');
    const eq = pair.indexOf('=');
    // RFC 6265 5.2: a cookie without '=' or without a name is ignored.
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (name === '') continue;
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    let expired = false;
    for (const attribute of attributes) {
      const at = attribute.indexOf('=');
      const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
      const attributeValue = at < 0 ? '' : attribute.slice(at + 1).trim();
      if (key === 'max-age' && /^-?\d+$/.test(attributeValue)) expired = Number(attributeValue) <= 0;
      else if (key === 'expires') {
        const when = Date.parse(attributeValue);
        if (!Number.isNaN(when)) expired = when <= now;
      }
    }
    cookies.push({ name, value, expired });
  }
  return cookies;
};

export const createCookieJar = (now: () => number = Date.now): CookieJar => {
  const cookies = new Map<string, string>();
  return {
    store(setCookie) {
      const headers = setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie;
      for (const header of headers)
        for (const { name, value, expired } of parseSetCookie(header, now())) {
          if (expired) cookies.delete(name);
          else cookies.set(name, value);
        }
    },
    header() {
      return cookies.size === 0 ? undefined : [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    entries() {
      return Object.fromEntries(cookies);
    },
  };
};
