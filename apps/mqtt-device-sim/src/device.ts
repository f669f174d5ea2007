import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import type { NativePublish } from '@fleetlog/mqtt-vendors';
import { simulators, type SimulatedDevice } from '@fleetlog/mqtt-vendors/testing';
import { SimError } from './errors.js';
import { joinTopic, nativeOf, prefixOf } from './topics.js';

/** One publish the device made or received, on its full topic, with the native topic beside it. */
export interface SeenPublish {
  topic: string;
  nativeTopic: string;
  payload: Buffer;
  retain: boolean;
  at: number;
}

export interface MqttDeviceOptions {
  brokerUrl: string;
  tenantId: string;
  /** An adapter name with a simulator: generic, shelly or dji. */
  vendor: string;
  /** The MQTT client id, which is also the device's id in its native topics. */
  clientId: string;
  /**
   * Levels in front of every native topic. Default `fleetlog/<tenantId>/<vendor>`: what the ingress sees
   * behind a listener's mount point, and what devices must publish themselves on a broker that does not
   * mount (Mosquitto 2.0.11, see docs/MQTT.md). '' publishes native topics (a mounting broker adds them).
   */
  topicPrefix?: string;
  /** Period of telemetry reports; default the vendor's own (generic 60 s, Shelly 60 s, DJI 2 s); 0: only `tick()`. */
  telemetryIntervalMs?: number;
  seed?: number;
  username?: string;
  password?: string;
  /** Where problems go (a failed publish, a lost connection); silent by default. */
  onError?: (error: Error) => void;
}

export interface MqttDevice {
  readonly vendor: string;
  readonly clientId: string;
  /** The Fleetlog device id (`vendor:clientId`). */
  readonly deviceId: string;
  readonly tenantId: string;
  readonly simulated: SimulatedDevice;
  /** Every publish the device made, in order. */
  readonly published: SeenPublish[];
  /** Every downlink it received, in order. */
  readonly received: SeenPublish[];
  readonly connected: () => boolean;
  /** Connects with its last will, subscribes, and says what a real device says on connecting. */
  start: () => Promise<void>;
  /** One periodic report, now. */
  tick: () => Promise<void>;
  /** Publishes a raw payload on one of its native topics (for tests of hostile input). */
  publishRaw: (nativeTopic: string, payload: Buffer | string, options?: { qos?: 0 | 1; retain?: boolean }) => Promise<void>;
  /** A clean disconnect that still tells the world: MQTT 5 "disconnect with will message", as Shelly devices do. */
  stop: () => Promise<void>;
  /** Drops the connection without a DISCONNECT (power cut, lost network): the broker publishes the will. */
  kill: () => void;
  /** Clears the retained messages it left (identity, status), so a test leaves the broker as it found it. */
  forget: () => Promise<void>;
}

