// Drives the real CLI against throwaway git repositories. Needs only git, no service stack.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
// Keep the developer's own git config (signing, hooks, templates) out of the test repositories,
// and stop git from finding an enclosing repository should the temp folder sit inside one.
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CEILING_DIRECTORIES: tmpdir(),
  LC_ALL: 'C',
};

const SCHEMA = 'schemas/avro/device/DeviceSeen.avsc';

function schema(extraFields: unknown[] = []): string {
  const json = {
    type: 'record',
    name: 'DeviceSeen',
    namespace: 'dev.test.device',
    fields: [
      { name: 'eventId', type: 'string' },
      { name: 'occurredAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'payload', type: { type: 'record', name: 'DeviceSeenPayload', fields: [{ name: 'deviceId', type: 'string' }, ...extraFields] } },
    ],
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function newRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'schema-compat-'));
  git(repo, 'init', '-q');
  git(repo, 'config', 'user.name', 'Schema Compat Test');
  git(repo, 'config', 'user.email', 'schema-compat@example.invalid');
  git(repo, 'config', 'commit.gpgsign', 'false');
  return repo;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function write(repo: string, path: string, content: string): void {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), content);
}

function commit(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD').trim();
}

function runCli(repo: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, '--repo', repo], { cwd: projectRoot, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('schema-compat CLI on a git repository', () => {
  let repo = '';
  let firstRev = '';
  before(() => {
    repo = newRepo();
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('accepts a new, uncommitted schema with nothing to check', () => {
    write(repo, SCHEMA, schema());
    git(repo, 'commit', '-q', '--allow-empty', '-m', 'empty start');
    const { status, output } = runCli(repo);
    assert.equal(status, 0, output);
    assert.match(output, /ok {4}schemas\/avro\/device\/DeviceSeen\.avsc \(new, no committed versions\)/);
  });

  it('passes once the schema is committed', () => {
    firstRev = commit(repo, 'add DeviceSeen');
    const { status, output } = runCli(repo);
    assert.equal(status, 0, output);
    assert.match(output, /DeviceSeen\.avsc \(against 1 committed version\)/);
  });

  it('fails on an incompatible change still in the working tree', () => {
    write(repo, SCHEMA, schema([{ name: 'site', type: 'string' }]));
    const { status, output } = runCli(repo);
    assert.equal(status, 1, output);
    assert.match(output, /FAIL {2}schemas\/avro\/device\/DeviceSeen\.avsc/);
  });

  it('fails on a committed incompatible change, naming the file, the old revision and the field', () => {
    commit(repo, 'add site without default');
    const { status, output } = runCli(repo);
    assert.equal(status, 1, output);
    assert.match(output, /FAIL {2}schemas\/avro\/device\/DeviceSeen\.avsc \(against 2 committed versions\)/);
    assert.match(output, new RegExp(`error SCHEMA_INCOMPATIBLE vs ${firstRev.slice(0, 10)}: .*site.*\\n +at payload\\.site: new field without a default`));
  });

  it('passes again after a compatible change, committed or not', () => {
    write(repo, SCHEMA, schema([{ name: 'site', type: 'string', default: 'main' }]));
    const uncommitted = runCli(repo);
    assert.equal(uncommitted.status, 0, uncommitted.output);
    commit(repo, 'give site a default');
    const committed = runCli(repo);
    assert.equal(committed.status, 0, committed.output);
    assert.match(committed.output, /\(against 3 committed versions\)/);
  });

  it('follows a staged rename, then the committed one, and keeps checking the old versions', () => {
    git(repo, 'mv', SCHEMA, 'schemas/avro/device/DeviceSeenV.avsc');
    const staged = runCli(repo);
    assert.equal(staged.status, 0, staged.output);
    assert.match(staged.output, /DeviceSeenV\.avsc \(against 3 committed versions, formerly schemas\/avro\/device\/DeviceSeen\.avsc\)/);
    assert.doesNotMatch(staged.output, /SCHEMA_DELETED/);
    commit(repo, 'rename file');
    // Breaks compatibility with the first version only, which lives under the old name.
    write(repo, 'schemas/avro/device/DeviceSeenV.avsc', schema([{ name: 'site', type: 'string' }]));
    const { status, output } = runCli(repo);
    assert.equal(status, 1, output);
    assert.match(output, /DeviceSeenV\.avsc \(against 4 committed versions, formerly schemas\/avro\/device\/DeviceSeen\.avsc\)/);
    assert.match(output, new RegExp(`vs ${firstRev.slice(0, 10)} \\(schemas/avro/device/DeviceSeen\\.avsc\\)`));
    assert.doesNotMatch(output, /SCHEMA_DELETED/, 'a followed rename is not a deletion');
    git(repo, 'checkout', '-q', '--', 'schemas/avro/device/DeviceSeenV.avsc');
  });

  it('reports a deleted schema as an error, before and after the deletion is committed', () => {
    unlinkSync(join(repo, 'schemas/avro/device/DeviceSeenV.avsc'));
    const uncommitted = runCli(repo);
    assert.equal(uncommitted.status, 1, uncommitted.output);
    assert.match(uncommitted.output, /FAIL {2}schemas\/avro\/device\/DeviceSeenV\.avsc\n.*SCHEMA_DELETED.*deleted in the working tree/);
    commit(repo, 'delete schema');
    const committed = runCli(repo);
    assert.equal(committed.status, 1, committed.output);
    assert.match(committed.output, /error SCHEMA_DELETED vs [0-9a-f]{10}: deleted in a commit/);
  });
});

describe('schema-compat CLI edge cases', () => {
  it('does not give a new schema the history of an older one it resembles (copies are not renames)', () => {
    const repo = newRepo();
    try {
      write(repo, SCHEMA, schema([{ name: 'site', type: 'string', default: '' }]));
      commit(repo, 'add DeviceSeen');
      // Mostly the same lines (the shared envelope), another record: git may call it a copy or a rename.
      const twin = schema([{ name: 'site', type: 'string', default: '' }]).replaceAll('DeviceSeen', 'DeviceGone');
      write(repo, 'schemas/avro/device/DeviceGone.avsc', twin);
      commit(repo, 'add DeviceGone');
      write(repo, 'schemas/avro/device/DeviceGone.avsc', twin.replace('"deviceId"', '"deviceRef"'));
      commit(repo, 'rename a field of DeviceGone without alias');
      const { status, output } = runCli(repo);
      // DeviceGone is checked against its own two versions only, and its last change is incompatible.
      assert.equal(status, 1, output);
      assert.match(output, /DeviceGone\.avsc \(against 2 committed versions\)/);
      assert.doesNotMatch(output, /formerly/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('passes in a repository without commits', () => {
    const repo = newRepo();
    try {
      write(repo, SCHEMA, schema());
      const { status, output } = runCli(repo);
      assert.equal(status, 0, output);
      assert.match(output, /new, no committed versions/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('exits 2 with a coded error outside a git repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-compat-nogit-'));
    try {
      const { status, output } = runCli(dir);
      assert.equal(status, 2, output);
      assert.match(output, /SCHEMA_COMPAT_GIT_FAILED/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unknown argument', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', cli, '--bogus'], { cwd: projectRoot, env, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /SCHEMA_COMPAT_USAGE/);
  });
});
