import { connectAsync, type IClientPublishOptions, type MqttClient } from 'mqtt';
import { SAMPLE_METRICS } from '@fleetlog/events/testing';
import { genericTopics } from '@fleetlog/mqtt-vendors';
import { joinTopic, prefixOf } from './topics.js';

export interface TelemetryBurstOptions {
  brokerUrl: string;
  tenantId: string;
  username?: string;
  password?: string;
  /** As for a device; default `fleetlog/<tenantId>/generic`. */
  topicPrefix?: string;
  /** MQTT connections the messages are spread over. */
  connections: number;
  /** Distinct generic devices the messages come from (round robin); each connection publishes for its share, as a gateway would. */
  devices: number;
  qos: 0 | 1;
  /** Samples in each message (at most the five sample metrics). */
  samples?: number;
  /** Publishes a connection may have handed to its socket without completion. */
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
  /** Sends `count` telemetry messages as fast as the flow control allows; resolves when all are handed over. */
  run: (count: number) => Promise<{ sent: number; seconds: number }>;
  /** The generic device client ids it publishes for. */
  deviceIds: () => string[];
  close: () => Promise<void>;
}

/**
 * A high-rate telemetry publisher for benchmarks: generic-format telemetry for many devices over a few
 * connections, paced by what the receiver has absorbed rather than by a fixed rate.
 */
export const createTelemetryBurst = (options: TelemetryBurstOptions): TelemetryBurst => {
  const prefix = prefixOf(options.topicPrefix, options.tenantId, 'generic');
  const metrics = SAMPLE_METRICS.slice(0, Math.max(1, Math.min(SAMPLE_METRICS.length, options.samples ?? 4)));
  const maxInflight = options.maxInflightPerConnection ?? 500;
  const window = options.window ?? Number.POSITIVE_INFINITY;
  const absorbed = options.absorbed ?? (() => Number.POSITIVE_INFINITY);
  const clientIdPrefix = options.clientIdPrefix ?? `burst-${options.tenantId}`;
  const deviceIds = Array.from({ length: options.devices }, (_, i) => `burst-${i}`);
  const topics = deviceIds.map((id) => joinTopic(prefix, genericTopics.telemetry(id)));
  const publishOptions: IClientPublishOptions = { qos: options.qos };
  const clients: MqttClient[] = [];

  // Values vary with the message index, so no two reports of a device are the same.
  const payloadOf = (i: number, ts: number): Buffer => {
    const samples = metrics.map(({ metric, unit }, m) => `{"metric":"${metric}","value":${((i * 7 + m * 13) % 1000) / 10},"unit":${unit === null ? 'null' : `"${unit}"`}}`);
    return Buffer.from(`{"ts":${ts},"samples":[${samples.join(',')}]}`);
  };

  return {
    deviceIds: () => [...deviceIds],
    connect: async () => {
      for (let c = 0; c < options.connections; c++) {
        clients.push(
          await connectAsync(options.brokerUrl, {
            protocolVersion: 5,
            clientId: `${clientIdPrefix}-${c}`,
            clean: true,
            reconnectPeriod: 0,
            ...(options.username ? { username: options.username, password: options.password } : {}),
          }),
        );
      }
    },
    run: (count) =>
      new Promise((resolve, reject) => {
        const t0 = process.hrtime.bigint();
        let next = 0;
        let completed = 0;
        const finish = () => resolve({ sent: completed, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
        const pump = (client: MqttClient, state: { inflight: number; waiting: boolean }) => {
          state.waiting = false;
          while (next < count && state.inflight < maxInflight) {
            if (next - absorbed() >= window) {
              // Ahead of the receiver: look again shortly instead of flooding the broker's queues.
              state.waiting = true;
              setTimeout(() => pump(client, state), 5);
              return;
            }
            const i = next++;
            state.inflight++;
            client.publish(topics[i % topics.length]!, payloadOf(i, Date.now()), publishOptions, (error) => {
              state.inflight--;
              if (error) return reject(error);
              if (++completed === count) return finish();
              if (!state.waiting) {
                state.waiting = true;
                setImmediate(() => pump(client, state));
              }
            });
          }
        };
        if (count === 0) return finish();
        for (const client of clients) pump(client, { inflight: 0, waiting: false });
      }),
    close: async () => {
      await Promise.allSettled(clients.map((client) => client.endAsync()));
      clients.length = 0;
    },
  };
};
