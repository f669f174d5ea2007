import protobuf from 'protobufjs';

// Converts between protobufjs's decoded messages and the plain values of messages.ts/records.ts,
// driven by the schema's reflection, so every message follows the same rules (see messages.ts).
// Decoding is strict about meaning (a oneof must hold exactly one member, enum values must be known);
// encoding is strict about shape (no missing or unknown fields, integers in range) and writes
// proto3's canonical form: fields holding their default value are left out.

/** A value that does not fit the schema; the codec turns it into a UspCodecError with the right code. */
export class SchemaMismatch extends Error {
  override name = 'SchemaMismatch';
}

export type Fields = Record<string, unknown>;

export const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

// A message that is nothing but one oneof (OperationStatus) is represented by the oneof's tagged value.
const soleOneof = (type: protobuf.Type): protobuf.OneOf | undefined => {
  const [only, ...others] = type.oneofsArray;
  return only !== undefined && others.length === 0 && type.fieldsArray.every((field) => field.partOf === only) ? only : undefined;
};

const plainFields = (type: protobuf.Type): protobuf.Field[] => type.fieldsArray.filter((field) => field.partOf === null);

const messageTypeOf = (field: protobuf.Field): protobuf.Type | undefined =>
  field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;

/** The one member of a oneof that a decoded message holds. */
export const presentMember = (oneof: protobuf.OneOf, message: Fields, at: string): { member: protobuf.Field; value: unknown } => {
  const present = oneof.fieldsArray.filter((field) => Object.hasOwn(message, field.name) && message[field.name] != null);
  const [member, ...more] = present;
  if (member === undefined) throw new SchemaMismatch(`${at}.${oneof.name} is not set`);
  if (more.length > 0) throw new SchemaMismatch(`${at}.${oneof.name} holds ${present.map((field) => field.name).join(' and ')}`);
  return { member, value: message[member.name] };
};

// ---- decoding ----

const readSingle = (field: protobuf.Field, value: unknown, at: string): unknown => {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    if (!isFields(value)) throw new SchemaMismatch(`${at} is missing`);
    return fromWire(resolved, value, at);
  }
  if (resolved instanceof protobuf.Enum) {
    const name = resolved.valuesById[value as number];
    if (name === undefined) throw new SchemaMismatch(`${at} has the unknown value ${String(value)}`);
    return name;
  }
  // A copy, so that no decoded value keeps the whole input buffer alive.
  if (field.type === 'bytes') return new Uint8Array(value as Uint8Array);
  if (field.long) return String(value);
  return value;
};

const readField = (field: protobuf.Field, value: unknown, at: string): unknown => {
  if (field.map) return Object.fromEntries(Object.entries(value as Fields).map(([key, item]) => [key, readSingle(field, item, `${at}[${key}]`)]));
  if (field.repeated) return (value as unknown[]).map((item, index) => readSingle(field, item, `${at}[${index}]`));
  return readSingle(field, value, at);
};

const readOneof = (oneof: protobuf.OneOf, message: Fields, at: string): Fields => {
  const { member, value } = presentMember(oneof, message, at);
  const decoded = readSingle(member, value, `${at}.${member.name}`);
  return messageTypeOf(member) ? { type: member.name, ...(decoded as Fields) } : { type: member.name, [member.name]: decoded };
};

/** A decoded protobufjs message as a plain value. Throws SchemaMismatch. */
export const fromWire = (type: protobuf.Type, message: Fields, at: string = type.name): Fields => {
  const sole = soleOneof(type);
  if (sole) return readOneof(sole, message, at);
  const value: Fields = {};
  for (const field of plainFields(type)) value[field.name] = readField(field, message[field.name], `${at}.${field.name}`);
  for (const oneof of type.oneofsArray) value[oneof.name] = readOneof(oneof, message, at);
  return value;
};

// ---- encoding ----

const UINT32_MAX = 0xffffffff;
const UINT64_TEXT = /^(?:0|[1-9][0-9]{0,19})$/;

