import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './errors.js';

/** Starts a long-running server detached from this process, its output appended to logFile. */
export const startDetached = (opts: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  logFile: string;
  pidFile: string;
  env?: NodeJS.ProcessEnv;
}): number => {
  mkdirSync(join(opts.pidFile, '..'), { recursive: true });
  mkdirSync(join(opts.logFile, '..'), { recursive: true });
  const fd = openSync(opts.logFile, 'a');
  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    detached: true,
    stdio: ['ignore', fd, fd],
    env: { ...process.env, ...opts.env },
  });
  closeSync(fd);
  if (child.pid === undefined) throw new StackError('STACK_SERVER_FAILED', `could not spawn ${opts.command}`, opts.name);
  child.unref();
  writeFileSync(opts.pidFile, String(child.pid));
  return child.pid;
};

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pid recorded for a server, if that process still runs and is the one we started (marker in its command line). */
export const runningPid = (pidFile: string, marker: string): number | undefined => {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || !isAlive(pid)) return undefined;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(marker) ? pid : undefined;
  } catch {
    return undefined;
  }
};

/** The argument lists of the running processes whose program is `program` (from /proc, so Linux only). */
export const argumentsOf = (program: string): string[][] => {
  const found: string[][] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0]?.split('/').pop() === program) found.push(args.slice(1).filter((a) => a !== ''));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
};

/** SIGTERM, then SIGKILL after graceMs. */
export const stopPid = async (pid: number, graceMs: number): Promise<'stopped' | 'killed'> => {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return 'stopped';
  }
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    if (!isAlive(pid)) return 'stopped';
    await sleep(250);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  return 'killed';
};

export const removeFile = (path: string): void => rmSync(path, { force: true });

export const portOpen = (port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

/** Last `lines` lines of a log file (reads at most the last 64 KiB). */
export const tail = (file: string, lines = 30): string => {
  if (!existsSync(file)) return `(no log at ${file})`;
  const size = statSync(file).size;
  const length = Math.min(size, 64 * 1024);
  const buf = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  return buf.toString('utf8').split('\n').slice(-lines - 1).join('\n');
};

export const commandExists = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Runs a command to completion; throws a StackError with its output when it fails. */
export const run = (cmd: string, args: string[], opts: { cwd?: string; code?: 'STACK_INSTALL_FAILED' | 'STACK_DOWNLOAD_FAILED' | 'STACK_SERVER_FAILED'; server?: string } = {}): string => {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new StackError(opts.code ?? 'STACK_INSTALL_FAILED', `${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || r.stdout || '').slice(-2000)}`, opts.server);
  }
  return r.stdout;
};
