import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { StackError } from '../errors.js';
import { commandExists } from '../proc.js';
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
      return 'published with QoS 1';
    } finally {
      await client.endAsync();
    }
  },
  pid: () => undefined,
  logFile: (ctx) => join(ctx.paths.logs, 'mosquitto.log'),
};
