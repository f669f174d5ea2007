import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ts from 'typescript';
import { CodegenError } from './errors.js';
import { generate, type GeneratedFile, type SchemaSource } from './generate.js';
import { HEADER } from './render.js';

const source = {
  type: 'record',
  name: 'EventSource',
  namespace: 'dev.test.common',
  fields: [{ name: 'app', type: 'string', doc: 'App that recorded it.' }],
};

function event(context: string, name: string, payloadFields: unknown[], extra: { source?: unknown; doc?: string } = {}): SchemaSource {
  return {
    path: `${context}/${name}.avsc`,
    json: {
      type: 'record',
      name,
      namespace: `dev.test.${context}`,
      ...(extra.doc ? { doc: extra.doc } : {}),
      fields: [
        { name: 'eventId', type: 'string' },
        { name: 'occurredAt', type: { type: 'long', logicalType: 'timestamp-millis' }, doc: 'When it happened.' },
        { name: 'causationId', type: ['null', 'string'], default: null },
        { name: 'source', type: extra.source ?? source },
        { name: 'payload', type: { type: 'record', name: `${name}Payload`, fields: payloadFields } },
      ],
    },
  };
}

const protocol = { type: 'enum', name: 'Protocol', namespace: 'dev.test.common', symbols: ['CWMP', 'USP'], doc: 'Protocol.' };

const schemas: SchemaSource[] = [
  event(
    'device',
    'DeviceRegistered',
    [
      { name: 'protocol', type: protocol },
      // Avro allows a named type to be referenced by name once defined earlier in the file.
      { name: 'previous', type: ['null', 'dev.test.common.Protocol'], default: null },
    ],
    { doc: 'A device showed up.' },
  ),
  event('device', 'DeviceTagged', [{ name: 'tag', type: 'string' }]),
  event('command', 'CommandRequested', [
    { name: 'protocol', type: protocol },
    { name: 'args', type: { type: 'map', values: 'string' } },
  ]),
];

const fileOf = (files: readonly GeneratedFile[], name: string): string => {
  const file = files.find((f) => f.file === name);
  assert.ok(file, `${name} not generated; got ${files.map((f) => f.file).join(', ')}`);
  return file.content;
};

