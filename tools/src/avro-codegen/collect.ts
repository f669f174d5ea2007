// Turns the schema files into one model: every named type once (deduplicated by full name),
// every event with its context, and a guarantee that all emitted TypeScript names are unique.
import avro from 'avsc';
import { parseSchema, type FieldDef, type NamedDef } from './avro-schema.js';
import { CodegenError } from './errors.js';
import { firstDifference } from './json-diff.js';

export interface SchemaSource {
  /** Path relative to schemas/avro, e.g. `device/DeviceRegistered.avsc`. */
  readonly path: string;
  /** The parsed JSON of the file. */
  readonly json: unknown;
}

export interface TypeEntry {
  readonly def: NamedDef;
  /** Files defining this type, sorted. */
  readonly files: readonly string[];
}

export interface EventEntry {
  readonly name: string;
  readonly fullName: string;
  readonly namespace: string;
  readonly context: string;
  readonly path: string;
  readonly json: unknown;
}

export interface Model {
  /** Sorted by TypeScript name. */
  readonly types: readonly TypeEntry[];
  /** Sorted by event name. */
  readonly events: readonly EventEntry[];
  /** Sorted. */
  readonly contexts: readonly string[];
}

// Names the generated registry declares itself; a schema type with one of these names would collide.
export const REGISTRY = {
  contexts: 'eventContexts',
  context: 'EventContext',
  schemas: 'eventSchemas',
  type: 'EventType',
  typeMap: 'EventTypeMap',
  anyEvent: 'AnyEvent',
} as const;

// Type names that would shadow what the generated code relies on, or that TypeScript rejects.
const RESERVED = new Set([
  ...['Array', 'Buffer', 'Record', 'Readonly', 'Object', 'String', 'Number', 'Boolean', 'Symbol', 'Date', 'Error', 'Map', 'Set', 'Promise'],
  ...['any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'undefined', 'null', 'void'],
  ...['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export'],
  ...['extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'return', 'super', 'switch'],
  ...['this', 'throw', 'true', 'try', 'typeof', 'var', 'while', 'with', 'type', 'interface', 'let', 'yield', 'await'],
]);

const SCHEMA_PATH = /^([a-z][a-z0-9-]*)\/([A-Za-z_][A-Za-z0-9_]*)\.avsc$/;

export const pascalCase = (kebab: string): string =>
  kebab
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

export const contextUnionName = (context: string): string => `${pascalCase(context)}Event`;

// Plain code-unit order: localeCompare would make the output depend on the machine's locale.
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function collect(schemas: readonly SchemaSource[]): Model {
  const sources = [...schemas].sort((a, b) => byString(a.path, b.path));
  const types = new Map<string, { def: NamedDef; files: string[] }>();
  const events: EventEntry[] = [];

  for (const source of sources) {
    const match = SCHEMA_PATH.exec(source.path);
    if (!match) {
      throw new CodegenError(
        'CODEGEN_BAD_SCHEMA_PATH',
        `${source.path} is not <context>/<RecordName>.avsc (context in lower-case kebab-case, exactly one folder deep)`,
        [source.path],
      );
    }
    const [, context = '', baseName = ''] = match;
    assertValidAvro(source);

    const { top: topType, defs } = parseSchema(source.json);
    const top = topType.kind === 'named' ? defs.find((d) => d.fullName === topType.fullName) : undefined;
    if (top?.kind !== 'record') {
      throw new CodegenError('CODEGEN_EVENT_NOT_A_RECORD', `${source.path}: the top-level schema of an event file must be a record`, [
        source.path,
      ]);
    }
    if (top.shortName !== baseName) {
      throw new CodegenError(
        'CODEGEN_FILE_NAME_MISMATCH',
        `${source.path} defines record ${top.shortName}; the file must be named ${top.shortName}.avsc`,
        [source.path],
      );
    }
    events.push({ name: top.shortName, fullName: top.fullName, namespace: top.namespace, context, path: source.path, json: source.json });

    for (const def of defs) {
      const known = types.get(def.fullName);
      if (!known) {
        types.set(def.fullName, { def, files: [source.path] });
        continue;
      }
      const difference = firstDifference(known.def.canonical, def.canonical);
      if (difference !== undefined) {
        const first = known.files[0] ?? '';
        throw new CodegenError(
          'CODEGEN_CONFLICTING_DEFINITION',
          `${def.fullName} is defined differently in ${first} and ${source.path} (first difference at ${difference}); ` +
            'a named type must have one definition everywhere it is inlined',
          [first, source.path],
        );
      }
      known.def = mergeDocs(known.def, def);
      known.files.push(source.path);
    }
  }

  const model: Model = {
    types: [...types.values()].sort((a, b) => byString(a.def.shortName, b.def.shortName) || byString(a.def.fullName, b.def.fullName)),
    events: events.sort((a, b) => byString(a.name, b.name) || byString(a.path, b.path)),
    contexts: [...new Set(events.map((e) => e.context))].sort(byString),
  };
  assertUniqueNames(model);
  return model;
}

function assertValidAvro(source: SchemaSource): void {
  try {
    avro.Type.forSchema(source.json as avro.Schema);
  } catch (error) {
    throw new CodegenError('CODEGEN_INVALID_SCHEMA', `${source.path}: ${(error as Error).message}`, [source.path]);
  }
}

// Definitions only count as equal with docs ignored, so copies of a shared type often carry
// docs in one file and not in another: keep the first doc found for the type and each field.
function mergeDocs(kept: NamedDef, other: NamedDef): NamedDef {
  const fields = kept.fields.map((field, i): FieldDef => {
    const doc = field.doc ?? other.fields[i]?.doc;
    return doc === undefined ? field : { ...field, doc };
  });
  const doc = kept.doc ?? other.doc;
  return { ...kept, ...(doc === undefined ? {} : { doc }), fields };
}

function assertUniqueNames(model: Model): void {
  const owners = new Map<string, { what: string; file: string }>();
  const claim = (name: string, what: string, file: string): void => {
    const owner = RESERVED.has(name) ? { what: 'a TypeScript built-in or keyword', file: '' } : owners.get(name);
    if (owner) {
      const files = [owner.file, file].filter((f) => f !== '');
      throw new CodegenError(
        'CODEGEN_NAME_CLASH',
        `TypeScript name ${name} is wanted by both ${owner.what}${owner.file ? ` (${owner.file})` : ''} and ${what} (${file})`,
        files,
      );
    }
    owners.set(name, { what, file });
  };

  for (const name of Object.values(REGISTRY)) owners.set(name, { what: 'the generated event registry', file: '' });
  for (const { def, files } of model.types) claim(def.shortName, def.fullName, files[0] ?? '');
  for (const event of model.events) {
    claim(`${event.name}Schema`, `the schema constant of ${event.fullName}`, event.path);
    claim(`${event.name}FullName`, `the full-name constant of ${event.fullName}`, event.path);
  }
  for (const context of model.contexts) claim(contextUnionName(context), `the union of ${context} events`, `${context}/`);
}
