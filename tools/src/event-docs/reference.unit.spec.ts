import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildReference, REFERENCE_PATH } from './cli.js';
import { typeName } from './render.js';

describe('event reference', () => {
  it('names Avro types the way a consumer reads them', () => {
    assert.equal(typeName(['null', 'string']), 'string?');
    assert.equal(typeName({ type: 'long', logicalType: 'timestamp-millis' }), 'timestamp-millis');
    assert.equal(typeName({ type: 'array', items: { type: 'record', name: 'ParameterValue', fields: [] } }), 'array<ParameterValue>');
    assert.equal(typeName({ type: 'enum', name: 'Protocol', symbols: ['CWMP', 'USP'] }), 'enum Protocol {CWMP, USP}');
  });

  it('is committed up to date with schemas/avro', () => {
    const root = process.cwd();
    assert.equal(readFileSync(join(root, REFERENCE_PATH), 'utf8'), buildReference(root), 'run `npm run docs:events`');
  });

  it('documents every payload field of every event', () => {
    const text = buildReference(process.cwd());
    assert.match(text, /### DeviceRegistered/);
    assert.match(text, /`payload\.identity\.serialNumber` \| string\? \|/);
    assert.match(text, /`payload\.samples\[\]\.value` \| double \|/);
  });
});
