// fast-xml-parser runs with processEntities: false, so text arrives with its references intact.
// We decode only the five predefined entities and numeric character references, after parsing:
// the result is a text value and can never become markup, and nothing is expanded recursively.

const PREDEFINED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

const REPLACEMENT = '\uFFFD';

/** '&#x10FFFF;' is the longest valid reference; looking further ahead would only cost time. */
const MAX_REFERENCE_LENGTH = 12;

/** Whether XML 1.0 allows the code point in a document at all. */
const isXmlChar = (cp: number): boolean =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

const digitValue = (c: number, hex: boolean): number => {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
};

/** The text for the reference in raw[start, end) (between '&' and ';'), or undefined when it is not one we decode. */
const decodeReference = (raw: string, start: number, end: number): string | undefined => {
  if (raw.charCodeAt(start) !== 0x23 /* # */) return PREDEFINED.get(raw.slice(start, end));
  const hex = raw.charCodeAt(start + 1) === 0x78 || raw.charCodeAt(start + 1) === 0x58; /* x X */
  const first = start + (hex ? 2 : 1);
  if (first >= end) return undefined;
  let cp = 0;
  for (let i = first; i < end; i++) {
    const digit = digitValue(raw.charCodeAt(i), hex);
    if (digit < 0) return undefined;
    cp = cp * (hex ? 16 : 10) + digit;
  }
  // A reference to a character XML forbids (NUL, a surrogate) must not smuggle it into a value.
  if (!isXmlChar(cp)) return REPLACEMENT;
  return cp < 0x10000 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
};

/**
 * Decodes references in one text or attribute value in a single linear pass; anything that is not a
 * predefined entity or a numeric reference stays literal (sloppy CPEs send bare `&`).
 */
export function decodeXmlText(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  const parts: string[] = [];
  let copied = 0;
  while (amp !== -1) {
    const limit = Math.min(raw.length, amp + MAX_REFERENCE_LENGTH);
    let end = amp + 1;
    while (end < limit && raw.charCodeAt(end) !== 0x3b /* ; */ && raw.charCodeAt(end) !== 0x26 /* & */) end++;
    const decoded = end < limit && raw.charCodeAt(end) === 0x3b ? decodeReference(raw, amp + 1, end) : undefined;
    if (decoded !== undefined) {
      if (amp > copied) parts.push(raw.slice(copied, amp));
      parts.push(decoded);
      copied = end + 1;
    }
    amp = raw.indexOf('&', end);
  }
  parts.push(raw.slice(copied));
  return parts.join('');
}

// Markup characters, quotes (so the same function serves attributes), CR (a literal one would be
// normalised to LF by the reader), and everything XML 1.0 cannot carry at all, including lone surrogates.
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
  /[&<>"'\r]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/**
 * Escapes a value for element text or a quoted attribute. Characters XML 1.0 cannot represent even as
 * references become U+FFFD: sending them would make strict CPE parsers reject the whole envelope.
 */
export function escapeXmlText(value: string): string {
  return value.replace(NEEDS_ESCAPE, (ch) => ESCAPES[ch] ?? REPLACEMENT);
}
