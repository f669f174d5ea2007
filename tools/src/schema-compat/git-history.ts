// Git side of the check: which versions of a schema were ever committed, and which schemas
// existed once but are gone. Every call pins the options it relies on so that user config
// (signatures, path quoting, colours, locale) cannot change the output we parse.
import { execFileSync } from 'node:child_process';
import { SchemaCompatError } from './errors.js';

export interface CommittedVersion {
  readonly rev: string;
  /** Path of the file at that commit; differs from the current path across renames. */
  readonly path: string;
}

export class Git {
  private constructor(readonly root: string) {}

  /** Opens the repository containing `dir`; fails with SCHEMA_COMPAT_GIT_FAILED when there is none. */
  static open(dir: string): Git {
    return new Git(run(dir, ['rev-parse', '--show-toplevel']).trim());
  }

  /** False in a repository without commits, where every file is new. */
  hasHead(): boolean {
    try {
      this.git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
      return true;
    } catch {
      return false;
    }
  }

  /** A shallow clone hides older versions, so the check would pass without checking them. */
  isShallow(): boolean {
    return this.git(['rev-parse', '--is-shallow-repository']).trim() === 'true';
  }

  /** Commits in which `path` existed, newest first, following renames. */
  history(path: string): CommittedVersion[] {
    const out = this.git(['log', '--follow', '--no-show-signature', '--format=%x00%H', '--name-status', '--', path]);
    const versions: CommittedVersion[] = [];
    let knownPath = path;
    for (const chunk of out.split('\0').slice(1)) {
      const [rev = '', ...lines] = chunk.split('\n');
      const entries = lines.filter((l) => l !== '').map((l) => l.split('\t'));
      // Merge commits list no files; the file then has the path we last saw (newer side).
      const entry = entries[0];
      if (entry?.[0] === 'D') continue;
      const at = entry ? (entry.at(-1) ?? knownPath) : knownPath;
      versions.push({ rev, path: at });
      // A copy (C…) was created in this commit from another file: its own history starts here.
      if (entry?.[0]?.startsWith('C')) break;
      if (entry?.[0]?.startsWith('R')) {
        const from = entry[1] ?? at;
        // --follow may also take a new file that resembles another (every schema shares the
        // envelope) for a rename. A real rename leaves no file behind: if the source still exists
        // in this commit, this file was created here and has no older history.
        if (this.show(rev, from) !== undefined) break;
        // For a rename (R100 old new) the older commits know the file by its old name.
        knownPath = from;
      } else {
        knownPath = at;
      }
    }
    return versions;
  }

  /** Content of `path` at `rev`, or undefined when it did not exist there. */
  show(rev: string, path: string): string | undefined {
    try {
      return this.git(['show', '--no-show-signature', `${rev}:${path}`]);
    } catch (error) {
      if (error instanceof SchemaCompatError && /does not exist|exists on disk, but not in/.test(error.message)) return undefined;
      throw error;
    }
  }

  /**
   * Renames between HEAD and the working tree that git can see (staged with `git mv` or
   * `git add`), new path -> old path, so an uncommitted rename is followed like a committed one.
   */
  pendingRenames(dir: string): Map<string, string> {
    const out = this.git(['diff', '-M', '--name-status', 'HEAD', '--', dir]);
    const renames = new Map<string, string>();
    for (const line of out.split('\n')) {
      const [status, from, to] = line.split('\t');
      if (status?.startsWith('R') && from !== undefined && to !== undefined) renames.set(to, from);
    }
    return renames;
  }

  /** Every path under `dir` that any commit reachable from HEAD added or changed. */
  pathsEverCommitted(dir: string): string[] {
    const out = this.git(['log', '--no-renames', '--no-show-signature', '--format=', '--name-only', '--', dir]);
    return [...new Set(out.split('\n').filter((l) => l !== ''))];
  }

  /** The newest commit touching `path` (for a deleted file: the commit that deleted it). */
  lastCommitTouching(path: string): string | undefined {
    const rev = this.git(['log', '-1', '--no-show-signature', '--format=%H', '--', path]).trim();
    return rev === '' ? undefined : rev;
  }

  existsAtHead(path: string): boolean {
    return this.show('HEAD', path) !== undefined;
  }

  private git(args: readonly string[]): string {
    return run(this.root, args);
  }
}

function run(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', ['-c', 'core.quotePath=false', '-c', 'color.ui=false', ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Error messages are matched above, so keep them in English.
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new SchemaCompatError('SCHEMA_COMPAT_GIT_FAILED', `git ${args.join(' ')} (in ${cwd}): ${stderr || (error as Error).message}`);
  }
}
