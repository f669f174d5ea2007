// File-system side of the generator: loading schemas and reading or writing the generated folder.
import { mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { byString, type SchemaSource } from './collect.js';
import type { GeneratedFile } from './emit.js';
import { CodegenError } from './errors.js';
import { HEADER } from './render.js';

export const SCHEMAS_DIR = 'schemas/avro';
export const GENERATED_DIR = 'libs/events/src/generated';

/** Every .avsc under <root>/schemas/avro, with paths relative to that folder. */
export function loadSchemas(root: string): SchemaSource[] {
  const base = join(root, SCHEMAS_DIR);
  return listFiles(base)
    .filter((path) => path.endsWith('.avsc'))
    .map((path) => {
      const text = readFileSync(join(base, path), 'utf8');
      try {
        return { path, json: JSON.parse(text) as unknown };
      } catch (error) {
        throw new CodegenError('CODEGEN_INVALID_JSON', `${SCHEMAS_DIR}/${path}: ${(error as Error).message}`, [path]);
      }
    });
}

/** Current content of the generated folder, keyed by path relative to it. */
export function readGenerated(root: string): Map<string, string> {
  const base = join(root, GENERATED_DIR);
  return new Map(listFiles(base).map((path) => [path, readFileSync(join(base, path), 'utf8')]));
}

export interface WriteResult {
  readonly written: readonly string[];
  readonly removed: readonly string[];
  /** Files in the generated folder that the generator did not write and so leaves alone. */
  readonly foreign: readonly string[];
}

/**
 * Brings the generated folder in line with `files`: writes only what changed (so timestamps
 * and watchers stay quiet) and removes generated files that are no longer produced.
 */
export function writeGenerated(root: string, files: readonly GeneratedFile[], onDisk: ReadonlyMap<string, string>): WriteResult {
  const base = join(root, GENERATED_DIR);
  const written: string[] = [];
  for (const { file, content } of files) {
    if (onDisk.get(file) === content) continue;
    mkdirSync(dirname(join(base, file)), { recursive: true });
    writeFileSync(join(base, file), content);
    written.push(file);
  }
  const expected = new Set(files.map((f) => f.file));
  const removed: string[] = [];
  const foreign: string[] = [];
  for (const [file, content] of onDisk) {
    if (expected.has(file)) continue;
    // Only delete what carries our header: anything else was put there by hand and is not ours.
    if (!content.startsWith(HEADER)) {
      foreign.push(file);
      continue;
    }
    rmSync(join(base, file));
    removeEmptyParents(base, dirname(join(base, file)));
    removed.push(file);
  }
  return { written, removed, foreign };
}

function removeEmptyParents(base: string, dir: string): void {
  for (let current = dir; current.startsWith(base + sep); current = dirname(current)) {
    if (readdirSync(current).length > 0) return;
    rmdirSync(current);
  }
}

// A plain walk rather than readdir's `recursive` option, whose Dirent paths vary across Node 20 minors.
function listFiles(base: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(join(base, prefix), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .flatMap((entry) => {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) return listFiles(base, path);
      return entry.isFile() ? [path] : [];
    })
    .sort(byString);
}
