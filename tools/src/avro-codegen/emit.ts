// Renders the model into files: types/<namespace>.ts (one interface or union per named type),
// schemas/<context>.ts (schema constants per event), event-registry.ts and index.ts.
import { byString, contextUnionName, REGISTRY, type EventEntry, type Model, type TypeEntry } from './collect.js';
import type { AvroType, FieldDef, NamedDef } from './avro-schema.js';
import { docComment, HEADER, literal, quote, unionType } from './render.js';
import { logicalTypeNote, tsType } from './type-mapping.js';

export interface GeneratedFile {
  /** Path relative to libs/events/src/generated, with forward slashes. */
  readonly file: string;
  readonly content: string;
}

export function emit(model: Model): GeneratedFile[] {
  const moduleOf = typeModules(model.types.map((t) => t.def.namespace));
  const shortNames = new Map(model.types.map((t) => [t.def.fullName, t.def.shortName]));
  const nameOf = (fullName: string): string => shortNames.get(fullName) ?? fullName;

  const files: GeneratedFile[] = [];
  for (const [module, entries] of groupBy(model.types, (t) => moduleOf(t.def.namespace))) {
    files.push({ file: `types/${module}.ts`, content: typesModule(module, entries, moduleOf, model, nameOf) });
  }
  for (const [context, events] of groupBy(model.events, (e) => e.context)) {
    files.push({ file: `schemas/${context}.ts`, content: schemasModule(events) });
  }
  files.push({ file: 'event-registry.ts', content: registryModule(model, moduleOf) });
  files.push({ file: 'index.ts', content: indexModule(files.map((f) => f.file)) });
  return files.sort((a, b) => byString(a.file, b.file));
}

/**
 * Module name per namespace: its last segment in kebab-case (`dev.fleetlog.common` -> `common`),
 * or the whole namespace when two namespaces end the same way.
 */
function typeModules(namespaces: readonly string[]): (namespace: string) => string {
  const unique = [...new Set(namespaces)];
  const kebab = (s: string): string =>
    s
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/[._]+/g, '-')
      .toLowerCase();
  const last = (ns: string): string => (ns === '' ? 'no-namespace' : kebab(ns.slice(ns.lastIndexOf('.') + 1)));
  const counts = new Map<string, number>();
  for (const ns of unique) counts.set(last(ns), (counts.get(last(ns)) ?? 0) + 1);
  return (ns) => ((counts.get(last(ns)) ?? 0) > 1 ? kebab(ns) : last(ns));
}

function typesModule(
  module: string,
  entries: readonly TypeEntry[],
  moduleOf: (namespace: string) => string,
  model: Model,
  nameOf: (fullName: string) => string,
): string {
  const namespaceOf = new Map(model.types.map((t) => [t.def.fullName, t.def.namespace]));
  const imports = new Map<string, Set<string>>();
  for (const { def } of entries) {
    for (const fullName of def.fields.flatMap((f) => referencedNames(f.type))) {
      const target = moduleOf(namespaceOf.get(fullName) ?? '');
      if (target === module) continue;
      imports.set(target, (imports.get(target) ?? new Set()).add(nameOf(fullName)));
    }
  }
  const importLines = [...imports.entries()]
    .sort(([a], [b]) => byString(a, b))
    .flatMap(([target, names]) => importStatement([...names], `./${target}.js`, true));

  const eventNames = new Set(model.events.map((e) => e.fullName));
  const blocks = entries.map(({ def, files }) => namedType(def, files, nameOf, eventNames.has(def.fullName)));
  return fileText([importLines, ...blocks]);
}

function namedType(def: NamedDef, files: readonly string[], nameOf: (fullName: string) => string, isEvent: boolean): string[] {
  const aliases = def.aliases.length > 0 ? ` Also read as ${def.aliases.map((a) => `\`${a}\``).join(', ')}.` : '';
  // Shared types are inlined in many files; listing them all would churn on every new event.
  const where =
    files.length <= 3
      ? `defined in ${files.map((f) => `schemas/avro/${f}`).join(', ')}`
      : `inlined identically in ${files.length} schemas, e.g. schemas/avro/${files[0] ?? ''}`;
  const origin = `Avro ${def.kind} \`${def.fullName}\`, ${where}.${aliases}`;
  switch (def.kind) {
    case 'enum':
      return [...docComment([def.doc, origin]), ...unionType(def.shortName, def.symbols.map(quote))];
    case 'fixed':
      return [...docComment([def.doc, `${origin} ${def.size ?? '?'} bytes.`]), `export type ${def.shortName} = Buffer;`];
    case 'record':
      return [
        ...docComment([def.doc, origin]),
        `export interface ${def.shortName} {`,
        // An event's `type` always holds its record name: typing it as that literal lets unions of
        // events narrow on it.
        ...def.fields.flatMap((field) => fieldLines(field, nameOf, isEvent && field.name === 'type' ? quote(def.shortName) : undefined)),
        '}',
      ];
  }
}

