import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import mqtt from 'mqtt';
import { StackError } from '../errors.js';
import { commandExists } from '../proc.js';
import type { Server, StackContext } from '../server.js';
import { aptInstall } from './system.js';

export const mqttUrl = (ctx: StackContext) => `mqtt://127.0.0.1:${ctx.ports.mosquitto}`;

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
    const conf = '/etc/mosquitto/mosquitto.conf';
    ctx.say('mosquitto', `starting ${bin}`);
    const r = spawnSync(bin, existsSync(conf) ? ['-d', '-c', conf] : ['-d'], { stdio: 'inherit' });
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
  logFile: () => '/var/log/mosquitto/mosquitto.log',
};
