import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** What a consumer reports after each batch (the shape of libs/events' ConsumerProgress). */
export interface PartitionProgress {
  topic: string;
  partition: number;
  nextOffset: string;
  highWatermark: string;
}

export interface PartitionStatus {
  topic: string;
  partition: number;
  /** Offset of the last record applied (dead letters included). */
  lastAppliedOffset: string;
  lag: string;
  updatedAt: number;
}

/**
 * Prometheus metrics of an app that consumes partitions: lag and last applied offset per
 * partition, events applied and dead-lettered. One registry per app, served by serveMetrics.
 */
export const createConsumerMetrics = (app: string) => {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry });
  const lag = new Gauge({ name: 'fleetlog_consumer_lag', help: 'Records behind the partition high watermark at the last batch', labelNames: ['topic', 'partition'], registers: [registry] });
  const lastApplied = new Gauge({ name: 'fleetlog_consumer_last_applied_offset', help: 'Offset of the last record applied', labelNames: ['topic', 'partition'], registers: [registry] });
  const applied = new Counter({ name: 'fleetlog_events_applied_total', help: 'Events applied', labelNames: ['topic'], registers: [registry] });
  const deadLettered = new Counter({ name: 'fleetlog_events_dead_lettered_total', help: 'Events sent to the DLQ because they could not be applied', labelNames: ['topic', 'code'], registers: [registry] });
  const partitions = new Map<string, PartitionStatus>();

  return {
    registry,
    /** Feed it the consumer's progress reports. */
    observe: (p: PartitionProgress, now = Date.now()) => {
      const behind = BigInt(p.highWatermark) - BigInt(p.nextOffset);
      const status: PartitionStatus = {
        topic: p.topic,
        partition: p.partition,
        lastAppliedOffset: String(BigInt(p.nextOffset) - 1n),
        lag: String(behind < 0n ? 0n : behind),
        updatedAt: now,
      };
      partitions.set(`${p.topic}/${p.partition}`, status);
      lag.set({ topic: p.topic, partition: String(p.partition) }, Number(status.lag));
      lastApplied.set({ topic: p.topic, partition: String(p.partition) }, Number(status.lastAppliedOffset));
    },
    applied: (topic: string, count: number) => applied.inc({ topic }, count),
    deadLettered: (topic: string, code: string) => deadLettered.inc({ topic, code }),
    /** Per-partition status, for the health endpoint and progress output. */
    partitions: (): PartitionStatus[] => [...partitions.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
  };
};

export type ConsumerMetrics = ReturnType<typeof createConsumerMetrics>;

/**
 * `GET /metrics` (Prometheus text) and `GET /health` (JSON: ok plus whatever `health` adds, 503
 * when it says not ok). Port 0 picks a free port.
 */
export const serveMetrics = async (opts: {
  host: string;
  port: number;
  registry: Registry;
  health: () => { ok: boolean } & Record<string, unknown>;
}): Promise<{ server: Server; port: number; close: () => Promise<void> }> => {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/metrics') {
      opts.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': opts.registry.contentType }).end(text),
        (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e)),
      );
      return;
    }
    if (req.method === 'GET' && path === '/health') {
      const body = opts.health();
      res.writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics or /health\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
