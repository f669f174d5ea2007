import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** Counts kept as plain numbers on the hot path and read by Prometheus only when it scrapes. */
export interface IngressCounts {
  received: number;
  /** Messages whose events are durable on Kafka (or that needed none) and that were acknowledged. */
  acknowledged: number;
  own: number;
  downlinks: number;
  replies: number;
  readonly eventsOut: Map<string, number>;
  readonly rejected: Map<string, number>;
  readonly ignored: Map<string, number>;
}

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

/** The ingress's Prometheus registry, with gauges read from the running ingress at scrape time. */
export const createIngressMetrics = (gauges: { buffered: () => number; devices: () => number; parked: () => number }) => {
  const counts: IngressCounts = { received: 0, acknowledged: 0, own: 0, downlinks: 0, replies: 0, eventsOut: new Map(), rejected: new Map(), ignored: new Map() };
  const registry = new Registry();
  registry.setDefaultLabels({ app: 'mqtt-ingress' });
  collectDefaultMetrics({ register: registry });
  const total = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  const byLabel = (name: string, help: string, label: string, map: Map<string, number>) =>
    new Counter({
      name,
      help,
      labelNames: [label],
      registers: [registry],
      collect() {
        this.reset();
        for (const [value, n] of map) this.inc({ [label]: value }, n);
      },
    });
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  total('fleetlog_mqtt_messages_received_total', 'MQTT messages received from devices', () => counts.received);
  total('fleetlog_mqtt_messages_acknowledged_total', 'MQTT messages whose events are durable on Kafka', () => counts.acknowledged);
  total('fleetlog_mqtt_own_messages_total', 'Messages the ingress published itself, seen again through a shared subscription', () => counts.own);
  total('fleetlog_mqtt_downlinks_total', 'Command downlinks and identify requests published to devices', () => counts.downlinks);
  total('fleetlog_mqtt_replies_total', 'Protocol replies (DJI status_reply, events_reply) published to devices', () => counts.replies);
  byLabel('fleetlog_mqtt_events_out_total', 'Events recorded on Kafka, by type', 'type', counts.eventsOut);
  byLabel('fleetlog_mqtt_rejects_total', 'MQTT messages kept on the rejects topic, by reason code', 'code', counts.rejected);
  byLabel('fleetlog_mqtt_ignored_total', 'MQTT messages that said nothing to record (cleared retained messages, repeated answers)', 'reason', counts.ignored);
  gauge('fleetlog_mqtt_buffered_messages', 'Messages whose events are not durable yet', gauges.buffered);
  gauge('fleetlog_mqtt_devices', 'Devices this instance knows', gauges.devices);
  gauge('fleetlog_mqtt_parked_messages', 'Parts of messages waiting for their device to identify itself', gauges.parked);
  return { registry, counts, bump };
};

export type IngressMetrics = ReturnType<typeof createIngressMetrics>;
