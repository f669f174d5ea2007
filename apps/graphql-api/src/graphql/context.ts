import type { Caller } from '../auth/principal.js';
import type { TenantReader } from '../db/tenant-db.js';
import type { EventProducer, EventSource } from '@fleetlog/events';
import type { LiveHub } from '../live/hub.js';
import type { TelemetryStore } from '../queries/telemetry.js';

/** What resolvers need, built once in main.ts and passed down. */
export interface Services {
  read: TenantReader;
  publish: EventProducer['publish'];
  telemetry: TelemetryStore;
  live: LiveHub;
  source: EventSource;
  now: () => number;
  newId: () => string;
  limits: { maxPage: number; bulkMaxDevices: number };
  topics: { device: string; command: string; telemetry: string; tenant: string };
}

/** Per request (or per subscription connection): who is calling, and the request id for errors and logs. */
export interface RequestContext {
  caller: Caller;
  requestId: string;
  services: Services;
}

export const ctxOf = (ctx: unknown): RequestContext => ctx as RequestContext;
