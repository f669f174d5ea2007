import { connect as tcpConnect, type Socket } from 'node:net';
import mqttPacket, { type Packet } from 'mqtt-packet';
import { SAMPLE_METRICS } from '@fleetlog/events/testing';
import { genericTopics } from '@fleetlog/mqtt-vendors';
import { SimError } from './errors.js';
import { joinTopic, prefixOf } from './topics.js';

export interface TelemetryBurstOptions {
  /** mqtt://host:port; the burst speaks MQTT 5 over plain TCP. */
  brokerUrl: string;
  tenantId: string;
  username?: string;
  password?: string;
  /** As for a device; default `fleetlog/<tenantId>/generic`. */
  topicPrefix?: string;
  /** MQTT connections the messages are spread over. */
  connections: number;
  /** Distinct generic devices the messages come from; connection c publishes for the devices d with d mod connections = c, as a gateway would. */
  devices: number;
  qos: 0 | 1;
  /** Samples in each message (at most the five sample metrics). */
  samples?: number;
  /** QoS 1 messages a connection may have unacknowledged (and at most what the broker's receive maximum allows). */
  maxInflightPerConnection?: number;
  /**
   * Flow control: how many messages the receiving side has taken so far (e.g. polled from the ingress's
   * /health); at most `window` messages are sent ahead of it, so the broker's queues never overflow.
   */
  absorbed?: () => number;
  window?: number;
  /** Client id prefix; one id per connection. */
  clientIdPrefix?: string;
}

export interface TelemetryBurst {
  connect: () => Promise<void>;
  /** Sends `count` telemetry messages as fast as the flow control allows; resolves when all are handed over (QoS 0 written, QoS 1 acknowledged). */
  run: (count: number) => Promise<{ sent: number; seconds: number }>;
  /** The generic device client ids it publishes for. */
  deviceIds: () => string[];
  close: () => Promise<void>;
}

/** Bytes gathered into one socket write. */
const CHUNK_BYTES = 64 * 1024;

/** One broker connection of the burst, with its QoS 1 bookkeeping. */
interface Link {
  socket: Socket;
  /** Messages this link sends: its index, then every `connections`-th. */
  next: number;
  inflight: number;
  maxInflight: number;
  packetId: number;
  writing: boolean;
  waiting: boolean;
  /** The current run's: what is scheduled calls it, so a run that ended cannot send for the next. */
  pump: () => void;
  onAck: () => void;
  onClose: (error: Error) => void;
}

const PUBACK = 4;

/** Where the packet starting at `at` ends, undefined when it is not all there yet, -1 when its length is malformed. */
const frameAt = (buf: Buffer, at: number): number | undefined => {
  let length = 0;
  let multiplier = 1;
  for (let pos = at + 1; pos <= at + 4; pos++) {
    if (pos >= buf.length) return undefined;
    const byte = buf[pos]!;
    length += (byte & 0x7f) * multiplier;
    multiplier *= 0x80;
    if ((byte & 0x80) === 0) return pos + 1 + length <= buf.length ? pos + 1 + length : undefined;
  }
  return -1;
};

const varIntLength = (n: number) => (n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : 4);

const writeVarInt = (buf: Buffer, at: number, n: number): number => {
  let pos = at;
  do {
    let byte = n % 0x80;
    n = Math.floor(n / 0x80);
    if (n > 0) byte |= 0x80;
    buf[pos++] = byte;
  } while (n > 0);
  return pos;
};

/**
 * An MQTT 5 PUBLISH written into `buf` at `at` (no properties); returns the position after it, or -1 when
 * it does not fit.
 */
const writePublish = (buf: Buffer, at: number, topic: Buffer, payload: string, qos: 0 | 1, packetId: number): number => {
  const payloadBytes = Buffer.byteLength(payload);
  const remaining = 2 + topic.length + (qos === 1 ? 2 : 0) + 1 + payloadBytes;
  if (at + 1 + varIntLength(remaining) + remaining > buf.length) return -1;
  buf[at] = 0x30 | (qos << 1);
  let pos = writeVarInt(buf, at + 1, remaining);
  pos = buf.writeUInt16BE(topic.length, pos);
  pos += topic.copy(buf, pos);
  if (qos === 1) pos = buf.writeUInt16BE(packetId, pos);
  buf[pos++] = 0; // no properties
  return pos + buf.write(payload, pos, 'utf8');
};

