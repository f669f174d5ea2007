// Proves libs/events/src/generated matches schemas/avro, so a schema edit without a regenerate
// fails the unit tests (and CI), not a consumer at run time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compareOutput, hasDrift } from './compare-output.js';
import { loadSchemas, readGenerated } from './files.js';
import { generate } from './generate.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

describe('committed generated output', () => {
  it('equals a fresh generation from schemas/avro', () => {
    const schemas = loadSchemas(repoRoot);
    assert.ok(schemas.length > 0, 'no schemas found under schemas/avro');
    const drift = compareOutput(generate(schemas), readGenerated(repoRoot));
    assert.equal(hasDrift(drift), false, `run \`npx tsx tools/src/avro-codegen/cli.ts\`; drift: ${JSON.stringify(drift)}`);
  });

  it('registers every schema file as an event', () => {
    const registry = readGenerated(repoRoot).get('event-registry.ts') ?? '';
    for (const { path } of loadSchemas(repoRoot)) {
      const [context, file] = path.split('/');
      const name = file?.replace(/\.avsc$/, '');
      assert.match(registry, new RegExp(`\\n  ${name}: \\{\\n    fullName: ${name}FullName,\\n    context: '${context}',`), path);
    }
  });

  it('passes `cli.ts --check` on the repository', () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', cli, '--check'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /match \d+ schemas/);
  });
});
