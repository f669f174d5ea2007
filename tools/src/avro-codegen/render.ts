// Text helpers for the generated TypeScript: doc comments, literals, union types.

export const HEADER = '// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.';

/** A TSDoc block from paragraphs; empty paragraphs are dropped, nothing is emitted for none. */
export function docComment(paragraphs: readonly (string | undefined)[], indent = ''): string[] {
  const kept = paragraphs.filter((p): p is string => p !== undefined && p.trim() !== '');
  if (kept.length === 0) return [];
  // `*/` inside a doc string would end the comment early and break the file.
  const lines = kept.flatMap((p, i) => [...(i > 0 ? [''] : []), ...p.trim().replaceAll('*/', '*\\/').split(/\r?\n/)]);
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}

/** `A | B` on one line when short, otherwise one member per line (the way prettier lays it out). */
export function unionType(name: string, members: readonly string[]): string[] {
  if (members.length === 0) return [`export type ${name} = never;`];
  const oneLine = `export type ${name} = ${members.join(' | ')};`;
  if (members.length <= 1 || oneLine.length <= 100) return [oneLine];
  return [`export type ${name} =`, ...members.map((m, i) => `  | ${m}${i === members.length - 1 ? ';' : ''}`)];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A JSON value as a TypeScript literal: single quotes and bare keys, to read like hand-written code. */
export function literal(value: unknown, indent = ''): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      const flat = `[${value.map((v) => literal(v)).join(', ')}]`;
      if (flat.length <= 80) return flat;
    }
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const props = entries.map(([k, v]) => `${inner}${IDENTIFIER.test(k) ? k : quote(k)}: ${literal(v, inner)},`);
  return `{\n${props.join('\n')}\n${indent}}`;
}

export function quote(text: string): string {
  // Reuse JSON's escaping, then swap the quote style: unescape \" and escape '.
  const body = JSON.stringify(text)
    .slice(1, -1)
    .replace(/\\.|'/g, (m) => (m === '\\"' ? '"' : m === "'" ? "\\'" : m));
  return `'${body}'`;
}
