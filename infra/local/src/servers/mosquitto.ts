import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { StackError } from '../errors.js';
import { argumentsOf, commandExists } from '../proc.js';
import type { Server, StackContext } from '../server.js';
import { aptInstall } from './system.js';

export const mqttUrl = (ctx: StackContext) => `mqtt://127.0.0.1:${ctx.ports.mosquitto}`;

/**
 * The development broker: loopback only and anonymous, as the rest of the local stack. Small
 * packets go out at once (TCP_NODELAY): with Nagle's algorithm every USP or MQTT request/answer
 * would wait for the peer's delayed ACK, some 40 ms per hop.
 */
const brokerConf = (ctx: StackContext) =>
  [
    '# Written by `npm run stack -- up`; changes are overwritten.',
    `listener ${ctx.ports.mosquitto} 127.0.0.1`,
    'allow_anonymous true',
    'set_tcp_nodelay true',
    // An ingress that acknowledges QoS 1 only once the events are on Kafka keeps many messages in
    // flight; 2.0.11 drops outgoing messages past its queue limits even below the receive maximum.
    'max_queued_messages 0',
    'max_queued_bytes 100000000',
    'persistence false',
    `log_dest file ${join(ctx.paths.logs, 'mosquitto.log')}`,
    '',
  ].join('\n');

/**
 * The stack takes a broker that already answers on its port. When that is the machine's own Mosquitto
 * (Debian starts one from /etc/mosquitto/mosquitto.conf when the package is installed), it lacks the
 * settings above; say so, since round trips and QoS 1 bursts behave differently there.
 */
const foreignConfiguration = (): string | undefined => {
  const confs = argumentsOf('mosquitto').map((args) => args[args.indexOf('-c') + 1] ?? '(no configuration file)');
  if (confs.length === 0 || confs.some((c) => c.endsWith('/.fleetlog/conf/mosquitto.conf'))) return undefined;
  return `not the stack's configuration but ${confs.join(', ')}: without set_tcp_nodelay and its queue limits, small round trips wait for delayed ACKs and QoS 1 bursts to the ingress can be dropped; stop that broker (systemctl stop mosquitto) and run up again to use the stack's`;
};

export const mosquitto: Server = {
  name: 'mosquitto',
  managed: false,
  startTimeoutSeconds: 30,
  port: (ctx) => ctx.ports.mosquitto,
  endpoints: (ctx) => ({ 'MQTT broker (Mosquitto)': mqttUrl(ctx) }),
  install: async (ctx) => {
    if (commandExists('mosquitto') || existsSync('/usr/sbin/mosquitto')) return;
    aptInstall(ctx, 'mosquitto', ['mosquitto', 'mosquitto-clients']);
  },
  start: async (ctx) => {
    const bin = existsSync('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : 'mosquitto';
    const conf = join(ctx.paths.conf, 'mosquitto.conf');
    mkdirSync(ctx.paths.conf, { recursive: true });
    mkdirSync(ctx.paths.logs, { recursive: true });
    writeFileSync(conf, brokerConf(ctx));
    ctx.say('mosquitto', `starting ${bin} -c ${conf}`);
    const r = spawnSync(bin, ['-d', '-c', conf], { stdio: 'inherit' });
    if (r.status !== 0) throw new StackError('STACK_SERVER_FAILED', `${bin} -d exited with ${r.status}`, 'mosquitto');
  },
  check: async (ctx) => {
    const client = await mqtt.connectAsync(mqttUrl(ctx), { connectTimeout: 2000, reconnectPeriod: 0, protocolVersion: 5, clientId: `fleetlog-stack-${process.pid}` });
    try {
      await client.publishAsync('fleetlog/health', `health ${new Date().toISOString()}`, { qos: 1 });
      const foreign = foreignConfiguration();
      return foreign === undefined ? 'published with QoS 1' : `published with QoS 1; ${foreign}`;
    } finally {
      await client.endAsync();
    }
  },
  pid: () => undefined,
  logFile: (ctx) => join(ctx.paths.logs, 'mosquitto.log'),
};
