// Renders docs/EVENTS-REFERENCE.md from the Avro schemas: one section per topic, one table of
// payload fields per event. Pure: schemas in, markdown out.

interface Field {
  name: string;
  type: unknown;
  doc?: string;
  default?: unknown;
}

export interface SchemaFile {
  /** Path under schemas/avro, e.g. device/DeviceRegistered.avsc */
  path: string;
  json: { name: string; namespace: string; doc?: string; fields: Field[] };
}

export interface TopicInfo {
  name: string;
  context: string;
  key: string;
  retention: string;
  description: string;
}

/** A readable Avro type: `string`, `string?` for a null union, `array<ParameterValue>`, enum symbols. */
export const typeName = (t: unknown): string => {
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) {
    const rest = t.filter((x) => x !== 'null');
    const inner = rest.map(typeName).join(' | ');
    return rest.length < t.length ? `${inner}?` : inner;
  }
  const o = t as { type: string; name?: string; items?: unknown; values?: unknown; logicalType?: string; symbols?: string[] };
  if (o.logicalType === 'timestamp-millis') return 'timestamp-millis';
  if (o.type === 'array') return `array<${typeName(o.items)}>`;
  if (o.type === 'map') return `map<${typeName(o.values)}>`;
  if (o.type === 'enum') return `enum ${o.name} {${o.symbols?.join(', ')}}`;
  if (o.type === 'record') return o.name ?? 'record';
  return typeName(o.type);
};

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** Rows for a record's fields, expanding nested records as dotted paths. */
const rows = (fields: Field[], prefix = ''): string[] =>
  fields.flatMap((f) => {
    const t = f.type as { type?: string; fields?: Field[]; items?: { type?: string; fields?: Field[] } };
    const here = `| \`${prefix}${f.name}\` | ${cell(typeName(f.type))} | ${cell(f.doc ?? '')}${f.default !== undefined ? ` (default \`${JSON.stringify(f.default)}\`)` : ''} |`;
    if (t && t.type === 'record' && t.fields) return [here, ...rows(t.fields, `${prefix}${f.name}.`)];
    if (t && t.type === 'array' && t.items && t.items.type === 'record' && t.items.fields) return [here, ...rows(t.items.fields, `${prefix}${f.name}[].`)];
    return [here];
  });

export const renderReference = (schemas: SchemaFile[], topics: TopicInfo[], envelopeFields: readonly string[]): string => {
  const out = [
    '<!-- Generated from schemas/avro by tools/src/event-docs. Do not edit: run `npm run docs:events`. -->',
    '# Event reference',
    '',
    'Every event record starts with the envelope described in [EVENTS.md](EVENTS.md) (`' + envelopeFields.join('`, `') + '`) and carries a `payload` record. The tables list the payload fields; nested records appear as dotted paths. `T?` is a union of `null` and `T`.',
    '',
  ];
  for (const topic of topics) {
    const mine = schemas.filter((s) => s.path.startsWith(`${topic.context}/`)).sort((a, b) => a.json.name.localeCompare(b.json.name));
    out.push(`## \`${topic.name}\``, '', `${topic.description} Key: \`${topic.key}\`. Retention: ${topic.retention}.`, '');
    for (const s of mine) {
      const subject = `${topic.name}-${s.json.namespace}.${s.json.name}`;
      out.push(`### ${s.json.name}`, '', s.json.doc ?? '', '', `Subject \`${subject}\`, schema [schemas/avro/${s.path}](../schemas/avro/${s.path}).`, '');
      const payload = s.json.fields.find((f) => f.name === 'payload');
      const fields = payload ? (payload.type as { fields: Field[] }).fields : s.json.fields;
      out.push('| field | type | meaning |', '|---|---|---|', ...rows(fields, payload ? 'payload.' : ''), '');
    }
  }
  return out.join('\n');
};