/**
 * A high-rate telemetry publisher for benchmarks: generic-format telemetry for many devices over a few
 * connections, paced by what the receiver has absorbed rather than by a fixed rate. It writes the PUBLISH
 * packets itself, many to a socket write, so that the load generator takes little of the CPU the system
 * it loads needs (an MQTT client library spends several times as much per message).
 */
export const createTelemetryBurst = (options: TelemetryBurstOptions): TelemetryBurst => {
  const url = new URL(options.brokerUrl);
  if (url.protocol !== 'mqtt:') throw new SimError('SIM_BROKER_URL_INVALID', `the burst speaks plain MQTT (mqtt://), not ${url.protocol}`, false);
  const prefix = prefixOf(options.topicPrefix, options.tenantId, 'generic');
  const metrics = SAMPLE_METRICS.slice(0, Math.max(1, Math.min(SAMPLE_METRICS.length, options.samples ?? 4)));
  const maxInflight = options.maxInflightPerConnection ?? 500;
  const window = options.window ?? Number.POSITIVE_INFINITY;
  const absorbed = options.absorbed ?? (() => Number.POSITIVE_INFINITY);
  const clientIdPrefix = options.clientIdPrefix ?? `burst-${options.tenantId}`;
  const deviceIds = Array.from({ length: options.devices }, (_, i) => `burst-${i}`);
  const topics = deviceIds.map((id) => Buffer.from(joinTopic(prefix, genericTopics.telemetry(id))));
  const links: Link[] = [];

  // Values vary with the message index, so no two reports of a device are the same.
  const payloadOf = (i: number, ts: number): string => {
    let samples = '';
    for (let m = 0; m < metrics.length; m++) {
      const { metric, unit } = metrics[m]!;
      samples += `${m === 0 ? '' : ','}{"metric":"${metric}","value":${((i * 7 + m * 13) % 1000) / 10},"unit":${unit === null ? 'null' : `"${unit}"`}}`;
    }
    return `{"ts":${ts},"samples":[${samples}]}`;
  };

  /** Opens one MQTT 5 session and resolves once the broker accepted it. */
  const open = (index: number): Promise<Link> =>
    new Promise((resolve, reject) => {
      const socket = tcpConnect({ host: url.hostname, port: Number(url.port || 1883) });
      const parser = mqttPacket.parser({ protocolVersion: 5 });
      const link: Link = { socket, next: 0, inflight: 0, maxInflight, packetId: 0, writing: false, waiting: false, pump: () => undefined, onAck: () => undefined, onClose: () => undefined };
      let accepted = false;
      parser.on('packet', (packet: Packet) => {
        if (packet.cmd === 'puback') link.onAck();
        else if (packet.cmd === 'connack') {
          if (packet.reasonCode !== undefined && packet.reasonCode !== 0) {
            reject(new SimError('SIM_MQTT_FAILED', `the broker refused burst connection ${index}: reason ${packet.reasonCode}`, false));
            socket.destroy();
            return;
          }
          accepted = true;
          link.maxInflight = Math.min(maxInflight, packet.properties?.receiveMaximum ?? 65_535);
          resolve(link);
        } else if (packet.cmd === 'disconnect') link.onClose(new SimError('SIM_MQTT_FAILED', `the broker ended burst connection ${index}: reason ${packet.reasonCode ?? 0}`, true));
      });
      parser.on('error', (e: Error) => socket.destroy(e));
      // PUBACKs, one per QoS 1 message, are counted here; anything else goes to the packet parser whole.
      let pending: Buffer | undefined;
      socket.on('data', (data: Buffer) => {
        const buf = pending ? Buffer.concat([pending, data]) : data;
        pending = undefined;
        let at = 0;
        while (at < buf.length) {
          const frame = frameAt(buf, at);
          if (frame === undefined) {
            pending = buf.subarray(at);
            return;
          }
          if (frame < 0) {
            socket.destroy(new SimError('SIM_MQTT_FAILED', `burst connection ${index}: the broker sent a malformed packet length`, false));
            return;
          }
          if (buf[at]! >> 4 === PUBACK) link.onAck();
          else parser.parse(buf.subarray(at, frame));
          at = frame;
        }
      });
      socket.on('error', (e) => (accepted ? link.onClose(e) : reject(new SimError('SIM_MQTT_FAILED', `burst connection ${index}: ${e.message}`, true, { cause: e }))));
      socket.on('close', () => link.onClose(new SimError('SIM_MQTT_FAILED', `burst connection ${index} closed`, true)));
      socket.once('connect', () => {
        socket.setNoDelay(true);
        socket.write(
          mqttPacket.generate({
            cmd: 'connect',
            protocolId: 'MQTT',
            protocolVersion: 5,
            clean: true,
            keepalive: 0,
            clientId: `${clientIdPrefix}-${index}`,
            ...(options.username ? { username: options.username, password: Buffer.from(options.password ?? '') } : {}),
          }),
        );
      });
    });

  return {
    deviceIds: () => [...deviceIds],
    connect: async () => {
      for (let c = 0; c < options.connections; c++) links.push(await open(c));
    },
    run: (count) =>
      new Promise((resolve, reject) => {
        const t0 = process.hrtime.bigint();
        const step = links.length;
        let sent = 0;
        let completed = 0;
        let failed = false;
        const finish = () => resolve({ sent: completed, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
        const done = (n: number) => {
          completed += n;
          if (completed === count) finish();
        };
        const fail = (error: Error) => {
          if (failed || completed === count) return;
          failed = true;
          reject(error);
        };

        const pump = (link: Link) => {
          link.waiting = false;
          // One write at a time per connection: the socket's own backpressure paces the burst.
          if (link.writing || failed) return;
          const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
          const now = Date.now();
          let used = 0;
          let written = 0;
          while (link.next < count && (options.qos === 0 || link.inflight < link.maxInflight)) {
            if (sent - absorbed() >= window) {
              // Ahead of the receiver: look again shortly instead of flooding the broker's queues.
              link.waiting = true;
              setTimeout(() => link.pump(), 5);
              break;
            }
            const i = link.next;
            const packetId = options.qos === 1 ? (link.packetId % 65_535) + 1 : 0;
            const end = writePublish(chunk, used, topics[i % topics.length]!, payloadOf(i, now), options.qos, packetId);
            if (end < 0) break;
            used = end;
            link.next += step;
            link.packetId = packetId;
            sent++;
            written++;
            if (options.qos === 1) link.inflight++;
          }
          if (written === 0) return;
          link.writing = true;
          link.socket.write(chunk.subarray(0, used), (error) => {
            link.writing = false;
            if (error) return fail(error);
            if (options.qos === 0) done(written);
            if (!link.waiting) setImmediate(() => link.pump());
          });
        };

        if (count === 0) return finish();
        links.forEach((link, c) => {
          link.next = c;
          link.pump = () => pump(link);
          link.onAck = () => {
            link.inflight--;
            done(1);
            if (!link.waiting && !link.writing) {
              link.waiting = true;
              setImmediate(() => link.pump());
            }
          };
          link.onClose = fail;
          link.pump();
        });
      }),
    close: async () => {
      await Promise.all(
        links.map(
          (link) =>
            new Promise<void>((resolve) => {
              link.onClose = () => undefined;
              if (link.socket.destroyed) return resolve();
              link.socket.once('close', () => resolve());
              link.socket.end(mqttPacket.generate({ cmd: 'disconnect', reasonCode: 0 }));
            }),
        ),
      );
      links.length = 0;
    },
  };
};
