import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request, type Agent, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { stackSettings } from '@fleetlog/events/testing';

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Runs a TypeScript entry point as its own process (as in production), reaching the local stack;
 * resolves with its first log line containing `ready` (and the `port` that line names, if any). FLEETLOG_BENCH_PROFILE=<dir>
 * writes a CPU profile of it there.
 */
export const spawnEntry = async (entry: string, env: Record<string, string>, ready: string): Promise<{ port: number; line: Record<string, unknown>; child: ChildProcess; stop: () => void }> => {
  const settings = stackSettings();
  const profile = process.env.FLEETLOG_BENCH_PROFILE;
  const child = spawn(process.execPath, [...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), '--import', 'tsx', join(process.cwd(), entry)], {
    env: { ...process.env, FLEETLOG_KAFKA_BROKERS: settings.brokers.join(','), FLEETLOG_SCHEMA_REGISTRY_URL: settings.registryUrl, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<Record<string, unknown>>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (text) => {
      if (text.includes(ready)) resolve(JSON.parse(text) as Record<string, unknown>);
    });
    child.once('exit', (c) => reject(new Error(`${entry} exited with ${c}`)));
  });
  return { port: Number(line['port'] ?? 0), line, child, stop: () => void child.kill('SIGTERM') };
};

/**
 * A closed loop: `concurrency` callers each run `op` back to back until `count` calls are done.
 * Returns each call's latency in ms, sorted, and the seconds the whole took.
 */
export const closedLoop = async (count: number, concurrency: number, op: (i: number) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> => {
  let next = 0;
  const latencies: number[] = [];
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const s = process.hrtime.bigint();
        await op(i);
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { latencies: latencies.sort((a, b) => a - b), seconds };
};

/** One HTTP request over a keep-alive agent to 127.0.0.1, with the answer's status, headers and body. */
export const httpCall = (
  agent: Agent,
  port: number,
  opts: { method?: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> =>
  new Promise((resolve, reject) => {
    const body = opts.body ?? '';
    const headers = { ...opts.headers, ...(opts.method === 'POST' ? { 'content-length': String(Buffer.byteLength(body)) } : {}) };
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });

/** CPU time (user + system) a process has used so far, in ms; from /proc, so Linux only. */
export const cpuMs = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
