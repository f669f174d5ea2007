import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkEvolution } from './check-evolution.js';

const status = { type: 'enum', name: 'Status', symbols: ['ONLINE', 'OFFLINE', 'UNKNOWN'] };

const topFields = [
  { name: 'eventId', type: 'string' },
  { name: 'occurredAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
];

/** A small event in the shape of ours; `fields` are the payload fields, `top` patches the record. */
function schema(fields: unknown[], top: Record<string, unknown> = {}): unknown {
  return {
    type: 'record',
    name: 'DeviceSeen',
    namespace: 'dev.test.device',
    fields: [...topFields, { name: 'payload', type: { type: 'record', name: 'DeviceSeenPayload', fields } }],
    ...top,
  };
}

const v1Fields: unknown[] = [
  { name: 'deviceId', type: 'string' },
  { name: 'count', type: 'int' },
  { name: 'status', type: status },
  { name: 'note', type: ['null', 'string'], default: null },
];
const v1 = schema(v1Fields);
const withFields = (fields: unknown[]): unknown => schema(fields);
const replaceField = (name: string, field: unknown): unknown =>
  withFields(v1Fields.map((f) => ((f as { name: string }).name === name ? field : f)));

const check = (current: unknown, ...old: unknown[]) => checkEvolution(old.map((json, i) => ({ rev: `rev${i + 1}`, json })), current);

describe('checkEvolution: compatible changes pass', () => {
  const cases: [string, unknown][] = [
    ['no change', v1],
    ['adding a field with a default', withFields([...v1Fields, { name: 'site', type: 'string', default: 'main' }])],
    ['adding a nullable field defaulting to null', withFields([...v1Fields, { name: 'site', type: ['null', 'string'], default: null }])],
    ['removing a field', withFields(v1Fields.filter((f) => (f as { name: string }).name !== 'note'))],
    ['adding a union branch', replaceField('note', { name: 'note', type: ['null', 'string', 'int'], default: null })],
    ['making a field nullable', replaceField('deviceId', { name: 'deviceId', type: ['null', 'string'], default: null })],
    ['promoting int to long', replaceField('count', { name: 'count', type: 'long' })],
    ['promoting int to double', replaceField('count', { name: 'count', type: 'double' })],
    ['adding an enum symbol', replaceField('status', { name: 'status', type: { ...status, symbols: [...status.symbols, 'SLEEPING'] } })],
    [
      'removing an enum symbol when the enum has a default',
      replaceField('status', { name: 'status', type: { ...status, symbols: ['ONLINE', 'UNKNOWN'], default: 'UNKNOWN' } }),
    ],
    ['renaming a field with an alias', replaceField('deviceId', { name: 'device', type: 'string', aliases: ['deviceId'] })],
    ['renaming the record with an alias', schema(v1Fields, { name: 'DeviceObserved', aliases: ['DeviceSeen'] })],
    [
      'moving the record to a new namespace with an alias, nested types staying put',
      schema([], {
        namespace: 'dev.test.fleet',
        aliases: ['dev.test.device.DeviceSeen'],
        fields: [...topFields, { name: 'payload', type: { type: 'record', name: 'DeviceSeenPayload', namespace: 'dev.test.device', fields: v1Fields } }],
      }),
    ],
    ['changing only docs', schema(v1Fields, { doc: 'Now documented.' })],
  ];
  for (const [name, current] of cases) {
    it(name, () => assert.deepEqual(check(current, v1), []));
  }
});

describe('checkEvolution: incompatible changes fail', () => {
  const cases: [string, unknown, RegExp | undefined][] = [
    ['adding a field without a default', withFields([...v1Fields, { name: 'site', type: 'string' }]), /payload\.site/],
    ['changing a type from string to int', replaceField('deviceId', { name: 'deviceId', type: 'int' }), /payload\.deviceId/],
    ['changing int to string', replaceField('count', { name: 'count', type: 'string' }), /payload\.count/],
    ['removing an enum symbol that old data may use', replaceField('status', { name: 'status', type: { ...status, symbols: ['ONLINE', 'UNKNOWN'] } }), /payload\.status/],
    ['renaming a field without an alias', replaceField('deviceId', { name: 'device', type: 'string' }), /payload\.device/],
    ['renaming the record without an alias', schema(v1Fields, { name: 'DeviceObserved' }), undefined],
    [
      'renaming a nested record without an alias',
      schema([], { fields: [...topFields, { name: 'payload', type: { type: 'record', name: 'SeenPayload', fields: v1Fields } }] }),
      /^payload$/,
    ],
    [
      // Nested types inherit the namespace, so they move too and need aliases of their own.
      'moving the record to a new namespace with an alias but not its nested types',
      schema(v1Fields, { namespace: 'dev.test.fleet', aliases: ['dev.test.device.DeviceSeen'] }),
      /^payload$/,
    ],
    ['removing a union branch', replaceField('note', { name: 'note', type: 'string', default: '' }), /payload\.note/],
  ];

  for (const [name, current, at] of cases) {
    it(name, () => {
      const problems = check(current, v1);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      const [problem] = problems;
      assert.equal(problem?.code, 'SCHEMA_INCOMPATIBLE');
      assert.equal(problem?.severity, 'error');
      assert.equal(problem?.rev, 'rev1');
      assert.ok((problem?.message ?? '').length > 0, 'avsc reason should be carried');
      if (at) assert.match((problem?.locations ?? []).map((l) => l.path).join(', '), at);
    });
  }
});

describe('checkEvolution: transitivity and bad input', () => {
  it('checks against every earlier version, not only the latest', () => {
    const v2 = withFields([...v1Fields, { name: 'site', type: 'string', default: 'main' }]);
    // v3 drops the default: it can read v2 data (site present) but not v1 data.
    const v3 = withFields([...v1Fields, { name: 'site', type: 'string' }]);
    const problems = checkEvolution(
      [
        { rev: 'v2', json: v2 },
        { rev: 'v1', json: v1 },
      ],
      v3,
    );
    assert.deepEqual(
      problems.map((p) => [p.rev, p.code, p.locations?.map((l) => l.path)]),
      [['v1', 'SCHEMA_INCOMPATIBLE', ['payload.site']]],
    );
  });

  it('locates every incompatible field, with reasons avsc leaves out', () => {
    const current = withFields([
      { name: 'deviceId', type: 'string' },
      { name: 'count', type: 'int' },
      { name: 'status', type: { ...status, symbols: ['ONLINE', 'UNKNOWN'] } },
      { name: 'note', type: ['string', 'int'], default: '' },
      { name: 'site', type: 'string' },
    ]);
    const [problem] = check(current, v1);
    assert.deepEqual(problem?.locations, [
      { path: 'payload.status', detail: 'enum symbols OFFLINE are gone and the enum has no default' },
      { path: 'payload.note', detail: 'old union branch null matches no new branch' },
      { path: 'payload.site', detail: 'new field without a default' },
    ]);
  });

  it('reports every failing version, also when they share the same text', () => {
    const current = withFields([...v1Fields, { name: 'site', type: 'string' }]);
    const problems = check(current, v1, v1);
    assert.deepEqual(
      problems.map((p) => p.rev),
      ['rev1', 'rev2'],
    );
  });

  it('flags an invalid current schema as an error', () => {
    const problems = check({ type: 'record', name: 'X', fields: [{ name: 'a', type: 'nope' }] }, v1);
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity]),
      [['SCHEMA_INVALID', 'error']],
    );
  });

  it('skips an old version that is not valid Avro with a warning, since nothing could be written with it', () => {
    const problems = check(v1, { type: 'record', name: 'X', fields: [{ name: 'a', type: 'nope' }] });
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.rev]),
      [['SCHEMA_OLD_VERSION_INVALID', 'warning', 'rev1']],
    );
  });

  it('has nothing to check for a schema without history', () => {
    assert.deepEqual(check(v1), []);
  });
});
