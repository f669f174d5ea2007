import { CwmpCodecError } from './errors.js';
import { findChild } from './xml-tree.js';
import type { XmlElement } from './xml-tree.js';

// Readers for RPC arguments. TR-069 arguments are unqualified elements, but CPEs qualify them with any
// prefix, so they are matched by local name alone. Missing or empty scalars take a default (CPEs leave
// out what they consider obvious); text that is present but unreadable is an invalid message.

export interface ReadContext {
  readonly maxArrayItems: number;
}

export const invalid = (message: string): CwmpCodecError => new CwmpCodecError('CWMP_INVALID_MESSAGE', message);

export function requiredChild(parent: XmlElement, local: string): XmlElement {
  const child = findChild(parent, local);
  if (child === undefined) throw invalid(`${parent.local} has no ${local}`);
  return child;
}

export function readString(parent: XmlElement, local: string, fallback = ''): string {
  return findChild(parent, local)?.text ?? fallback;
}

const INTEGER = /^[+-]?[0-9]+$/;

export function parseInteger(text: string, what: string): number {
  const trimmed = text.trim();
  const value = INTEGER.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw invalid(`${what} is not an integer: "${trimmed.slice(0, 40)}"`);
  return value;
}

export function readInt(parent: XmlElement, local: string, fallback = 0): number {
  const text = findChild(parent, local)?.text.trim() ?? '';
  return text === '' ? fallback : parseInteger(text, `${parent.local}/${local}`);
}

export function parseBoolean(text: string, what: string): boolean {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'true' || trimmed === '1') return true;
  if (trimmed === 'false' || trimmed === '0') return false;
  throw invalid(`${what} is not a boolean: "${trimmed.slice(0, 40)}"`);
}

export function readBool(parent: XmlElement, local: string, fallback = false): boolean {
  const text = findChild(parent, local)?.text.trim() ?? '';
  return text === '' ? fallback : parseBoolean(text, `${parent.local}/${local}`);
}

export function checkArraySize(items: readonly unknown[], what: string, context: ReadContext): void {
  if (items.length > context.maxArrayItems) {
    throw new CwmpCodecError('CWMP_BODY_TOO_LARGE', `${what} has ${items.length} items, more than ${context.maxArrayItems}`);
  }
}

/**
 * The items of a SOAP-encoded array: every child element, whatever it is called (CPEs name them
 * ParameterValueStruct, item, string, …) and whatever soap-enc:arrayType claims the count is.
 */
export function readItems(parent: XmlElement, local: string, context: ReadContext): XmlElement[] {
  const items = findChild(parent, local)?.children ?? [];
  checkArraySize(items, `${parent.local}/${local}`, context);
  return items;
}

export function readStrings(parent: XmlElement, local: string, context: ReadContext): string[] {
  return readItems(parent, local, context).map((item) => item.text);
}
