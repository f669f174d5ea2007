import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, found from this file's location (infra/local/src). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Where the local stack keeps downloads, configuration, data, logs and pid files.
 * Downloads live apart from data so that `reset` wipes data but keeps the (large) jars.
 */
export interface StackPaths {
  home: string;
  dist: string;
  conf: string;
  data: string;
  logs: string;
  run: string;
  maven: string;
}

export const stackPaths = (home: string): StackPaths => ({
  home,
  dist: join(home, 'dist'),
  conf: join(home, 'conf'),
  data: join(home, 'data'),
  logs: join(home, 'logs'),
  run: join(home, 'run'),
  maven: join(repoRoot, 'infra/local/maven'),
});
