// Runs checkEvolution for every schema in a repository's working tree against its git history,
// and reports schemas that existed in history but are gone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEvolution, type SchemaVersion } from './check-evolution.js';
import type { CompatProblem } from './errors.js';
import { Git } from './git-history.js';

export const SCHEMAS_DIR = 'schemas/avro';

export interface FileReport {
  /** Repository-relative path. */
  readonly path: string;
  /** Committed versions the working-tree file was checked against. */
  readonly versions: number;
  /** Paths the file had in older commits, when it was renamed. */
  readonly formerPaths: readonly string[];
  readonly problems: readonly (CompatProblem & { readonly oldPath?: string })[];
}

export interface RepositoryReport {
  readonly files: readonly FileReport[];
  /** Whether the clone is shallow, so older versions may be missing from the check. */
  readonly shallow: boolean;
}

export function checkRepository(dir: string): RepositoryReport {
  const git = Git.open(dir);
  const hasHead = git.hasHead();
  const current = listSchemas(git.root);
  const renamed = hasHead ? git.pendingRenames(SCHEMAS_DIR) : new Map<string, string>();
  const followed = new Set<string>();
  const files: FileReport[] = [];

  for (const path of current) {
    const history = hasHead ? git.history(renamed.get(path) ?? path) : [];
    const versions: (SchemaVersion & { path: string })[] = [];
    const problems: (CompatProblem & { oldPath?: string })[] = [];
    for (const { rev, path: oldPath } of history) {
      followed.add(oldPath);
      const text = git.show(rev, oldPath);
      if (text === undefined) continue;
      const json = parseJson(text);
      if (json.ok) versions.push({ rev, json: json.value, path: oldPath });
      else problems.push({ code: 'SCHEMA_OLD_VERSION_INVALID', severity: 'warning', rev, message: `skipped, not valid JSON: ${json.error}` });
    }

    const json = parseJson(readFileSync(join(git.root, path), 'utf8'));
    if (json.ok) {
      const pathAt = new Map(versions.map((v) => [v.rev, v.path]));
      for (const problem of checkEvolution(versions, json.value)) {
        const oldPath = problem.rev === undefined ? undefined : pathAt.get(problem.rev);
        problems.push({ ...problem, ...(oldPath !== undefined && oldPath !== path ? { oldPath } : {}) });
      }
    } else {
      problems.push({ code: 'SCHEMA_INVALID', severity: 'error', message: `not valid JSON: ${json.error}` });
    }
    const formerPaths = [...new Set(versions.map((v) => v.path))].filter((p) => p !== path);
    files.push({ path, versions: versions.length, formerPaths, problems });
  }

  if (hasHead) files.push(...deletedSchemas(git, new Set(current), followed));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, shallow: hasHead && git.isShallow() };
}

// A schema path that history knows but the working tree lacks, and that no current schema
// continues under a new name, was deleted.
function deletedSchemas(git: Git, current: ReadonlySet<string>, followed: ReadonlySet<string>): FileReport[] {
  return git
    .pathsEverCommitted(SCHEMAS_DIR)
    .filter((path) => path.endsWith('.avsc') && !current.has(path) && !followed.has(path))
    .map((path) => {
      const inWorkingTreeOnly = git.existsAtHead(path);
      const rev = inWorkingTreeOnly ? undefined : git.lastCommitTouching(path);
      const message =
        (inWorkingTreeOnly ? 'deleted in the working tree' : 'deleted in a commit') +
        '; events already on topics may still be written with it. Restore it (if it was renamed, stage the rename with git mv so it can be followed).';
      return { path, versions: 0, formerPaths: [], problems: [{ code: 'SCHEMA_DELETED', severity: 'error', message, ...(rev ? { rev } : {}) }] };
    });
}

function listSchemas(root: string, prefix = SCHEMAS_DIR): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.flatMap((entry) => {
    const path = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return listSchemas(root, path);
    return entry.isFile() && entry.name.endsWith('.avsc') ? [path] : [];
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