const writeSingle = (field: protobuf.Field, value: unknown, at: string): unknown => {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    if (!isFields(value)) throw new SchemaMismatch(`${at} is missing`);
    return toWire(resolved, value, at);
  }
  if (resolved instanceof protobuf.Enum) {
    if (typeof value !== 'string' || !Object.hasOwn(resolved.values, value)) throw new SchemaMismatch(`${at} must be one of ${Object.keys(resolved.values).join(', ')}`);
    return resolved.values[value];
  }
  switch (field.type) {
    case 'string':
      if (typeof value !== 'string') throw new SchemaMismatch(`${at} must be a string`);
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw new SchemaMismatch(`${at} must be a boolean`);
      return value;
    case 'bytes':
      if (!(value instanceof Uint8Array)) throw new SchemaMismatch(`${at} must be a Uint8Array`);
      return value;
    case 'fixed32':
    case 'uint32':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > UINT32_MAX) throw new SchemaMismatch(`${at} must be an integer from 0 to ${UINT32_MAX}`);
      return value;
    case 'uint64':
      // protobufjs's writer takes the decimal text as it is.
      if (typeof value !== 'string' || !UINT64_TEXT.test(value)) throw new SchemaMismatch(`${at} must be a decimal string`);
      return value;
    default:
      throw new SchemaMismatch(`${at} has the type ${field.type}, which the codec does not write`);
  }
};

const isDefault = (field: protobuf.Field, value: unknown): boolean =>
  value === '' ||
  value === 0 ||
  value === false ||
  (field.long && value === '0') ||
  (value instanceof Uint8Array && value.length === 0) ||
  (field.resolvedType instanceof protobuf.Enum && field.resolvedType.values[value as string] === 0);

// undefined: nothing to write (proto3 leaves defaults and empty lists out).
const writeField = (field: protobuf.Field, value: unknown, at: string): unknown => {
  if (field.map) {
    if (!isFields(value)) throw new SchemaMismatch(`${at} must be an object`);
    const entries = Object.entries(value);
    return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([key, item]) => [key, writeSingle(field, item, `${at}[${key}]`)]));
  }
  if (field.repeated) {
    if (!Array.isArray(value)) throw new SchemaMismatch(`${at} must be an array`);
    return value.length === 0 ? undefined : value.map((item: unknown, index) => writeSingle(field, item, `${at}[${index}]`));
  }
  if (!messageTypeOf(field) && isDefault(field, value)) return undefined;
  return writeSingle(field, value, at);
};

const rejectUnknownKeys = (value: Fields, known: readonly string[], at: string): void => {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new SchemaMismatch(`${at} has unknown field ${unknown.join(', ')}`);
};

const writeOneof = (oneof: protobuf.OneOf, tagged: unknown, at: string): Fields => {
  if (!isFields(tagged) || typeof tagged.type !== 'string') throw new SchemaMismatch(`${at}.${oneof.name} must be an object with a type`);
  const { type, ...rest } = tagged;
  const member = oneof.fieldsArray.find((field) => field.name === type);
  if (member === undefined) throw new SchemaMismatch(`${at}.${oneof.name} has the unknown type ${JSON.stringify(type)}`);
  const memberType = messageTypeOf(member);
  if (memberType) return { [member.name]: toWire(memberType, rest, `${at}.${member.name}`) };
  // A oneof member is written even when it holds its default value: that it is set is the information.
  rejectUnknownKeys(rest, [member.name], `${at}.${member.name}`);
  return { [member.name]: writeSingle(member, rest[member.name], `${at}.${member.name}`) };
};

/** A plain value as a protobufjs-encodable object. Throws SchemaMismatch. */
export const toWire = (type: protobuf.Type, value: Fields, at: string = type.name): Fields => {
  const sole = soleOneof(type);
  if (sole) return writeOneof(sole, value, at);
  const fields = plainFields(type);
  rejectUnknownKeys(value, [...fields.map((field) => field.name), ...type.oneofsArray.map((oneof) => oneof.name)], at);
  const wire: Fields = {};
  for (const field of fields) {
    const written = writeField(field, value[field.name], `${at}.${field.name}`);
    if (written !== undefined) wire[field.name] = written;
  }
  for (const oneof of type.oneofsArray) Object.assign(wire, writeOneof(oneof, value[oneof.name], at));
  return wire;
};
