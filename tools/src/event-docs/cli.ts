#!/usr/bin/env tsx
// Writes docs/EVENTS-REFERENCE.md from schemas/avro; `--check` only compares and exits 1 when stale.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENVELOPE_FIELDS, topics } from '@fleetlog/events';
import { renderReference, type SchemaFile } from './render.js';

const DAY = 24 * 60 * 60 * 1000;

export const buildReference = (root: string): string => {
  const dir = join(root, 'schemas/avro');
  const files: SchemaFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, name.name);
      if (name.isDirectory()) walk(p);
      else if (name.name.endsWith('.avsc')) files.push({ path: relative(dir, p), json: JSON.parse(readFileSync(p, 'utf8')) });
    }
  };
  walk(dir);
  const topicInfo = Object.values(topics).map((t) => ({
    name: t.name,
    context: t.context,
    key: t.key,
    retention: t.retentionMs < 0 ? 'forever' : `${Math.round(t.retentionMs / DAY)} days`,
    description: t.description,
  }));
  return renderReference(files, topicInfo, ENVELOPE_FIELDS) + '\n';
};

export const REFERENCE_PATH = 'docs/EVENTS-REFERENCE.md';

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const root = process.cwd();
  const text = buildReference(root);
  const target = join(root, REFERENCE_PATH);
  if (process.argv.includes('--check')) {
    const same = existsSync(target) && readFileSync(target, 'utf8') === text;
    console.log(same ? `${REFERENCE_PATH} is up to date` : `${REFERENCE_PATH} is stale: run npm run docs:events`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(target, text);
  console.log(`wrote ${REFERENCE_PATH}`);
}
