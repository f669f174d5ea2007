// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

import type { EventSource } from './common.js';

/**
 * A device reported one or more telemetry samples.
 *
 * Avro record `dev.fleetlog.telemetry.TelemetryReported`, defined in schemas/avro/telemetry/TelemetryReported.avsc.
 */
export interface TelemetryReported {
  /** Unique id of this event; deterministic where the source allows, so a retried produce is recognisable. */
  eventId: string;
  /** Event type, equal to the record name (e.g. DeviceRegistered). */
  type: 'TelemetryReported';
  /** Tenant that owns the aggregate; decided at ingress from what authenticated the sender. */
  tenantId: string;
  /** Device id. */
  aggregateId: string;
  /**
   * When it happened at the source (device or operator clock as reported).
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  occurredAt: number;
  /**
   * When Fleetlog recorded it.
   *
   * Epoch milliseconds (Avro `timestamp-millis`).
   */
  recordedAt: number;
  /** Shared by every event of one causal chain (operator action, command, RPC, response, parameter change). */
  correlationId: string;
  /**
   * eventId of the event that directly caused this one; null for a chain start.
   *
   * @defaultValue `null`
   */
  causationId: string | null;
  source: EventSource;
  payload: TelemetryReportedPayload;
}

/** Avro record `dev.fleetlog.telemetry.TelemetryReportedPayload`, defined in schemas/avro/telemetry/TelemetryReported.avsc. */
export interface TelemetryReportedPayload {
  samples: TelemetrySample[];
}

/** Avro record `dev.fleetlog.telemetry.TelemetrySample`, defined in schemas/avro/telemetry/TelemetryReported.avsc. */
export interface TelemetrySample {
  /** Metric name, dotted (e.g. wifi.rssi, cpu.load). */
  metric: string;
  /** Epoch milliseconds (Avro `timestamp-millis`). */
  ts: number;
  value: number;
  /** @defaultValue `null` */
  unit: string | null;
}
