import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareOutput, hasDrift } from './compare-output.js';
import { GENERATED_DIR, readGenerated, writeGenerated } from './files.js';
import { HEADER } from './render.js';

const expected = [
  { file: 'a.ts', content: `${HEADER}\nexport type A = string;\n` },
  { file: 'types/b.ts', content: `${HEADER}\nexport type B = number;\n` },
];

describe('compareOutput', () => {
  it('reports no drift when the files on disk are exactly the expected ones', () => {
    const drift = compareOutput(expected, new Map(expected.map((f) => [f.file, f.content])));
    assert.equal(hasDrift(drift), false);
  });

  it('lists stale, missing and unexpected files separately', () => {
    const onDisk = new Map([
      ['a.ts', `${HEADER}\nexport type A = number;\n`],
      ['old.ts', `${HEADER}\n`],
    ]);
    const drift = compareOutput(expected, onDisk);
    assert.deepEqual(drift, { stale: ['a.ts'], missing: ['types/b.ts'], unexpected: ['old.ts'] });
    assert.equal(hasDrift(drift), true);
  });
});

describe('writeGenerated', () => {
  it('writes changed files, removes stale generated ones and leaves hand-written files alone', () => {
    const root = mkdtempSync(join(tmpdir(), 'avro-codegen-'));
    try {
      const dir = join(root, GENERATED_DIR);
      mkdirSync(join(dir, 'gone'), { recursive: true });
      writeFileSync(join(dir, 'a.ts'), expected[0]?.content ?? '');
      writeFileSync(join(dir, 'gone', 'old.ts'), `${HEADER}\nexport {};\n`);
      writeFileSync(join(dir, 'notes.md'), 'hand-written\n');

      const result = writeGenerated(root, expected, readGenerated(root));

      assert.deepEqual(result, { written: ['types/b.ts'], removed: ['gone/old.ts'], foreign: ['notes.md'] });
      assert.equal(readFileSync(join(dir, 'types', 'b.ts'), 'utf8'), expected[1]?.content);
      assert.equal(existsSync(join(dir, 'gone')), false, 'emptied folder should be removed');
      assert.equal(readFileSync(join(dir, 'notes.md'), 'utf8'), 'hand-written\n');
      assert.equal(hasDrift(compareOutput(expected, readGenerated(root))), true, 'the foreign file still counts as unexpected');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
