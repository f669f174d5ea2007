import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runningPid, startDetached } from '../proc.js';
import type { ServerName, StackContext } from '../server.js';

/** Every JVM we start carries this marker so that `down` never signals a stranger's process. */
export const marker = (ctx: StackContext, name: ServerName) => `-Dfleetlog.server=${name}@${ctx.paths.home}`;

export const pidFile = (ctx: StackContext, name: ServerName) => join(ctx.paths.run, `${name}.pid`);
export const logFile = (ctx: StackContext, name: ServerName) => join(ctx.paths.logs, `${name}.log`);

export const jvmPid = (ctx: StackContext, name: ServerName) => runningPid(pidFile(ctx, name), marker(ctx, name));

export const startJvm = (ctx: StackContext, name: ServerName, jvmArgs: string[], cwd: string): number =>
  startDetached({
    name,
    command: ctx.java,
    args: [marker(ctx, name), ...jvmArgs],
    cwd,
    logFile: logFile(ctx, name),
    pidFile: pidFile(ctx, name),
  });

/**
 * A JVM of this server started by any Fleetlog checkout on this machine, with the home that
 * started it (from the marker). Failure tests restart a server they reuse from its own home, so
 * that it comes back on its own data.
 */
export const anyFleetlogJvm = (name: ServerName): { pid: number; home: string } | undefined => {
  const prefix = `-Dfleetlog.server=${name}@`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const arg = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').find((a) => a.startsWith(prefix));
      if (arg) return { pid: Number(entry), home: arg.slice(prefix.length) };
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
};
