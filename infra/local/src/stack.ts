import { existsSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './errors.js';
import { portOpen, removeFile, stopPid, tail } from './proc.js';
import { stackPaths } from './paths.js';
import type { Server, StackContext } from './server.js';
import { cassandra } from './servers/cassandra.js';
import { anyFleetlogJvm, pidFile } from './servers/jvm.js';
import { kafka } from './servers/kafka.js';
import { mosquitto } from './servers/mosquitto.js';
import { APP_DATABASE, dropDatabase, ensureDatabase, postgres, REGISTRY_DATABASE } from './servers/postgres.js';
import { registry } from './servers/registry.js';

/** Start order: the registry stores its schemas in Postgres. */
export const servers: Server[] = [postgres, mosquitto, kafka, registry, cassandra];
const managed = servers.filter((s) => s.managed);

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const check = async (ctx: StackContext, s: Server): Promise<{ ok: true; detail: string } | { ok: false; error: string }> => {
  try {
    return { ok: true, detail: await s.check(ctx) };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
};

const failed = (ctx: StackContext, s: Server, why: string) =>
  new StackError('STACK_SERVER_FAILED', `${s.name} failed to start: ${why}`, s.name, tail(s.logFile(ctx), 40));

/** Polls the server's real health check until it passes, its process dies, or time runs out. */
const waitHealthy = async (ctx: StackContext, s: Server): Promise<string> => {
  const started = Date.now();
  let lastError = '';
  let lastSaid = started;
  while (Date.now() - started < s.startTimeoutSeconds * 1000) {
    const r = await check(ctx, s);
    if (r.ok) return r.detail;
    lastError = r.error;
    if (s.managed && s.pid(ctx) === undefined) throw failed(ctx, s, 'the process exited');
    if (Date.now() - lastSaid >= 10_000) {
      ctx.say(s.name, `starting… ${Math.round((Date.now() - started) / 1000)}s`);
      lastSaid = Date.now();
    }
    await sleep(1000);
  }
  throw new StackError('STACK_HEALTH_TIMEOUT', `${s.name} was not healthy after ${s.startTimeoutSeconds}s: ${lastError}`, s.name, tail(s.logFile(ctx), 40));
};

/** Brings one server to health: reuse it if healthy, otherwise install and start it. */
const ensure = async (ctx: StackContext, s: Server): Promise<void> => {
  const first = await check(ctx, s);
  if (first.ok) {
    ctx.say(s.name, `healthy (${first.detail})`);
    return;
  }
  if (s.managed) {
    if (s.pid(ctx) === undefined) {
      if (await portOpen(s.port(ctx))) {
        throw new StackError('STACK_PORT_TAKEN', `port ${s.port(ctx)} is taken by a process that does not answer as ${s.name} (${first.error})`, s.name);
      }
      ctx.say(s.name, 'starting');
      await s.start(ctx);
    } else {
      ctx.say(s.name, 'already starting; waiting');
    }
  } else {
    await s.install(ctx);
    if (!(await portOpen(s.port(ctx)))) await s.start(ctx);
  }
  const detail = await waitHealthy(ctx, s);
  ctx.say(s.name, `healthy (${detail})`);
};

/**
 * Stops one JVM server and brings it back to health (used by failure tests). When the running
 * one was started by another checkout, it is restarted from that checkout's home, on its own
 * configuration and data. Returns both pids.
 */
export const restart = async (ctx: StackContext, name: 'kafka' | 'registry' | 'cassandra'): Promise<{ before: number; after: number }> => {
  const s = managed.find((x) => x.name === name)!;
  const found = anyFleetlogJvm(name);
  if (!found) throw new StackError('STACK_SERVER_FAILED', `no running ${name} started by Fleetlog to restart`, name);
  const owner: StackContext = found.home === ctx.paths.home ? ctx : { ...ctx, paths: stackPaths(found.home) };
  const before = found.pid;
  await stopPid(before, 60_000);
  removeFile(pidFile(owner, s.name));
  await ensure(owner, s);
  const after = s.pid(owner);
  if (after === undefined || after === before) throw new StackError('STACK_SERVER_FAILED', `${name} did not come back as a new process`, name);
  return { before, after };
};

export const up = async (ctx: StackContext): Promise<void> => {
  // System services first: the registry's storage lives in Postgres.
  for (const s of servers.filter((x) => !x.managed)) await ensure(ctx, s);
  for (const db of [APP_DATABASE, REGISTRY_DATABASE]) {
    if (await ensureDatabase(ctx, db)) ctx.say('postgres', `created database ${db}`);
  }
  // Downloads run side by side; each is a no-op once its folder is complete.
  await Promise.all(managed.map((s) => s.install(ctx)));
  const results = await Promise.allSettled(managed.map((s) => ensure(ctx, s)));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failures.length > 0) throw failures[0];
};

export const down = async (ctx: StackContext, only?: string): Promise<void> => {
  const chosen = [...managed].reverse().filter((s) => !only || s.name === only);
  if (only && chosen.length === 0) throw new StackError('STACK_SERVER_FAILED', `"${only}" is not a server this stack starts (kafka, registry, cassandra)`);
  for (const s of chosen) {
    const pid = s.pid(ctx);
    if (pid === undefined) {
      ctx.say(s.name, 'not running');
    } else {
      ctx.say(s.name, `stopping pid ${pid}`);
      const how = await stopPid(pid, 60_000);
      ctx.say(s.name, how === 'stopped' ? 'stopped' : 'did not stop in 60s; killed');
    }
    removeFile(pidFile(ctx, s.name));
  }
  if (!only) ctx.say('stack', 'Postgres and Mosquitto are system services shared with the machine; they keep running');
};

export interface ServerStatus {
  name: string;
  healthy: boolean;
  detail: string;
  pid?: number;
  managed: boolean;
  log: string;
}

export const status = async (ctx: StackContext): Promise<ServerStatus[]> =>
  Promise.all(
    servers.map(async (s) => {
      const r = await check(ctx, s);
      const pid = s.pid(ctx);
      return { name: s.name, healthy: r.ok, detail: r.ok ? r.detail : r.error, managed: s.managed, log: s.logFile(ctx), ...(pid ? { pid } : {}) };
    }),
  );

/** Stops the stack and wipes its data: Kafka log, Cassandra data, and Fleetlog's Postgres databases. */
export const reset = async (ctx: StackContext, opts: { downloads: boolean }): Promise<void> => {
  await down(ctx);
  for (const dir of [ctx.paths.data, ctx.paths.conf, ctx.paths.logs, ctx.paths.run, ...(opts.downloads ? [ctx.paths.dist] : [])]) {
    if (existsSync(dir)) {
      rmSync(dir, { recursive: true, force: true });
      ctx.say('stack', `removed ${dir}`);
    }
  }
  if ((await check(ctx, postgres)).ok) {
    for (const db of [APP_DATABASE, REGISTRY_DATABASE]) {
      await dropDatabase(ctx, db);
      ctx.say('postgres', `dropped database ${db}`);
    }
  }
};