function codegenError(fn: () => unknown): CodegenError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof CodegenError, `expected a CodegenError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected generation to fail');
}

describe('generate', () => {
  it('emits types per namespace, schema constants per context, a registry and an index, each with the header', () => {
    const files = generate(schemas);
    assert.deepEqual(
      files.map((f) => f.file),
      ['event-registry.ts', 'index.ts', 'schemas/command.ts', 'schemas/device.ts', 'types/command.ts', 'types/common.ts', 'types/device.ts'],
    );
    for (const file of files) assert.ok(file.content.startsWith(`${HEADER}\n`), `${file.file} lacks the header`);
  });

  it('renders an event record as an interface with docs, nullable fields and imports of shared types', () => {
    const device = fileOf(generate(schemas), 'types/device.ts');
    assert.match(device, /^import type \{ EventSource, Protocol \} from '\.\/common\.js';$/m);
    assert.match(device, /\* A device showed up\.\n \*\n \* Avro record `dev\.test\.device\.DeviceRegistered`/);
    assert.match(device, /export interface DeviceRegistered \{\n {2}eventId: string;\n/);
    assert.match(device, /When it happened\.\n {3}\*\n {3}\* Epoch milliseconds \(Avro `timestamp-millis`\)\.\n {3}\*\/\n {2}occurredAt: number;/);
    assert.match(device, /\/\*\* @defaultValue `null` \*\/\n {2}causationId: string \| null;/);
    assert.match(device, / {2}payload: DeviceRegisteredPayload;/);
    assert.match(fileOf(generate(schemas), 'types/command.ts'), / {2}args: Record<string, string>;/);
  });

  it('renders enums as string literal unions', () => {
    assert.match(fileOf(generate(schemas), 'types/common.ts'), /export type Protocol = 'CWMP' \| 'USP';/);
  });

  it('emits the schema constant, full name and registry entry for each event, plus per-context unions', () => {
    const files = generate(schemas);
    const deviceSchemas = fileOf(files, 'schemas/device.ts');
    assert.match(deviceSchemas, /export const DeviceRegisteredFullName = 'dev\.test\.device\.DeviceRegistered';/);
    assert.match(deviceSchemas, /export const DeviceRegisteredSchema = \{\n {2}type: 'record',\n {2}name: 'DeviceRegistered',/);
    assert.match(deviceSchemas, /\} as const;\n/);

    const registry = fileOf(files, 'event-registry.ts');
    assert.match(registry, /export const eventContexts = \['command', 'device'\] as const;/);
    assert.match(registry, / {2}DeviceTagged: \{\n {4}fullName: DeviceTaggedFullName,\n {4}context: 'device',\n {4}schema: DeviceTaggedSchema,\n {2}\},/);
    assert.match(registry, /export type EventType = keyof typeof eventSchemas;/);
    assert.match(registry, /export type DeviceEvent = DeviceRegistered \| DeviceTagged;/);
    assert.match(registry, /export type CommandEvent = CommandRequested;/);
    assert.match(registry, /export type AnyEvent = CommandEvent \| DeviceEvent;/);
    assert.match(fileOf(files, 'index.ts'), /export \* from '\.\/types\/common\.js';/);
  });

  it('emits a type shared by several files once, taking docs from whichever copy has them', () => {
    const undocumented = { ...source, fields: [{ name: 'app', type: 'string' }] };
    const common = fileOf(generate([...schemas, event('tenant', 'TenantCreated', [], { source: undocumented })]), 'types/common.ts');
    assert.equal(common.match(/export interface EventSource \{/g)?.length, 1);
    assert.match(common, /\/\*\* App that recorded it\. \*\/\n {2}app: string;/);
  });

  it('maps a reference by name to the type defined earlier in the file', () => {
    const files = generate(schemas);
    assert.equal(fileOf(files, 'types/common.ts').match(/export type Protocol =/g)?.length, 1);
    assert.match(fileOf(files, 'types/device.ts'), / {2}previous: Protocol \| null;/);
  });

  it('fails with a coded error naming both files when a full name is defined differently', () => {
    const other = { ...source, fields: [...source.fields, { name: 'instance', type: 'string' }] };
    const error = codegenError(() => generate([...schemas, event('tenant', 'TenantCreated', [], { source: other })]));
    assert.equal(error.code, 'CODEGEN_CONFLICTING_DEFINITION');
    assert.deepEqual(error.files, ['command/CommandRequested.avsc', 'tenant/TenantCreated.avsc']);
    assert.match(error.message, /dev\.test\.common\.EventSource/);
  });

  it('counts a changed enum symbol order as a different definition (it changes the encoding)', () => {
    const reordered = { ...protocol, symbols: ['USP', 'CWMP'] };
    const error = codegenError(() => generate([...schemas, event('tenant', 'TenantCreated', [{ name: 'p', type: reordered }])]));
    assert.equal(error.code, 'CODEGEN_CONFLICTING_DEFINITION');
  });

  it('rejects two types that would get the same TypeScript name', () => {
    const clash = event('tenant', 'TenantCreated', [{ name: 'p', type: { ...protocol, namespace: 'dev.test.tenant' } }]);
    const error = codegenError(() => generate([...schemas, clash]));
    assert.equal(error.code, 'CODEGEN_NAME_CLASH');
    assert.match(error.message, /Protocol/);
  });

  it('rejects schema files outside the <context>/<RecordName>.avsc layout or not matching their record', () => {
    const [first] = schemas;
    assert.ok(first);
    assert.equal(codegenError(() => generate([{ ...first, path: 'DeviceRegistered.avsc' }])).code, 'CODEGEN_BAD_SCHEMA_PATH');
    assert.equal(codegenError(() => generate([{ ...first, path: 'device/Other.avsc' }])).code, 'CODEGEN_FILE_NAME_MISMATCH');
    assert.equal(codegenError(() => generate([{ path: 'device/Foo.avsc', json: 'string' }])).code, 'CODEGEN_EVENT_NOT_A_RECORD');
    assert.equal(
      codegenError(() => generate([{ path: 'device/Foo.avsc', json: { type: 'record', name: 'Foo', fields: [{ name: 'x', type: 'nope' }] } }])).code,
      'CODEGEN_INVALID_SCHEMA',
    );
  });

  it('gives namespaces ending the same way distinct modules', () => {
    const a = event('device', 'DeviceTagged', [{ name: 'x', type: { type: 'record', name: 'X', namespace: 'a.shared', fields: [] } }]);
    const b = event('command', 'CommandRequested', [{ name: 'y', type: { type: 'record', name: 'Y', namespace: 'b.shared', fields: [] } }]);
    const files = generate([a, b]).map((f) => f.file);
    assert.ok(files.includes('types/a-shared.ts') && files.includes('types/b-shared.ts'), files.join(', '));
  });

  it('escapes docs and strings so the output stays valid TypeScript', () => {
    const tricky = event('device', 'DeviceTagged', [{ name: 'tag', type: 'string', doc: "ends */ here, it's \"quoted\" \\ too" }], {
      doc: 'multi\nline */',
    });
    for (const { file, content } of generate([tricky])) {
      const { diagnostics = [] } = ts.transpileModule(content, { reportDiagnostics: true, fileName: file });
      assert.deepEqual(
        diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
        [],
        `${file} does not parse:\n${content}`,
      );
    }
    assert.match(fileOf(generate([tricky]), 'schemas/device.ts'), /doc: 'ends \*\/ here, it\\'s "quoted" \\\\ too'/);
  });

  it('still emits a valid registry when there are no schemas', () => {
    const registry = fileOf(generate([]), 'event-registry.ts');
    assert.match(registry, /export type AnyEvent = never;/);
    const { diagnostics = [] } = ts.transpileModule(registry, { reportDiagnostics: true });
    assert.equal(diagnostics.length, 0);
  });

  it('is deterministic: the same schemas in any order give identical output', () => {
    const expected = generate(schemas);
    fc.assert(
      fc.property(fc.shuffledSubarray(schemas, { minLength: schemas.length }), (shuffled) => {
        assert.deepEqual(generate(shuffled), expected);
      }),
      { numRuns: 20 },
    );
  });
});
