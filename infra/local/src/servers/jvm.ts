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
