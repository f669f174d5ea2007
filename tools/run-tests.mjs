#!/usr/bin/env node
// Runs a project's tests with Node's own test runner (Node 20 takes no globs, so we list files).
// usage: node tools/run-tests.mjs <projectRoot> <unit|int|all>
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const [root, tier = 'all'] = process.argv.slice(2);
if (!root) {
  console.error('usage: run-tests.mjs <projectRoot> <unit|int|all>');
  process.exit(2);
}
const suffixes = { unit: ['.unit.spec.ts'], int: ['.int.spec.ts'], all: ['.unit.spec.ts', '.int.spec.ts'] }[tier];
if (!suffixes) {
  console.error(`unknown tier "${tier}"`);
  process.exit(2);
}

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (suffixes.some((s) => name.endsWith(s))) files.push(path);
  }
};
walk(root);
files.sort();
if (files.length === 0) {
  console.log(`${root}: no ${tier} tests`);
  process.exit(0);
}
// Integration tests share one stack: run files one after another so they do not race on topics.
const concurrency = tier === 'unit' ? [] : ['--test-concurrency=1'];
// Besides the readable report, a TAP copy lets `npm test` print one total for the whole workspace.
const reports = process.env.FLEETLOG_TEST_REPORTS;
const tap = reports ? ['--test-reporter=tap', `--test-reporter-destination=${join(reports, `${root.replaceAll('/', '_')}-${tier}.tap`)}`] : [];
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', ...tap, ...concurrency, ...files], {
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
