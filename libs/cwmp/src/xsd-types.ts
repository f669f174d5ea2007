import type { XsdType } from './messages.js';

const XSD_TYPES: readonly XsdType[] = ['string', 'int', 'unsignedInt', 'long', 'unsignedLong', 'boolean', 'dateTime', 'base64', 'hexBinary', 'decimal'];

// Keyed by lower case: CPEs write `xsd:unsignedint` as readily as `xs:unsignedInt`.
const BY_NAME = new Map<string, XsdType>([...XSD_TYPES.map((type) => [type.toLowerCase(), type] as const), ['base64binary', 'base64']]);

/** Maps an xsi:type value with any prefix to an XsdType; missing or unknown types read as 'string'. */
export function xsdTypeFromAttribute(value: string | undefined): XsdType {
  if (value === undefined) return 'string';
  const trimmed = value.trim();
  const local = trimmed.slice(trimmed.lastIndexOf(':') + 1);
  return BY_NAME.get(local.toLowerCase()) ?? 'string';
}

/** The xsi:type we send. 'base64' goes out as `xsd:base64`, the spelling TR-069 stacks expect. */
export const xsiTypeOf = (type: XsdType): string => `xsd:${type}`;
