import { CwmpCodecError } from './errors.js';
import { resolveLimits } from './limits.js';
import type { CodecLimits } from './limits.js';
import { CWMP_NAMESPACES } from './messages.js';
import type { CwmpEnvelope, CwmpMessage, CwmpNamespace } from './messages.js';
import { SOAP12_ENV_NS, SOAP_ENV_NS } from './namespaces.js';
import { findCwmpFault, readFault, readerFor } from './parse-messages.js';
import { parseBoolean } from './read-fields.js';
import type { ReadContext } from './read-fields.js';
import { fail, ok } from './result.js';
import type { CodecResult } from './result.js';
import { prescanXml } from './xml-prescan.js';
import { findChild, parseXmlTree } from './xml-tree.js';
import type { XmlElement } from './xml-tree.js';

const DEFAULT_NAMESPACE: CwmpNamespace = 'urn:dslforum-org:cwmp-1-0';

const isCwmpNamespace = (uri: string | null): uri is CwmpNamespace => uri !== null && (CWMP_NAMESPACES as readonly string[]).includes(uri);

// SOAP elements are matched by namespace; an element whose prefix was never declared (ns null) is
// accepted by local name, because some CPEs forget their xmlns declarations.
const isSoapElement = (element: XmlElement, local: string): boolean => element.local === local && (element.ns === SOAP_ENV_NS || element.ns === null);

const byteLengthAtMost = (body: string, limit: number): boolean => {
  // Every UTF-16 unit is at most 3 UTF-8 bytes; only count exactly when the quick bounds cannot decide.
  if (body.length > limit) return false;
  if (body.length * 3 <= limit) return true;
  return Buffer.byteLength(body, 'utf8') <= limit;
};

const LATIN1_DECLARATION = /^\s*<\?xml[^>]*encoding\s*=\s*["'](?:iso-8859-1|latin-?1|us-ascii|windows-1252)["']/i;

const bytesToText = (bytes: Buffer): string => {
  // Some older CPEs declare ISO-8859-1; everything else is read as UTF-8 (invalid bytes become U+FFFD).
  const head = bytes.subarray(0, 200).toString('latin1');
  return LATIN1_DECLARATION.test(head) ? bytes.toString('latin1') : bytes.toString('utf8');
};

/** The namespace to answer in: the message's own, else one declared in scope, else cwmp-1-0. */
const detectNamespace = (candidates: readonly (XmlElement | undefined)[]): CwmpNamespace => {
  for (const element of candidates) if (element !== undefined && isCwmpNamespace(element.ns)) return element.ns;
  for (const element of candidates) {
    if (element === undefined) continue;
    for (const uri of element.scope.values()) if (isCwmpNamespace(uri)) return uri;
  }
  return DEFAULT_NAMESPACE;
};

const readHeader = (header: XmlElement | undefined): { id: string | null; holdRequests: boolean; idElement: XmlElement | undefined } => {
  if (header === undefined) return { id: null, holdRequests: false, idElement: undefined };
  const idElement = findChild(header, 'ID');
  const hold = findChild(header, 'HoldRequests');
  const holdText = hold?.text.trim() ?? '';
  return { id: idElement?.text ?? null, holdRequests: holdText === '' ? false : parseBoolean(holdText, 'HoldRequests'), idElement };
};

function parseChecked(body: Buffer | string, limits: CodecLimits): CwmpEnvelope {
  const withinLimit = typeof body === 'string' ? byteLengthAtMost(body, limits.maxBodyBytes) : body.length <= limits.maxBodyBytes;
  if (!withinLimit) throw new CwmpCodecError('CWMP_BODY_TOO_LARGE', `Body exceeds ${limits.maxBodyBytes} bytes`);

  const text = (typeof body === 'string' ? body : bytesToText(body)).replace(/^\uFEFF/, '').trim();
  if (text === '') throw new CwmpCodecError('CWMP_NOT_SOAP', 'Empty body is not a SOAP envelope');

  const problem = prescanXml(text, limits.maxDepth);
  if (problem !== null) throw problem;
  const root = parseXmlTree(text, limits.maxDepth);

  if (root.local !== 'Envelope' || (root.ns !== SOAP_ENV_NS && root.ns !== null)) {
    const what = root.ns === SOAP12_ENV_NS ? 'a SOAP 1.2 envelope' : `<${root.local}>`;
    throw new CwmpCodecError('CWMP_NOT_SOAP', `Expected a SOAP 1.1 Envelope, got ${what}`);
  }
  const soapBody = root.children.find((child) => isSoapElement(child, 'Body'));
  if (soapBody === undefined) throw new CwmpCodecError('CWMP_NOT_SOAP', 'SOAP Envelope has no Body');
  const header = root.children.find((child) => isSoapElement(child, 'Header'));

  // TR-069 sends one message per envelope; anything after the first element is ignored.
  const messageElement = soapBody.children[0];
  if (messageElement === undefined) throw new CwmpCodecError('CWMP_NO_BODY_MESSAGE', 'SOAP Body is empty');

  const context: ReadContext = { maxArrayItems: limits.maxArrayItems };
  let message: CwmpMessage;
  let namespaceSource: XmlElement | undefined = messageElement;
  if (messageElement.local === 'Fault') {
    message = readFault(messageElement, context);
    namespaceSource = findCwmpFault(messageElement);
  } else {
    const reader = readerFor(messageElement.local);
    if (reader === undefined) throw new CwmpCodecError('CWMP_UNKNOWN_MESSAGE', `Unknown CWMP message "${messageElement.local.slice(0, 80)}"`);
    message = reader(messageElement, context);
  }

  const { id, holdRequests, idElement } = readHeader(header);
  const namespace = detectNamespace([namespaceSource, idElement, messageElement, soapBody, root]);
  return { namespace, id, holdRequests, message };
}

/** Parse one SOAP envelope (string or bytes). Never throws: every failure is a typed CwmpCodecError. */
export function parseEnvelope(body: Buffer | string, limits?: Partial<CodecLimits>): CodecResult<CwmpEnvelope> {
  try {
    return ok(parseChecked(body, resolveLimits(limits)));
  } catch (error) {
    if (error instanceof CwmpCodecError) return fail(error);
    // Only a bug gets here; the promise to callers (never throw on a CPE's bytes) still holds.
    return fail(new CwmpCodecError('CWMP_INVALID_MESSAGE', 'Envelope could not be read', { cause: error }));
  }
}