/** A simulated device of one vendor over real MQTT, with that vendor's behaviour from @fleetlog/mqtt-vendors/testing. */
export const createMqttDevice = (options: MqttDeviceOptions): MqttDevice => {
  const simulate = simulators[options.vendor];
  if (!simulate) throw new SimError('SIM_VENDOR_UNKNOWN', `no simulator for vendor ${JSON.stringify(options.vendor)}; known: ${Object.keys(simulators).join(', ')}`, false);
  const simulated = simulate({ clientId: options.clientId, seed: options.seed ?? 1 });
  const prefix = prefixOf(options.topicPrefix, options.tenantId, options.vendor);
  const intervalMs = options.telemetryIntervalMs ?? simulated.tickIntervalMs;
  const published: SeenPublish[] = [];
  const received: SeenPublish[] = [];
  const retained = new Set<string>();
  const onError = options.onError ?? (() => undefined);
  let client: MqttClient | undefined;
  let timer: NodeJS.Timeout | undefined;

  const send = async (c: MqttClient, publishes: readonly NativePublish[]) => {
    for (const p of publishes) {
      const topic = joinTopic(prefix, p.topic);
      const payload = Buffer.from(p.payload);
      await c.publishAsync(topic, payload, { qos: p.qos, retain: p.retain });
      published.push({ topic, nativeTopic: p.topic, payload, retain: p.retain, at: Date.now() });
      if (p.retain) retained.add(topic);
    }
  };
  const live = (): MqttClient => {
    if (!client) throw new SimError('SIM_NOT_STARTED', `device ${options.clientId} is not started`, false);
    return client;
  };
  const stopTicking = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  return {
    vendor: options.vendor,
    clientId: options.clientId,
    deviceId: simulated.deviceId,
    tenantId: options.tenantId,
    simulated,
    published,
    received,
    connected: () => client?.connected ?? false,
    start: async () => {
      const will = simulated.will;
      const connectOptions: IClientOptions = {
        protocolVersion: 5,
        clientId: options.clientId,
        clean: true,
        reconnectPeriod: 0,
        connectTimeout: 10_000,
        ...(options.username ? { username: options.username, password: options.password } : {}),
        ...(will ? { will: { topic: joinTopic(prefix, will.topic), payload: Buffer.from(will.payload), qos: will.qos, retain: will.retain } } : {}),
      };
      const c = await connectAsync(options.brokerUrl, connectOptions);
      // Answers go out at once, as on a device that answers promptly.
      (c.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      client = c;
      if (will?.retain) retained.add(joinTopic(prefix, will.topic));
      c.on('error', onError);
      c.on('message', (topic, payload, packet) => {
        const nativeTopic = nativeOf(prefix, topic);
        if (nativeTopic === undefined) return;
        received.push({ topic, nativeTopic, payload, retain: packet.retain, at: Date.now() });
        send(c, simulated.onDownlink(nativeTopic, payload, new Date())).catch(onError);
      });
      if (simulated.subscriptions.length > 0) await c.subscribeAsync(simulated.subscriptions.map((s) => joinTopic(prefix, s)), { qos: 1 });
      await send(c, simulated.connect(new Date()));
      if (intervalMs > 0) timer = setInterval(() => void send(c, simulated.tick(new Date())).catch(onError), intervalMs);
    },
    tick: () => send(live(), simulated.tick(new Date())),
    publishRaw: async (nativeTopic, payload, publishOptions = {}) => {
      const topic = joinTopic(prefix, nativeTopic);
      const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
      await live().publishAsync(topic, bytes, { qos: publishOptions.qos ?? 1, retain: publishOptions.retain ?? false });
      published.push({ topic, nativeTopic, payload: bytes, retain: publishOptions.retain ?? false, at: Date.now() });
      if (publishOptions.retain) retained.add(topic);
    },
    stop: async () => {
      stopTicking();
      const c = client;
      client = undefined;
      // Reason code 4: the broker publishes the will, as for a lost connection, but the session ends cleanly.
      if (c?.connected) await c.endAsync(false, { reasonCode: simulated.will ? 4 : 0 });
      else if (c) await c.endAsync(true);
    },
    kill: () => {
      stopTicking();
      const c = client;
      client = undefined;
      // Destroying the socket sends no DISCONNECT: the broker sees a lost connection and fires the will.
      c?.stream.destroy();
      c?.end(true);
    },
    forget: async () => {
      if (retained.size === 0) return;
      const c = await connectAsync(options.brokerUrl, {
        protocolVersion: 5,
        clientId: `${options.clientId}-forget`.slice(0, 200),
        clean: true,
        reconnectPeriod: 0,
        ...(options.username ? { username: options.username, password: options.password } : {}),
      });
      try {
        // An empty retained payload deletes the retained message.
        for (const topic of retained) await c.publishAsync(topic, Buffer.alloc(0), { qos: 1, retain: true });
        retained.clear();
      } finally {
        await c.endAsync();
      }
    },
  };
};