function fieldLines(field: FieldDef, nameOf: (fullName: string) => string, literal?: string): string[] {
  const defaultNote = field.hasDefault ? `@defaultValue \`${JSON.stringify(field.default)}\`` : undefined;
  const key = /^[A-Za-z_$][\w$]*$/.test(field.name) ? field.name : quote(field.name);
  return [...docComment([field.doc, logicalTypeNote(field.type), defaultNote], '  '), `  ${key}: ${literal ?? tsType(field.type, nameOf)};`];
}

function referencedNames(type: AvroType): string[] {
  switch (type.kind) {
    case 'primitive':
      return [];
    case 'named':
      return [type.fullName];
    case 'array':
      return referencedNames(type.items);
    case 'map':
      return referencedNames(type.values);
    case 'union':
      return type.branches.flatMap(referencedNames);
  }
}

function schemasModule(events: readonly EventEntry[]): string {
  const blocks = events.map((event) => [
    ...docComment([`Avro full name of the ${event.name} event, as used for schema-registry subjects.`]),
    `export const ${event.name}FullName = ${quote(event.fullName)};`,
    '',
    ...docComment([`Schema of the ${event.name} event, as written in schemas/avro/${event.path}.`]),
    `export const ${event.name}Schema = ${literal(event.json)} as const;`,
  ]);
  return fileText(blocks);
}

function registryModule(model: Model, moduleOf: (namespace: string) => string): string {
  const typeImports = groupBy(model.events, (e) => moduleOf(e.namespace));
  const valueImports = groupBy(model.events, (e) => e.context);
  const imports = [
    ...[...typeImports].flatMap(([module, events]) => importStatement(events.map((e) => e.name), `./types/${module}.js`, true)),
    ...[...valueImports].flatMap(([context, events]) =>
      importStatement(
        events.flatMap((e) => [`${e.name}FullName`, `${e.name}Schema`]),
        `./schemas/${context}.js`,
        false,
      ),
    ),
  ];

  const { contexts: contextsName, context: contextName, schemas: schemasName, type: typeName, typeMap: mapName, anyEvent: anyName } = REGISTRY;
  const contextsLiteral = `[${model.contexts.map(quote).join(', ')}]`;
  const blocks: string[][] = [
    imports,
    [
      ...docComment(['Folders under schemas/avro; each is the bounded context that owns the events in it.']),
      `export const ${contextsName} = ${contextsLiteral} as const;`,
      '',
      `export type ${contextName} = (typeof ${contextsName})[number];`,
    ],
    [
      ...docComment(['Every event schema, keyed by event type (the record name), with its Avro full name and context.']),
      `export const ${schemasName} = {`,
      ...model.events.flatMap((e) => [
        `  ${e.name}: {`,
        `    fullName: ${e.name}FullName,`,
        `    context: ${quote(e.context)},`,
        `    schema: ${e.name}Schema,`,
        '  },',
      ]),
      '} as const;',
    ],
    [
      ...docComment(['Event types: the record names, which events also carry in their `type` field.']),
      `export type ${typeName} = keyof typeof ${schemasName};`,
    ],
    [
      ...docComment(['The TypeScript shape of each event type.']),
      `export interface ${mapName} {`,
      ...model.events.map((e) => `  ${e.name}: ${e.name};`),
      '}',
    ],
    ...[...valueImports].map(([context, events]) => [
      ...docComment([`Events owned by the ${context} context (schemas/avro/${context}).`]),
      ...unionType(
        contextUnionName(context),
        events.map((e) => e.name),
      ),
    ]),
    [...docComment(['Any event of any context.']), ...unionType(anyName, model.contexts.map(contextUnionName))],
  ];
  return fileText(blocks);
}

function indexModule(files: readonly string[]): string {
  const lines = [...files]
    .sort(byString)
    .map((f) => `export * from './${f.replace(/\.ts$/, '.js')}';`);
  return fileText([lines]);
}

function importStatement(names: readonly string[], from: string, typeOnly: boolean): string[] {
  const sorted = [...new Set(names)].sort(byString);
  const keyword = typeOnly ? 'import type' : 'import';
  const oneLine = `${keyword} { ${sorted.join(', ')} } from '${from}';`;
  if (oneLine.length <= 100) return [oneLine];
  return [`${keyword} {`, ...sorted.map((n) => `  ${n},`), `} from '${from}';`];
}

function fileText(blocks: readonly (readonly string[])[]): string {
  const body = blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n'))
    .join('\n\n');
  return `${HEADER}\n\n${body}\n`;
}

/** Groups preserving the (already sorted) order of first appearance, keys sorted. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return new Map([...groups].sort(([a], [b]) => byString(a, b)));
}
