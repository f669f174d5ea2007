// Usage (from the repo root): tsx tools/src/schema-compat/cli.ts [--repo <dir>]
// Checks every schemas/avro/**/*.avsc in the working tree against each committed version of it
// (BACKWARD_TRANSITIVE: the new schema must read data written with any older one).
// Exit codes: 0 compatible, 1 problems found, 2 the check could not run (usage, git).
import { checkRepository, SCHEMAS_DIR, type FileReport } from './check-repository.js';
import { SchemaCompatError } from './errors.js';

function parseArgs(args: readonly string[]): { repo: string } {
  let repo = process.cwd();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = args[i + 1];
    if (arg === '--repo' && value !== undefined) {
      repo = value;
      i++;
    } else {
      throw new SchemaCompatError('SCHEMA_COMPAT_USAGE', `unexpected argument ${arg ?? ''}\nusage: tsx tools/src/schema-compat/cli.ts [--repo <dir>]`);
    }
  }
  return { repo };
}

const short = (rev: string): string => rev.slice(0, 10);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function describe(file: FileReport): string {
  if (file.problems.some((p) => p.code === 'SCHEMA_DELETED')) return file.path;
  const renamed = file.formerPaths.length > 0 ? `, formerly ${file.formerPaths.join(', ')}` : '';
  const against = file.versions === 0 ? 'new, no committed versions' : `against ${plural(file.versions, 'committed version')}`;
  return `${file.path} (${against}${renamed})`;
}

function main(args: readonly string[]): number {
  const { repo } = parseArgs(args);
  const report = checkRepository(repo);
  console.log(`schema-compat: BACKWARD_TRANSITIVE check of ${SCHEMAS_DIR} in ${repo}`);
  if (report.shallow) {
    console.log('warning: shallow clone; versions older than the fetched history are not checked (fetch with full depth)');
  }

  let errors = 0;
  let failedFiles = 0;
  for (const file of report.files) {
    const fileErrors = file.problems.filter((p) => p.severity === 'error').length;
    const status = fileErrors > 0 ? 'FAIL' : file.problems.length > 0 ? 'warn' : 'ok';
    console.log(`  ${status.padEnd(4)}  ${describe(file)}`);
    for (const problem of file.problems) {
      const vs = problem.rev ? ` vs ${short(problem.rev)}${problem.oldPath ? ` (${problem.oldPath})` : ''}` : '';
      console.log(`        ${problem.severity} ${problem.code}${vs}: ${problem.message}`);
      for (const { path, detail } of problem.locations ?? []) {
        console.log(`          at ${path === '' ? '(root)' : path}${detail ? `: ${detail}` : ''}`);
      }
    }
    errors += fileErrors;
    if (fileErrors > 0) failedFiles++;
  }

  if (errors > 0) {
    console.log(`schema-compat: ${plural(errors, 'problem')} in ${plural(failedFiles, 'file')} of ${report.files.length}`);
    return 1;
  }
  console.log(`schema-compat: ${plural(report.files.length, 'schema')} compatible`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SchemaCompatError)) throw error;
  console.error(`schema-compat: ${error.message}`);
  process.exitCode = 2;
}
