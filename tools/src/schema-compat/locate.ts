// avsc says *that* a reader cannot resolve a writer but not *where*, and for enums not even why
// ("cannot read X as X"). In an event with nested payload records the where is most of the
// answer, so this walks both types down to every failing field.
import avro from 'avsc';

type Type = avro.Type;

export interface Incompatibility {
  /** Dotted field path, `[]` for array items and `{}` for map values; empty for the root. */
  readonly path: string;
  /** Why, when avsc's own message does not say it. */
  readonly detail?: string;
}

const resolves = (reader: Type, writer: Type): boolean => {
  try {
    reader.createResolver(writer);
    return true;
  } catch {
    return false;
  }
};

// Full names, as avsc resolves them by default (namespaces not ignored); avsc qualifies aliases.
const sameName = (reader: Type, writer: Type): boolean =>
  writer.name === undefined || writer.name === reader.name || (reader.aliases ?? []).includes(writer.name);

/** Every place where `reader` cannot read data written with `writer`. */
export function locateIncompatibilities(reader: Type, writer: Type): Incompatibility[] {
  return walk(reader, writer, '');
}

function walk(reader: Type, writer: Type, path: string): Incompatibility[] {
  if (avro.Type.isType(writer, 'logical')) return walk(reader, (writer as avro.types.LogicalType).underlyingType, path);
  if (avro.Type.isType(writer, 'union')) {
    const failing = (writer as avro.types.UnwrappedUnionType).types.filter((branch) => !resolves(reader, branch));
    if (!avro.Type.isType(reader, 'union')) return failing.flatMap((branch) => walk(reader, branch, path));
    return failing.map((branch) => ({ path, detail: `old union branch ${branch.branchName ?? branch.typeName} matches no new branch` }));
  }
  if (!sameName(reader, writer)) return [{ path, detail: `named ${reader.name ?? '?'}, with no alias for ${writer.name ?? '?'}` }];

  if (avro.Type.isType(reader, 'record') && avro.Type.isType(writer, 'record')) {
    const writerFields = (writer as avro.types.RecordType).fields;
    return (reader as avro.types.RecordType).fields.flatMap((field): Incompatibility[] => {
      const fieldPath = path === '' ? field.name : `${path}.${field.name}`;
      const names = [field.name, ...field.aliases];
      const source = writerFields.find((w) => names.includes(w.name));
      if (!source) return field.defaultValue() === undefined ? [{ path: fieldPath, detail: 'new field without a default' }] : [];
      return resolves(field.type, source.type) ? [] : walk(field.type, source.type, fieldPath);
    });
  }
  if (avro.Type.isType(reader, 'enum') && avro.Type.isType(writer, 'enum')) {
    const symbols = (reader as avro.types.EnumType).symbols;
    const missing = (writer as avro.types.EnumType).symbols.filter((s) => !symbols.includes(s));
    return [{ path, detail: `enum symbols ${missing.join(', ')} are gone and the enum has no default` }];
  }
  if (avro.Type.isType(reader, 'fixed') && avro.Type.isType(writer, 'fixed')) {
    const size = (t: Type): number => (t as avro.types.FixedType).size;
    return [{ path, detail: `fixed size changed from ${size(writer)} to ${size(reader)}` }];
  }
  if (avro.Type.isType(reader, 'array') && avro.Type.isType(writer, 'array')) {
    const items = (t: Type): Type => (t as avro.types.ArrayType).itemsType;
    return walk(items(reader), items(writer), `${path}[]`);
  }
  if (avro.Type.isType(reader, 'map') && avro.Type.isType(writer, 'map')) {
    const values = (t: Type): Type => (t as avro.types.MapType).valuesType as Type;
    return walk(values(reader), values(writer), `${path}{}`);
  }
  return [{ path }];
}
