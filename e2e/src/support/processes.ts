import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stackSettings } from '@fleetlog/events/testing';

// End-to-end tests drive the product from the outside: apps as processes, the stack through its CLI.
export const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const tsx = join(repoRoot, 'node_modules/.bin/tsx');

/**
 * The home of the checkout whose stack is running, from the Kafka JVM's marker
 * (-Dfleetlog.server=kafka@<home>): a test that stops and starts a server must do it there, so
 * the server comes back on its own data even when another checkout started it.
 */
const runningStackHome = (): string | undefined => {
  for (const pid of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const arg = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').find((a) => a.startsWith('-Dfleetlog.server=kafka@'));
      if (arg) return arg.slice('-Dfleetlog.server=kafka@'.length);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
};

// Remembered across calls: after `down kafka` no Kafka runs to tell whose stack it was.
let stackHome: string | undefined;

/** Runs `npm run stack -- <args>` (without npm's noise) against the running stack; fails loudly when it does. */
export const stack = (...args: string[]) => {
  stackHome = runningStackHome() ?? stackHome;
  const home = stackHome;
  const r = spawnSync(tsx, [join(repoRoot, 'infra/local/src/cli.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...(home ? { FLEETLOG_HOME: home } : {}) } });
  if (r.status !== 0) throw new Error(`stack ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

/** Starts an app's main.ts; resolves once a log line matches `ready`, with what that line said. */
export const startApp = (app: string, env: Record<string, string>, ready: RegExp): Promise<{ child: ChildProcess; line: string; stop: () => Promise<void> }> =>
  new Promise((resolvePromise, reject) => {
    // node --import tsx (not the tsx binary, which runs a second process): the pid is the app's own.
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'apps', app, 'src/main.ts')], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (ready.test(line)) resolvePromise({ child, line, stop });
    });
    createInterface({ input: child.stderr! }).on('line', (line) => lines.push(line));
    child.once('exit', (code) => reject(new Error(`${app} exited with ${code} before it was ready:\n${lines.slice(-30).join('\n')}`)));
  });

/** The ACS as a process on a free port of 127.0.0.1, reaching the local stack; `extra` adds settings. */
export const startAcs = async (extra: Record<string, string>) => {
  const settings = stackSettings();
  const app = await startApp(
    'cwmp-ingress',
    {
      FLEETLOG_KAFKA_BROKERS: settings.brokers.join(','),
      FLEETLOG_SCHEMA_REGISTRY_URL: settings.registryUrl,
      FLEETLOG_CWMP_HOST: '127.0.0.1',
      FLEETLOG_CWMP_PORT: '0',
      ...extra,
    },
    /CWMP ACS listening/,
  );
  return { ...app, url: `http://127.0.0.1:${(JSON.parse(app.line) as { port: number }).port}/` };
};

/** The Postgres projector under its product name, so it shares offsets with any projector already running. */
export const startProjector = () => startApp('projector-postgres', { FLEETLOG_PROJECTOR_POSTGRES_METRICS_PORT: '0' }, /projector started/);

/** The GraphQL API as a process on a free port of 127.0.0.1; `extra` adds settings (auth). */
export const startApi = async (extra: Record<string, string>) => {
  const app = await startApp('graphql-api', { FLEETLOG_API_HOST: '127.0.0.1', FLEETLOG_API_PORT: '0', ...extra }, /GraphQL API listening/);
  return { ...app, url: `http://127.0.0.1:${(JSON.parse(app.line) as { port: number }).port}` };
};
