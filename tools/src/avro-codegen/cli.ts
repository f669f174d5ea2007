// Usage (from the repo root): tsx tools/src/avro-codegen/cli.ts [--check]
// Writes libs/events/src/generated from schemas/avro. With --check nothing is written; exits 1
// when the generated files are stale, missing or left over, so CI proves they match the schemas.
// Exit codes: 0 up to date / written, 1 drift found by --check, 2 invalid schemas or usage.
import { compareOutput, hasDrift } from './compare-output.js';
import { CodegenError } from './errors.js';
import { GENERATED_DIR, loadSchemas, readGenerated, writeGenerated } from './files.js';
import { generate } from './generate.js';

function main(args: readonly string[]): number {
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`avro-codegen: unknown argument ${unknown.join(' ')}\nusage: tsx tools/src/avro-codegen/cli.ts [--check]`);
    return 2;
  }
  const root = process.cwd();
  const schemas = loadSchemas(root);
  const files = generate(schemas);
  const onDisk = readGenerated(root);

  if (args.includes('--check')) {
    const drift = compareOutput(files, onDisk);
    if (!hasDrift(drift)) {
      console.log(`avro-codegen: ${files.length} files in ${GENERATED_DIR} match ${schemas.length} schemas`);
      return 0;
    }
    for (const file of drift.stale) console.error(`stale:      ${GENERATED_DIR}/${file}`);
    for (const file of drift.missing) console.error(`missing:    ${GENERATED_DIR}/${file}`);
    for (const file of drift.unexpected) console.error(`unexpected: ${GENERATED_DIR}/${file}`);
    console.error('avro-codegen: generated files do not match schemas/avro; run `npx tsx tools/src/avro-codegen/cli.ts`');
    return 1;
  }

  const result = writeGenerated(root, files, onDisk);
  for (const file of result.written) console.log(`wrote   ${GENERATED_DIR}/${file}`);
  for (const file of result.removed) console.log(`removed ${GENERATED_DIR}/${file}`);
  for (const file of result.foreign) console.warn(`warning: ${GENERATED_DIR}/${file} was not generated; left in place`);
  console.log(`avro-codegen: ${files.length} files from ${schemas.length} schemas (${result.written.length} written, ${result.removed.length} removed)`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CodegenError)) throw error;
  console.error(`avro-codegen: ${error.message}`);
  process.exitCode = 2;
}
