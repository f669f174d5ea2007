// Avro -> TypeScript type expressions, matching how avsc hands values to JS by default
// (no logical types registered, unambiguous unions unwrapped).
import type { AvroType } from './avro-schema.js';

/** Turns an Avro full name into the TypeScript identifier it is emitted under. */
export type NameOf = (fullName: string) => string;

const PRIMITIVE_TS: Record<string, string> = {
  null: 'null',
  boolean: 'boolean',
  int: 'number',
  long: 'number',
  float: 'number',
  double: 'number',
  bytes: 'Buffer',
  string: 'string',
};

interface Rendered {
  readonly text: string;
  /** True when the text is a top-level union and needs parentheses inside `T[]`. */
  readonly isUnion: boolean;
}

export function tsType(type: AvroType, nameOf: NameOf): string {
  return render(type, nameOf).text;
}

function render(type: AvroType, nameOf: NameOf): Rendered {
  switch (type.kind) {
    case 'primitive':
      return { text: PRIMITIVE_TS[type.name] ?? 'unknown', isUnion: false };
    case 'named':
      return { text: nameOf(type.fullName), isUnion: false };
    case 'array': {
      const items = render(type.items, nameOf);
      return { text: items.isUnion ? `(${items.text})[]` : `${items.text}[]`, isUnion: false };
    }
    case 'map':
      return { text: `Record<string, ${render(type.values, nameOf).text}>`, isUnion: false };
    case 'union': {
      // null goes last so ['null', T] reads as the familiar `T | null`; duplicates such as
      // int and long (both `number`) collapse to one member.
      const members = type.branches.filter((b) => !isNull(b)).map((b) => render(b, nameOf).text);
      if (type.branches.some(isNull)) members.push('null');
      const unique = [...new Set(members)];
      return { text: unique.join(' | '), isUnion: unique.length > 1 };
    }
  }
}

const isNull = (type: AvroType): boolean => type.kind === 'primitive' && type.name === 'null';

const LOGICAL_NOTES: Record<string, string> = {
  'timestamp-millis': 'Epoch milliseconds (Avro `timestamp-millis`).',
  'timestamp-micros': 'Epoch microseconds (Avro `timestamp-micros`).',
  'local-timestamp-millis': 'Milliseconds since 1970-01-01T00:00 local time, no time zone (Avro `local-timestamp-millis`).',
  'local-timestamp-micros': 'Microseconds since 1970-01-01T00:00 local time, no time zone (Avro `local-timestamp-micros`).',
  date: 'Days since 1970-01-01 (Avro `date`).',
  'time-millis': 'Milliseconds after midnight (Avro `time-millis`).',
  'time-micros': 'Microseconds after midnight (Avro `time-micros`).',
  uuid: 'UUID (Avro `uuid`).',
  decimal: 'Big-endian two\'s-complement unscaled value (Avro `decimal`).',
};

/**
 * A sentence explaining the logical type behind a field, since the TypeScript type alone
 * (`number`, `string`) loses it. Looks through a nullable union; undefined when none applies.
 */
export function logicalTypeNote(type: AvroType): string | undefined {
  const inner = type.kind === 'union' ? unwrapNullable(type.branches) : type;
  if (inner?.kind !== 'primitive' || inner.logicalType === undefined) return undefined;
  return LOGICAL_NOTES[inner.logicalType] ?? `Avro logical type \`${inner.logicalType}\`.`;
}

function unwrapNullable(branches: readonly AvroType[]): AvroType | undefined {
  const rest = branches.filter((b) => !isNull(b));
  return rest.length === 1 && rest.length < branches.length ? rest[0] : undefined;
}
