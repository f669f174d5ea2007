#!/usr/bin/env node
// Entry point of `npm start` and `npm test`: everything a fresh machine needs, with no other step.
// Plain Node with no dependencies, because it runs before `npm ci` has.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const say = (msg) => console.log(`\n▶ ${msg}`);

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
};
const must = (cmd, args, opts) => {
  const status = run(cmd, args, opts);
  if (status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} exited with ${status}`);
    process.exit(status);
  }
};
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** npm dependencies: install when missing or older than the lock file. */
const ensureNodeModules = () => {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('installing npm dependencies (npm ci)');
  must('npm', ['ci', '--no-audit', '--no-fund']);
};

/** The JVM servers need a JDK 17 and Maven; a fresh Debian machine gets them from apt. */
const ensureJavaAndMaven = () => {
  const javaOk = has('java') && /version "17\./.test(spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr ?? '');
  if (javaOk && has('mvn')) return;
  if (!has('apt-get')) {
    console.error('✖ the local stack needs JDK 17 and Maven on the PATH (java -version must say 17)');
    process.exit(1);
  }
  const asRoot = process.getuid?.() === 0;
  const apt = (...args) => must(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['-n', 'apt-get', ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  say('installing JDK 17 and Maven from Debian packages');
  apt('update', '-q');
  apt('install', '-y', '-q', 'openjdk-17-jdk-headless', 'maven');
};

const stack = (args) => run(bin('tsx'), [join(root, 'infra/local/src/cli.ts'), ...args]);

/** Settings every app and test reads to reach the stack, as printed by `stack env`. */
const stackEnv = () => {
  const r = spawnSync(bin('tsx'), [join(root, 'infra/local/src/cli.ts'), 'env'], { cwd: root, encoding: 'utf8' });
  const env = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^export (\w+)=(.*)$/.exec(line);
    if (m) env[m[1]] = JSON.parse(m[2]);
  }
  return env;
};

const apps = () =>
  existsSync(join(root, 'apps'))
    ? readdirSync(join(root, 'apps')).filter((a) => existsSync(join(root, 'apps', a, 'src', 'main.ts')))
    : [];

const start = () => {
  ensureNodeModules();
  ensureJavaAndMaven();
  say('bringing the local stack up');
  if (stack(['up']) !== 0) process.exit(1);
  const names = apps();
  if (names.length === 0) {
    say('no apps yet: the stack is up and provisioned. Stop it with `npm run stack -- down`.');
    return;
  }
  const logs = join(root, '.fleetlog', 'logs', 'apps');
  mkdirSync(logs, { recursive: true });
  // The demo: a single-tenant ACS whose CPE credentials match the simulator's defaults, unless set.
  const env = { FLEETLOG_CWMP_USERNAME: 'fleetlog', FLEETLOG_CWMP_PASSWORD: 'fleetlog', ...process.env, ...stackEnv() };
  const children = names.map((name) => {
    const child = spawn(bin('tsx'), [join(root, 'apps', name, 'src', 'main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const prefix = `[${name}] `;
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => process.stdout.write(d.toString().replace(/^(?=.)/gm, prefix)));
    child.on('exit', (code) => console.log(`${prefix}exited with ${code}`));
    return child;
  });
  say(`running ${names.join(', ')}; Ctrl-C stops them (the stack keeps running: npm run stack -- down)`);
  if (names.includes('cwmp-ingress')) {
    console.log('  CWMP ACS (point CPEs here)      http://127.0.0.1:7547/   user fleetlog / password fleetlog (tenant "default")');
  }
  if (names.includes('device-sim')) console.log('  Simulated CPEs                   5 TR-181 gateways informing the ACS (FLEETLOG_SIM_COUNT)');
  if (names.includes('graphql-api')) {
    console.log('  GraphQL API (GraphiQL)           http://127.0.0.1:4000/graphiql   a token: npm run token -- --tenant default --roles admin');
  }
  if (names.includes('usp-ingress')) console.log('  USP controller (MQTT)            agents publish to usp/controller/<tenant>/<endpoint id>; controller proto::fleetlog-controller');
  if (names.includes('usp-agent-sim')) console.log('  Simulated USP agents             5 TR-181 agents of tenant "default" (FLEETLOG_USP_SIM_COUNT)');
  if (names.includes('mqtt-ingress')) console.log('  MQTT ingress metrics             http://127.0.0.1:9465/metrics  /health');
  if (names.includes('mqtt-device-sim')) console.log('  Simulated MQTT devices           generic, Shelly and DJI devices publishing under fleetlog/default/<vendor>/...');
  if (names.includes('projector-postgres')) console.log('  Postgres projector metrics       http://127.0.0.1:9463/metrics  /health');
  if (names.includes('projector-cassandra')) console.log('  Cassandra projector metrics      http://127.0.0.1:9464/metrics  /health');
  console.log('  Events                           npm run stack -- env, then any Kafka client on fleetlog.device.events');
  const stopAll = () => children.forEach((c) => c.kill('SIGTERM'));
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
};

/** Counts from every project's TAP report, printed as one closing line. */
const summarize = (reports) => {
  let pass = 0;
  let fail = 0;
  let skipped = 0;
  for (const file of existsSync(reports) ? readdirSync(reports) : []) {
    const text = readFileSync(join(reports, file), 'utf8');
    pass += Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
    fail += Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
    skipped += Number(/^# skipped (\d+)/m.exec(text)?.[1] ?? 0) + Number(/^# todo (\d+)/m.exec(text)?.[1] ?? 0);
  }
  return { pass, fail, skipped };
};

const test = () => {
  ensureNodeModules();
  ensureJavaAndMaven();
  say('bringing the local stack up (integration tests use the real servers)');
  if (stack(['up']) !== 0) process.exit(1);
  const reports = join(root, 'tmp', 'test-reports');
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(reports, { recursive: true });
  const env = { ...process.env, ...stackEnv(), FLEETLOG_TEST_REPORTS: reports, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  say('schema evolution: every .avsc against all of its committed versions');
  const compat = run(bin('tsx'), ['tools/src/schema-compat/cli.ts'], { env });
  say('typecheck, lint and tests of every project');
  const nx = run(bin('nx'), ['run-many', '-t', 'typecheck', 'lint', 'test', '--outputStyle=stream', '--skipNxCache'], { env });
  const { pass, fail, skipped } = summarize(reports);
  console.log(`\n${pass} passed, ${fail} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(compat || nx || (fail > 0 ? 1 : 0));
};

const [command = 'start', ...rest] = process.argv.slice(2);
switch (command) {
  case 'start':
    start();
    break;
  case 'test':
    test();
    break;
  case 'stack':
  case 'provision':
    ensureNodeModules();
    if (rest[0] === 'up' || command === 'provision') ensureJavaAndMaven();
    process.exit(stack(command === 'provision' ? ['provision'] : rest));
    break;
  case 'bench':
    ensureNodeModules();
    ensureJavaAndMaven();
    if (stack(['up']) !== 0) process.exit(1);
    process.exit(run(bin('tsx'), [join(root, 'bench/src/cli.ts'), ...rest], { env: { ...process.env, ...stackEnv() } }));
    break;
  default:
    console.error(`unknown command "${command}": use start, test, stack, provision or bench`);
    process.exit(2);
}
