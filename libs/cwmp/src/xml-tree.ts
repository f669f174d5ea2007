import { XMLParser } from 'fast-xml-parser';
import { CwmpCodecError } from './errors.js';
import { decodeXmlText } from './xml-text.js';

// A namespace-resolved element tree. fast-xml-parser keeps prefixes as part of names; CWMP has to be
// read by namespace URI (CPEs use any prefix), so we resolve xmlns declarations ourselves.

export interface XmlAttribute {
  readonly prefix: string | null;
  readonly local: string;
  readonly ns: string | null;
  readonly value: string;
}

export interface XmlElement {
  readonly prefix: string | null;
  readonly local: string;
  /** null when the element has no namespace, or its prefix was never declared (a sloppy CPE). */
  readonly ns: string | null;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  /** Character data directly inside the element, references decoded, CDATA kept verbatim. */
  text: string;
  /** Namespace declarations in scope: prefix ('' for the default namespace) -> URI. */
  readonly scope: ReadonlyMap<string, string>;
}

type FxpNode = Record<string, unknown>;

const ATTRIBUTES_KEY = ':@';
const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';

const splitName = (name: string): { prefix: string | null; local: string } => {
  const colon = name.indexOf(':');
  return colon === -1 ? { prefix: null, local: name } : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
};

const resolve = (scope: ReadonlyMap<string, string>, prefix: string | null): string | null => {
  const uri = scope.get(prefix ?? '');
  return uri === undefined || uri === '' ? null : uri;
};

const parsers = new Map<number, XMLParser>();
/** One parser per depth limit: building its options costs more than parsing a small Inform. */
const parserFor = (maxDepth: number): XMLParser => {
  let parser = parsers.get(maxDepth);
  if (!parser) {
    parser = createParser(maxDepth);
    parsers.set(maxDepth, parser);
  }
  return parser;
};

function createParser(maxDepth: number): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    // Values keep their whitespace: a parameter value of " x " is not "x".
    trimValues: false,
    // No entity expansion at all (billion laughs, external entities); we decode text ourselves.
    processEntities: false,
    htmlEntities: false,
    cdataPropName: CDATA_KEY,
    ignoreDeclaration: true,
    ignorePiTags: true,
    // The pre-scan already enforces maxDepth; this is the parser's own backstop.
    maxNestedTags: maxDepth + 1,
  });
}

const cdataText = (value: unknown): string => {
  if (!Array.isArray(value)) return '';
  let text = '';
  for (const part of value as unknown[]) {
    const raw = (part as FxpNode | null)?.[TEXT_KEY];
    if (raw !== undefined) text += String(raw);
  }
  return text;
};

const createElement = (name: string, rawAttributes: unknown, parentScope: ReadonlyMap<string, string>): XmlElement => {
  const attributeEntries = rawAttributes !== null && typeof rawAttributes === 'object' ? Object.entries(rawAttributes as Record<string, unknown>) : [];
  let scope = parentScope;
  for (const [attrName, attrValue] of attributeEntries) {
    if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
      // Copy on write: most elements declare nothing and share their parent's scope.
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(attrName === 'xmlns' ? '' : attrName.slice(6), decodeXmlText(String(attrValue)).trim());
    }
  }
  const attributes: XmlAttribute[] = [];
  for (const [attrName, attrValue] of attributeEntries) {
    if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) continue;
    const { prefix, local } = splitName(attrName);
    // Unprefixed attributes have no namespace, whatever the default namespace is.
    attributes.push({ prefix, local, ns: prefix === null ? null : resolve(scope, prefix), value: decodeXmlText(String(attrValue)) });
  }
  const { prefix, local } = splitName(name);
  return { prefix, local, ns: resolve(scope, prefix), attributes, children: [], text: '', scope };
};

/**
 * Parses a document the pre-scan accepted. Walks fast-xml-parser's ordered output with an explicit stack,
 * so even a raised maxDepth cannot exhaust the call stack.
 */
export function parseXmlTree(xml: string, maxDepth: number): XmlElement {
  let parsed: unknown;
  try {
    parsed = parserFor(maxDepth).parse(xml);
  } catch (error) {
    throw new CwmpCodecError('CWMP_MALFORMED_XML', `Malformed XML: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  const documentNode: XmlElement = { prefix: null, local: '', ns: null, attributes: [], children: [], text: '', scope: new Map() };
  const pending: { nodes: unknown; parent: XmlElement }[] = [{ nodes: parsed, parent: documentNode }];
  for (let work = pending.pop(); work !== undefined; work = pending.pop()) {
    if (!Array.isArray(work.nodes)) continue;
    for (const node of work.nodes as unknown[]) {
      if (node === null || typeof node !== 'object') continue;
      const record = node as FxpNode;
      if (TEXT_KEY in record) {
        work.parent.text += decodeXmlText(String(record[TEXT_KEY]));
        continue;
      }
      if (CDATA_KEY in record) {
        work.parent.text += cdataText(record[CDATA_KEY]);
        continue;
      }
      const name = Object.keys(record).find((key) => key !== ATTRIBUTES_KEY);
      if (name === undefined) continue;
      const element = createElement(name, record[ATTRIBUTES_KEY], work.parent.scope);
      work.parent.children.push(element);
      pending.push({ nodes: record[name], parent: element });
    }
  }

  const root = documentNode.children[0];
  if (root === undefined || documentNode.children.length !== 1) throw new CwmpCodecError('CWMP_MALFORMED_XML', 'Expected exactly one root element');
  return root;
}

/** The first child with this local name, in any namespace; case-insensitive as a last resort for sloppy CPEs. */
export function findChild(parent: XmlElement, local: string): XmlElement | undefined {
  const exact = parent.children.find((child) => child.local === local);
  if (exact !== undefined) return exact;
  const lower = local.toLowerCase();
  return parent.children.find((child) => child.local.toLowerCase() === lower);
}

export function findAttribute(element: XmlElement, local: string, ns: string): XmlAttribute | undefined {
  return element.attributes.find((attr) => attr.local === local && attr.ns === ns) ?? element.attributes.find((attr) => attr.local === local);
}
