#!/usr/bin/env tsx
// The local stack: real Kafka (KRaft), Apicurio Registry, Cassandra, Postgres and Mosquitto on
// 127.0.0.1, without Docker. Usage: npm run stack -- <up|down|status|logs|reset|provision|env>
import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { contextFromEnv } from './context.js';
import { StackError } from './errors.js';
import { tail } from './proc.js';
import { provision } from './provision/index.js';
import type { ServerName } from './server.js';
import { down, reset, servers, status, up } from './stack.js';
import { stackEnv } from './stack-env.js';

const started = Date.now();
const ctx = contextFromEnv(process.env, (server, message) => {
  const t = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`${t}s  ${server.padEnd(9)}  ${message}`);
});

const printEndpoints = () => {
  console.log('\nFleetlog local stack is ready:');
  for (const s of servers) for (const [what, where] of Object.entries(s.endpoints(ctx))) console.log(`  ${what.padEnd(32)} ${where}`);
  console.log(`  ${'Logs'.padEnd(32)} ${ctx.paths.logs}`);
  console.log(`\nApps read these settings (npm run stack -- env prints them as shell exports).`);
};

const program = new Command('stack').description('Fleetlog local stack (no Docker)');

program
  .command('up')
  .description('install what is missing, start every server, wait for real health, provision topics, schemas and migrations')
  .option('--no-provision', 'only start the servers')
  .action(async (opts: { provision: boolean }) => {
    await up(ctx);
    if (opts.provision) await provision(ctx);
    // Health once more, now that there are schemas to look up and topics to produce to.
    const rows = await status(ctx);
    for (const r of rows) ctx.say('stack', `${r.name}: ${r.healthy ? 'healthy' : 'DOWN'} — ${r.detail}`);
    const down = rows.find((r) => !r.healthy);
    if (down) throw new StackError('STACK_SERVER_FAILED', `${down.name} is not healthy after provisioning: ${down.detail}`, down.name as ServerName, tail(servers.find((s) => s.name === down.name)!.logFile(ctx), 40));
    printEndpoints();
  });

program
  .command('provision')
  .description('create topics, register schemas and run migrations (safe to repeat)')
  .action(async () => provision(ctx));

program
  .command('down')
  .description('stop the servers this stack started (Kafka, registry, Cassandra), or just one')
  .argument('[server]', 'kafka|registry|cassandra')
  .action(async (server?: string) => down(ctx, server));

program
  .command('status')
  .description('health of every server; exit 1 if any is unhealthy')
  .action(async () => {
    const rows = await status(ctx);
    for (const r of rows) {
      const state = r.healthy ? 'healthy' : 'DOWN';
      const pid = r.pid ? `pid ${r.pid}` : r.managed ? '' : 'system service';
      console.log(`${r.name.padEnd(10)} ${state.padEnd(8)} ${pid.padEnd(16)} ${r.detail}`);
    }
    if (rows.some((r) => !r.healthy)) process.exitCode = 1;
  });

program
  .command('logs')
  .description('show the end of a server log (all servers without a name)')
  .argument('[server]', servers.map((s) => s.name).join('|'))
  .option('-n, --lines <n>', 'lines per log', '40')
  .option('-f, --follow', 'keep printing as the log grows')
  .action((name: string | undefined, opts: { lines: string; follow?: boolean }) => {
    const chosen = servers.filter((s) => !name || s.name === name);
    if (chosen.length === 0) throw new Error(`unknown server "${name}"`);
    if (opts.follow) {
      spawn('tail', ['-n', opts.lines, '-F', ...chosen.map((s) => s.logFile(ctx))], { stdio: 'inherit' });
      return;
    }
    for (const s of chosen) console.log(`==> ${s.name}: ${s.logFile(ctx)}\n${tail(s.logFile(ctx), Number(opts.lines))}\n`);
  });

program
  .command('reset')
  .description('stop the stack and wipe its data (Kafka log, Cassandra data, Fleetlog databases)')
  .option('--downloads', 'also delete the downloaded servers')
  .action(async (opts: { downloads?: boolean }) => reset(ctx, { downloads: Boolean(opts.downloads) }));

program
  .command('env')
  .description('print the settings apps and tests use to reach this stack, as shell exports')
  .action(() => {
    for (const [k, v] of Object.entries(stackEnv(ctx))) console.log(`export ${k}=${JSON.stringify(v)}`);
  });

program.parseAsync().catch((e: unknown) => {
  if (e instanceof StackError) {
    console.error(`\n✖ ${e.code}${e.server ? ` [${e.server}]` : ''}: ${e.message}`);
    if (e.logTail) console.error(`\n--- last lines of the ${e.server} log ---\n${e.logTail}\n---`);
  } else {
    console.error(`\n✖ ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  process.exit(1);
});
