import mqtt, { type IClientOptions, type IPublishPacket, type MqttClient, type Packet } from 'mqtt';
import type { Logger } from '@fleetlog/events';
import type { NativePublish } from '@fleetlog/mqtt-vendors';
import type { Incoming } from './uplink/records.js';

/** Marks what the ingress publishes (downlinks, replies), so its own messages are never taken for a device's. */
export const ORIGIN_PROPERTY = 'fleetlog-origin';
export const ORIGIN = 'mqtt-ingress';

/** Acknowledges one message to the broker (a QoS 1 PUBACK); a no-op for QoS 0. Idempotent. */
export type Ack = () => void;

export interface MqttLinkOptions {
  url: string;
  clientId: string;
  username?: string | undefined;
  password?: string | undefined;
  sessionExpirySeconds: number;
  receiveMaximum: number;
  logger: Logger;
  /** Each message from the broker, in order. The ack goes out once `ack` is called, not before. */
  onMessage: (message: Incoming, ack: Ack) => void;
  /** A message the ingress itself published, seen again through a shared subscription. */
  onOwn: () => void;
}

const nothingToAck: Ack = () => undefined;

type SendPacket = (packet: Packet, cb?: () => void, cbStorePut?: unknown, noStore?: unknown) => void;

/** One held PUBACK: sent when its message's events are durable, dropped if the connection it belongs to ends. */
interface Held {
  released: boolean;
  puback: Packet | undefined;
}

/**
 * The broker connection, with two things mqtt.js does not do on its own:
 * - A QoS 1 message is acknowledged only once its events are on Kafka, while later messages keep flowing
 *   (up to the receive maximum): mqtt.js sends the PUBACK when the handler returns, so it is held back here
 *   and sent later, in order. Unacknowledged messages of a persistent session come again after a crash.
 * - Backpressure: while paused, the handler does not return, so mqtt.js stops reading the socket and the
 *   broker queues for us.
 */
export const createMqttLink = (opts: MqttLinkOptions) => {
  const persistent = opts.sessionExpirySeconds > 0;
  const options: IClientOptions = {
    protocolVersion: 5,
    clientId: opts.clientId,
    clean: !persistent,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    properties: { receiveMaximum: opts.receiveMaximum, ...(persistent ? { sessionExpiryInterval: opts.sessionExpirySeconds } : {}) },
    ...(opts.username ? { username: opts.username, password: opts.password } : {}),
  };
  const client: MqttClient = mqtt.connect(opts.url, options);
  const held = new Map<number, Held>();
  /** Packet ids whose PUBACK goes out at the end of this tick. */
  let released: number[] = [];
  let generation = 0;
  let paused = false;
  let withheld: (() => void) | undefined;

  // Acknowledgements, downlinks and replies are small: out at once, not after the broker's delayed ACK.
  client.on('connect', () => (client.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true));
  client.on('error', (e) => opts.logger.warn({ err: e.message }, 'MQTT error'));
  client.on('offline', () => opts.logger.warn({}, 'MQTT broker unreachable; reconnecting'));
  client.on('close', () => {
    // Acknowledgements of a connection that ended must not reach the next one: the broker sends those
    // messages again (same packet ids) on a persistent session.
    generation += 1;
    held.clear();
    released = [];
  });

  // mqtt.js's private send: the only place a PUBACK can be held back. Pinned by the mqtt dependency's version.
  const internals = client as unknown as { _sendPacket: SendPacket };
  const sendPacket: SendPacket = internals._sendPacket.bind(client);
  internals._sendPacket = (packet, cb, cbStorePut, noStore) => {
    if (packet.cmd === 'puback' && packet.messageId !== undefined) {
      const hold = held.get(packet.messageId);
      if (hold && !hold.released) {
        hold.puback = packet;
        cb?.();
        return;
      }
      held.delete(packet.messageId);
    }
    sendPacket(packet, cb, cbStorePut, noStore);
  };

  // Acknowledgements released together (a Kafka batch became durable) leave in one socket write: a
  // successful PUBACK without properties is four bytes (MQTT 5 3.4.2.1 lets it omit its reason code).
  const writeReleased = () => {
    const ids = released;
    released = [];
    if (ids.length === 0 || !client.connected) return;
    const out = Buffer.allocUnsafe(ids.length * 4);
    ids.forEach((id, i) => {
      out[i * 4] = 0x40;
      out[i * 4 + 1] = 2;
      out.writeUInt16BE(id, i * 4 + 2);
    });
    client.stream.write(out);
  };
  const sendAck = (puback: Packet) => {
    const plain = puback.cmd === 'puback' && !puback.reasonCode && !puback.properties && puback.messageId !== undefined;
    if (!plain) return sendPacket(puback);
    if (released.length === 0) process.nextTick(writeReleased);
    released.push(puback.messageId!);
  };

  const ackFor = (packet: IPublishPacket): Ack => {
    if (packet.qos === 0 || packet.messageId === undefined) return nothingToAck;
    const id = packet.messageId;
    const hold: Held = { released: false, puback: undefined };
    held.set(id, hold);
    return () => {
      if (hold.released) return;
      hold.released = true;
      if (held.get(id) !== hold) return;
      if (hold.puback) {
        held.delete(id);
        sendAck(hold.puback);
      }
    };
  };

  client.handleMessage = (packet, callback) => {
    const properties = packet.properties;
    if (properties?.userProperties?.[ORIGIN_PROPERTY] === ORIGIN) opts.onOwn();
    else {
      const ack = ackFor(packet);
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      opts.onMessage({ topic: packet.topic, payload, qos: packet.qos, retained: packet.retain, contentType: properties?.contentType ?? null, receivedAt: Date.now() }, ack);
    }
    if (!paused) return callback();
    const at = generation;
    withheld = () => (at === generation ? callback() : undefined);
  };

  return {
    client,
    connected: () => client.connected,
    waitConnected: () =>
      new Promise<void>((resolve, reject) => {
        if (client.connected) return resolve();
        const onError = (e: Error) => {
          client.off('connect', onConnect);
          reject(e);
        };
        const onConnect = () => {
          client.off('error', onError);
          resolve();
        };
        client.once('connect', onConnect);
        client.once('error', onError);
      }),
    subscribe: async (filters: string[], shared: string) => {
      // No Local keeps our own publishes away; it is not allowed on shared subscriptions (the origin mark does it there).
      const topics = shared === '' ? filters : filters.map((filter) => `$share/${shared}/${filter}`);
      const granted = await client.subscribeAsync(topics, { qos: 1, nl: shared === '' });
      const refused = granted.filter((g) => g.qos === 128).map((g) => g.topic);
      if (refused.length > 0) throw new Error(`the broker refused the subscriptions ${refused.join(', ')}`);
    },
    /** Publishes with the origin mark; resolves when the broker has it (QoS 1) or it is written (QoS 0). */
    publish: (p: NativePublish): Promise<unknown> =>
      client.publishAsync(p.topic, Buffer.from(p.payload.buffer, p.payload.byteOffset, p.payload.byteLength), {
        qos: p.qos,
        retain: p.retain,
        properties: { userProperties: { [ORIGIN_PROPERTY]: ORIGIN } },
      }),
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      const next = withheld;
      withheld = undefined;
      next?.();
    },
    paused: () => paused,
    close: () => client.endAsync(),
  };
};

export type MqttLink = ReturnType<typeof createMqttLink>;
