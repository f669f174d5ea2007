import { CwmpCodecError } from './errors.js';

// fast-xml-parser is lenient about structure (it accepts truncated documents and mismatched end tags)
// and has its own nesting guard deep inside. This linear scan runs first and decides, with memory bounded
// by maxDepth, whether the text is one well-nested element tree, not too deep, and free of DTD
// declarations. It keeps no tree, only the names of the open elements.

const FORBIDDEN = /<!\s*(?:DOCTYPE|ENTITY|ATTLIST|ELEMENT|NOTATION)/i;
const DECLARATION_AT = /<!\s*(?:DOCTYPE|ENTITY|ATTLIST|ELEMENT|NOTATION)/iy;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

// XML NameStartChar / NameChar, simplified to ranges that cover every real tag and exclude the ASCII
// punctuation random bytes are made of.
const isNameStart = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0xfffe);
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7;

const malformed = (message: string): CwmpCodecError => new CwmpCodecError('CWMP_MALFORMED_XML', message);

const onlySpace = (xml: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (!isSpace(xml.charCodeAt(i))) return false;
  return true;
};

/** Returns the end of the name starting at `from`, or -1 when there is no valid name there. */
const nameEnd = (xml: string, from: number): number => {
  if (from >= xml.length || !isNameStart(xml.charCodeAt(from))) return -1;
  let i = from + 1;
  while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
  return i;
};

/** null when the document may be handed to the parser; otherwise the reason it may not. */
export function prescanXml(xml: string, maxDepth: number): CwmpCodecError | null {
  // Checked over the whole text, not just where a declaration may legally stand: no CPE needs a DTD.
  if (FORBIDDEN.test(xml)) return new CwmpCodecError('CWMP_FORBIDDEN_XML', 'DTD declarations (DOCTYPE, ENTITY, …) are not accepted');

  const open: string[] = [];
  let seenRoot = false;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (open.length === 0 && !onlySpace(xml, i, textEnd)) return malformed('Text outside the root element');
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);

    if (next === QUESTION) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) return malformed('Unterminated processing instruction');
      i = end + 2;
      continue;
    }

    if (next === BANG) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) return malformed('Unterminated comment');
        i = end + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        if (open.length === 0) return malformed('CDATA outside the root element');
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) return malformed('Unterminated CDATA section');
        i = end + 3;
        continue;
      }
      DECLARATION_AT.lastIndex = lt;
      if (DECLARATION_AT.test(xml)) return new CwmpCodecError('CWMP_FORBIDDEN_XML', 'DTD declarations are not accepted');
      return malformed('Unknown markup declaration');
    }

    if (next === SLASH) {
      const end = nameEnd(xml, lt + 2);
      if (end === -1) return malformed('Invalid end tag');
      const name = xml.slice(lt + 2, end);
      let j = end;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== GT) return malformed(`Unterminated end tag </${name}>`);
      const expected = open.pop();
      if (expected !== name) return malformed(expected === undefined ? `End tag </${name}> without a start tag` : `End tag </${name}> does not close <${expected}>`);
      i = j + 1;
      continue;
    }

    const end = nameEnd(xml, lt + 1);
    if (end === -1) return malformed('Invalid start tag');
    const afterName = xml.charCodeAt(end);
    if (!isSpace(afterName) && afterName !== SLASH && afterName !== GT) return malformed('Invalid start tag');
    // Attributes: find the closing '>' outside quotes; '<' may not appear inside a tag at all.
    let quote = 0;
    let j = end;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (c === LT) return malformed('"<" inside a tag');
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === DQUOTE || c === SQUOTE) {
        quote = c;
      } else if (c === GT) {
        break;
      }
    }
    if (j >= n) return malformed('Unterminated start tag');
    if (open.length === 0) {
      if (seenRoot) return malformed('More than one root element');
      seenRoot = true;
    }
    if (xml.charCodeAt(j - 1) !== SLASH) {
      open.push(xml.slice(lt + 1, end));
      if (open.length > maxDepth) return new CwmpCodecError('CWMP_TOO_DEEP', `Elements nest deeper than ${maxDepth} levels`);
    }
    i = j + 1;
  }

  if (open.length > 0) return malformed(`Document ends inside <${open[open.length - 1] ?? ''}> (truncated?)`);
  if (!seenRoot) return malformed('No root element');
  return null;
}
