import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchema } from './avro-schema.js';
import { logicalTypeNote, tsType } from './type-mapping.js';

/** Maps the type of field `f` in a one-field record, with named types shown by full name. */
function mapField(type: unknown, extraFields: unknown[] = []): string {
  const { defs } = parseSchema({ type: 'record', name: 'R', namespace: 'ns', fields: [...extraFields, { name: 'f', type }] });
  const field = defs.find((d) => d.fullName === 'ns.R')?.fields.at(-1);
  assert.ok(field);
  return tsType(field.type, (fullName) => `<${fullName}>`);
}

describe('Avro to TypeScript type mapping', () => {
  it('maps primitives', () => {
    assert.equal(mapField('string'), 'string');
    assert.equal(mapField('boolean'), 'boolean');
    assert.equal(mapField('int'), 'number');
    assert.equal(mapField('long'), 'number');
    assert.equal(mapField('float'), 'number');
    assert.equal(mapField('double'), 'number');
    assert.equal(mapField('bytes'), 'Buffer');
    assert.equal(mapField('null'), 'null');
    assert.equal(mapField({ type: 'string' }), 'string');
  });

  it('maps a timestamp-millis long to number and explains it as epoch millis', () => {
    const { defs } = parseSchema({
      type: 'record',
      name: 'R',
      fields: [{ name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } }],
    });
    const field = defs.find((d) => d.shortName === 'R')?.fields[0];
    assert.ok(field);
    assert.equal(tsType(field.type, String), 'number');
    assert.match(logicalTypeNote(field.type) ?? '', /Epoch milliseconds/);
  });

  it('keeps the logical-type note through a nullable union but not for plain types', () => {
    const { defs } = parseSchema({
      type: 'record',
      name: 'R',
      fields: [
        { name: 'at', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }] },
        { name: 'plain', type: 'long' },
      ],
    });
    const [at, plain] = defs.find((d) => d.shortName === 'R')?.fields ?? [];
    assert.ok(at && plain);
    assert.equal(tsType(at.type, String), 'number | null');
    assert.match(logicalTypeNote(at.type) ?? '', /Epoch milliseconds/);
    assert.equal(logicalTypeNote(plain.type), undefined);
  });

  it('maps null unions to `T | null` whichever side null is on', () => {
    assert.equal(mapField(['null', 'string']), 'string | null');
    assert.equal(mapField(['string', 'null']), 'string | null');
  });

  it('maps other unions to TypeScript unions and collapses members with the same TS type', () => {
    assert.equal(mapField(['null', 'string', 'int']), 'string | number | null');
    assert.equal(mapField(['int', 'long', 'double']), 'number');
  });

  it('maps arrays and maps, parenthesising union items', () => {
    assert.equal(mapField({ type: 'array', items: 'string' }), 'string[]');
    assert.equal(mapField({ type: 'array', items: ['null', 'string'] }), '(string | null)[]');
    assert.equal(mapField({ type: 'map', values: 'long' }), 'Record<string, number>');
    assert.equal(mapField({ type: 'map', values: { type: 'array', items: 'boolean' } }), 'Record<string, boolean[]>');
  });

  it('refers to named types by full name, resolving short names in the enclosing namespace', () => {
    const inline = { type: 'enum', name: 'Color', symbols: ['RED'] };
    assert.equal(mapField(inline), '<ns.Color>');
    assert.equal(mapField({ type: 'enum', name: 'Color', namespace: 'other', symbols: ['RED'] }), '<other.Color>');
    assert.equal(mapField('Color', [{ name: 'first', type: inline }]), '<ns.Color>');
    assert.equal(mapField({ type: 'array', items: { type: 'fixed', name: 'Md5', size: 16 } }), '<ns.Md5>[]');
  });
});
