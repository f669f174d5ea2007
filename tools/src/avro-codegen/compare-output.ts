// Compares freshly generated files with what is on disk; shared by `cli.ts --check` and the tests.
import { byString } from './collect.js';
import type { GeneratedFile } from './emit.js';

export interface OutputDrift {
  /** Expected files whose content on disk differs. */
  readonly stale: readonly string[];
  /** Expected files not on disk. */
  readonly missing: readonly string[];
  /** Files on disk that generation no longer produces. */
  readonly unexpected: readonly string[];
}

/** `onDisk` maps paths (relative to the generated folder) to their current content. */
export function compareOutput(expected: readonly GeneratedFile[], onDisk: ReadonlyMap<string, string>): OutputDrift {
  const expectedFiles = new Set(expected.map((f) => f.file));
  return {
    stale: expected.filter((f) => onDisk.has(f.file) && onDisk.get(f.file) !== f.content).map((f) => f.file),
    missing: expected.filter((f) => !onDisk.has(f.file)).map((f) => f.file),
    unexpected: [...onDisk.keys()].filter((f) => !expectedFiles.has(f)).sort(byString),
  };
}

export const hasDrift = (drift: OutputDrift): boolean =>
  drift.stale.length + drift.missing.length + drift.unexpected.length > 0;
