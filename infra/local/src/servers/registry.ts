import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StackError } from '../errors.js';
import { installedMarker, mvn } from '../maven.js';
import { run } from '../proc.js';
import type { Server, StackContext } from '../server.js';
import { jvmPid, logFile, startJvm } from './jvm.js';
import { postgresAdminUrl, REGISTRY_DATABASE } from './postgres.js';

/**
 * Apicurio Registry 3.0.9: the newest 3.x whose server archive is on Maven Central and runs on
 * JDK 17 (3.1.x archives are not published there; 3.2+ needs Java 21). Serves the
 * Confluent-compatible API under /apis/ccompat/v7 and stores schemas in Postgres, so schema ids
 * survive restarts.
 */
export const REGISTRY_VERSION = '3.0.9';
const ARTIFACT_PATH = `io/apicurio/apicurio-registry-app/${REGISTRY_VERSION}/apicurio-registry-app-${REGISTRY_VERSION}-all.tar.gz`;

export const registryUrl = (ctx: StackContext) => `http://127.0.0.1:${ctx.ports.registry}/apis/ccompat/v7`;

/**
 * The archive's POM names a parent that is not on Maven Central, so dependency:unpack cannot
 * resolve it; wagon's download-single fetches the file itself from the same repository, and we
 * verify it against the published SHA-1. The archive is kept in the local Maven repository too,
 * so other checkouts on this machine install offline.
 */
const fetchArchive = async (ctx: StackContext): Promise<string> => {
  const m2 = join(ctx.m2Repo, ARTIFACT_PATH);
  if (existsSync(m2) && existsSync(`${m2}.sha1`) && sha1Ok(m2)) return m2;
  const download = join(ctx.paths.dist, 'downloads');
  mkdirSync(download, { recursive: true });
  const archive = join(download, `apicurio-registry-app-${REGISTRY_VERSION}-all.tar.gz`);
  for (const [from, to] of [[ARTIFACT_PATH, archive], [`${ARTIFACT_PATH}.sha1`, `${archive}.sha1`]] as const) {
    ctx.say('registry', `fetching ${from.split('/').pop()} from Maven Central`);
    await mvn(ctx, 'registry', ['org.codehaus.mojo:wagon-maven-plugin:2.0.2:download-single', '-Dwagon.url=https://repo.maven.apache.org/maven2', `-Dwagon.fromFile=${from}`, `-Dwagon.toFile=${to}`], download);
  }
  if (!sha1Ok(archive)) throw new StackError('STACK_CHECKSUM_MISMATCH', `${archive} does not match its published SHA-1`, 'registry');
  mkdirSync(dirname(m2), { recursive: true });
  copyFileSync(archive, m2);
  copyFileSync(`${archive}.sha1`, `${m2}.sha1`);
  return archive;
};

const sha1Ok = (file: string) => {
  const expected = readFileSync(`${file}.sha1`, 'utf8').trim().split(/\s+/)[0];
  return createHash('sha1').update(readFileSync(file)).digest('hex') === expected;
};

export const registry: Server = {
  name: 'registry',
  managed: true,
  startTimeoutSeconds: 120,
  port: (ctx) => ctx.ports.registry,
  endpoints: (ctx) => ({
    'Schema registry (Confluent API)': registryUrl(ctx),
    'Schema registry UI/API': `http://127.0.0.1:${ctx.ports.registry}/apis/registry/v3`,
  }),
  install: async (ctx) => {
    const dir = join(ctx.paths.dist, 'registry');
    const marker = installedMarker(dir, REGISTRY_VERSION);
    if (marker.done()) return;
    const archive = await fetchArchive(ctx);
    mkdirSync(dir, { recursive: true });
    run('tar', ['xzf', archive, '-C', dir], { code: 'STACK_DOWNLOAD_FAILED', server: 'registry' });
    marker.mark();
  },
  start: async (ctx) => {
    const dir = join(ctx.paths.dist, 'registry');
    const pg = new URL(postgresAdminUrl(ctx));
    startJvm(
      ctx,
      'registry',
      [
        '-Xms256m',
        '-Xmx512m',
        `-Dquarkus.http.host=127.0.0.1`,
        `-Dquarkus.http.port=${ctx.ports.registry}`,
        '-Dapicurio.storage.kind=sql',
        '-Dapicurio.storage.sql.kind=postgresql',
        `-Dapicurio.datasource.url=jdbc:postgresql://${pg.hostname}:${pg.port || 5432}/${REGISTRY_DATABASE}`,
        `-Dapicurio.datasource.username=${decodeURIComponent(pg.username)}`,
        `-Dapicurio.datasource.password=${decodeURIComponent(pg.password)}`,
        // Re-registering an identical schema must return the same id.
        '-Dapicurio.ccompat.use-canonical-hash=true',
        '-Dapicurio.rest.deletion.artifact.enabled=true',
        '-jar',
        join(dir, `apicurio-registry-app-${REGISTRY_VERSION}-runner.jar`),
      ],
      dir,
    );
  },
  check: async (ctx) => {
    const ready = await fetch(`http://127.0.0.1:${ctx.ports.registry}/health/ready`, { signal: AbortSignal.timeout(3000) });
    if (!ready.ok) throw new Error(`/health/ready answered ${ready.status}`);
    const res = await fetch(`${registryUrl(ctx)}/subjects`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`GET /subjects answered ${res.status}`);
    const subjects = (await res.json()) as string[];
    const first = subjects[0];
    if (!first) return 'no subjects yet';
    const latest = await fetch(`${registryUrl(ctx)}/subjects/${encodeURIComponent(first)}/versions/latest`, { signal: AbortSignal.timeout(3000) });
    if (!latest.ok) throw new Error(`schema lookup of ${first} answered ${latest.status}`);
    const { id } = (await latest.json()) as { id: number };
    return `${subjects.length} subjects; looked up ${first} (id ${id})`;
  },
  pid: (ctx) => jvmPid(ctx, 'registry'),
  logFile: (ctx) => logFile(ctx, 'registry'),
};
