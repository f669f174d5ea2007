import { spawnSync } from 'node:child_process';
import { StackError } from '../errors.js';
import { commandExists } from '../proc.js';
import type { ServerName, StackContext } from '../server.js';

let aptUpdated = false;

/** Installs Debian packages when a system service is missing (the machine runs as root). */
export const aptInstall = (ctx: StackContext, server: ServerName, packages: string[]): void => {
  if (!commandExists('apt-get')) {
    throw new StackError('STACK_INSTALL_FAILED', `${server} is not installed and apt-get is not available: install ${packages.join(' ')} yourself`, server);
  }
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const exec = (args: string[]) => {
    const [cmd, ...rest] = [...asRoot, ...args];
    const r = spawnSync(cmd!, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new StackError('STACK_INSTALL_FAILED', `${args.join(' ')} failed (exit ${r.status})`, server);
  };
  if (!aptUpdated) {
    ctx.say(server, 'apt-get update');
    exec(['apt-get', 'update', '-q']);
    aptUpdated = true;
  }
  ctx.say(server, `apt-get install ${packages.join(' ')}`);
  exec(['apt-get', 'install', '-y', '-q', ...packages]);
};
