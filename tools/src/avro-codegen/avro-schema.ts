// Reads Avro schema JSON into a small model for code generation. Input is assumed to be
// valid Avro (generate() runs avsc over it first), so this only resolves names and shapes.

export const PRIMITIVES = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'] as const;
export type Primitive = (typeof PRIMITIVES)[number];

export type AvroType =
  | { readonly kind: 'primitive'; readonly name: Primitive; readonly logicalType?: string }
  | { readonly kind: 'named'; readonly fullName: string }
  | { readonly kind: 'array'; readonly items: AvroType }
  | { readonly kind: 'map'; readonly values: AvroType }
  | { readonly kind: 'union'; readonly branches: readonly AvroType[] };

export interface FieldDef {
  readonly name: string;
  readonly type: AvroType;
  readonly doc?: string;
  readonly hasDefault: boolean;
  readonly default?: unknown;
}

export interface NamedDef {
  readonly kind: 'record' | 'enum' | 'fixed';
  readonly fullName: string;
  readonly shortName: string;
  readonly namespace: string;
  readonly doc?: string;
  readonly aliases: readonly string[];
  readonly fields: readonly FieldDef[];
  readonly symbols: readonly string[];
  /** Byte size of a fixed type. */
  readonly size?: number;
  /**
   * The definition with docs dropped, names qualified and nested named types replaced by
   * their full name: two files define "the same type" exactly when these are deep-equal.
   */
  readonly canonical: unknown;
}

export interface ParsedFile {
  readonly top: AvroType;
  /** Named types defined in the file (inner ones before the record that contains them). */
  readonly defs: readonly NamedDef[];
}

type Json = Record<string, unknown>;

const isPrimitive = (name: string): name is Primitive => (PRIMITIVES as readonly string[]).includes(name);
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Avro name resolution: a dotted name is already full, otherwise it lives in the enclosing namespace. */
export const qualify = (name: string, namespace: string): string =>
  name.includes('.') || namespace === '' ? name : `${namespace}.${name}`;

const namespaceOf = (fullName: string): string => fullName.slice(0, Math.max(0, fullName.lastIndexOf('.')));
const shortNameOf = (fullName: string): string => fullName.slice(fullName.lastIndexOf('.') + 1);

export function parseSchema(json: unknown): ParsedFile {
  const defs: NamedDef[] = [];

  const walk = (schema: unknown, namespace: string): { type: AvroType; canonical: unknown } => {
    if (typeof schema === 'string') {
      if (isPrimitive(schema)) return { type: { kind: 'primitive', name: schema }, canonical: schema };
      const fullName = qualify(schema, namespace);
      return { type: { kind: 'named', fullName }, canonical: fullName };
    }
    if (Array.isArray(schema)) {
      const branches = schema.map((branch) => walk(branch, namespace));
      return { type: { kind: 'union', branches: branches.map((b) => b.type) }, canonical: branches.map((b) => b.canonical) };
    }
    if (!isObject(schema)) throw new TypeError(`not an Avro schema: ${JSON.stringify(schema)}`);

    const { type } = schema;
    if (typeof type !== 'string') return walk(type, namespace);
    switch (type) {
      case 'record':
      case 'error':
      case 'enum':
      case 'fixed':
        return walkNamed(schema, type === 'error' ? 'record' : type, namespace);
      case 'array': {
        const items = walk(schema['items'], namespace);
        return { type: { kind: 'array', items: items.type }, canonical: { ...withoutDoc(schema), items: items.canonical } };
      }
      case 'map': {
        const values = walk(schema['values'], namespace);
        return { type: { kind: 'map', values: values.type }, canonical: { ...withoutDoc(schema), values: values.canonical } };
      }
      default: {
        if (!isPrimitive(type)) return walk(type, namespace);
        const logicalType = typeof schema['logicalType'] === 'string' ? schema['logicalType'] : undefined;
        const rest = withoutDoc(schema);
        // {"type": "string"} and "string" are the same schema, so compare them as equal.
        const canonical = Object.keys(rest).length === 1 ? type : rest;
        return { type: { kind: 'primitive', name: type, ...(logicalType ? { logicalType } : {}) }, canonical };
      }
    }
  };

  const walkNamed = (schema: Json, kind: NamedDef['kind'], enclosing: string): { type: AvroType; canonical: unknown } => {
    const name = String(schema['name']);
    const explicitNamespace = typeof schema['namespace'] === 'string' ? schema['namespace'] : undefined;
    const fullName = name.includes('.') ? name : qualify(name, explicitNamespace ?? enclosing);
    const namespace = namespaceOf(fullName);
    const aliases = Array.isArray(schema['aliases']) ? schema['aliases'].map((a) => qualify(String(a), namespace)) : [];

    const fields: FieldDef[] = [];
    const canonicalFields: unknown[] = [];
    if (kind === 'record' && Array.isArray(schema['fields'])) {
      for (const raw of schema['fields'] as Json[]) {
        const fieldType = walk(raw['type'], namespace);
        const hasDefault = Object.hasOwn(raw, 'default');
        fields.push({
          name: String(raw['name']),
          type: fieldType.type,
          ...(typeof raw['doc'] === 'string' ? { doc: raw['doc'] } : {}),
          hasDefault,
          ...(hasDefault ? { default: raw['default'] } : {}),
        });
        canonicalFields.push({ ...withoutDoc(raw), type: fieldType.canonical });
      }
    }

    const { namespace: _namespace, ...rest } = withoutDoc(schema);
    const canonical: Json = { ...rest, name: fullName };
    delete canonical['aliases'];
    if (aliases.length > 0) canonical['aliases'] = [...aliases].sort();
    if (kind === 'record') canonical['fields'] = canonicalFields;

    defs.push({
      kind,
      fullName,
      shortName: shortNameOf(fullName),
      namespace,
      ...(typeof schema['doc'] === 'string' ? { doc: schema['doc'] } : {}),
      aliases,
      fields,
      symbols: Array.isArray(schema['symbols']) ? schema['symbols'].map(String) : [],
      ...(typeof schema['size'] === 'number' ? { size: schema['size'] } : {}),
      canonical,
    });
    return { type: { kind: 'named', fullName }, canonical: fullName };
  };

  const { type: top } = walk(json, '');
  return { top, defs };
}

function withoutDoc(schema: Json): Json {
  const { doc: _doc, ...rest } = schema;
  return rest;
}
