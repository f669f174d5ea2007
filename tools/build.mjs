#!/usr/bin/env node
// Bundles one project into dist/<projectRoot>: apps from src/main.ts, libs from src/index.ts.
// Workspace libs are inlined (resolved through tsconfig paths); npm packages stay external.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = process.argv[2];
if (!root) {
  console.error('usage: build.mjs <projectRoot>');
  process.exit(2);
}
const candidates = ['src/main.ts', 'src/index.ts', 'src/cli.ts'];
for (const dir of existsSync(join(root, 'src')) ? readdirSync(join(root, 'src')) : []) candidates.push(`src/${dir}/cli.ts`);
const entries = candidates
  .map((e) => join(root, e))
  .filter((e) => existsSync(e));
if (entries.length === 0) {
  console.error(`${root}: nothing to build (no src/main.ts, src/index.ts or src/cli.ts among ${readdirSync(root).join(', ')})`);
  process.exit(1);
}
await build({
  entryPoints: entries,
  outdir: join('dist', root),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  packages: 'external',
  tsconfig: 'tsconfig.base.json',
  logLevel: 'warning',
});
console.log(`built ${entries.join(', ')} -> dist/${root}`);
