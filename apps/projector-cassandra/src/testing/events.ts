// Builders of telemetry events for this app's tests and for producing test topics.
import { deterministicEventId, type TelemetryReported, type TelemetrySample } from '@fleetlog/events';

/** A TelemetryReported as an ingress would record it; recordedAt follows the last sample. */
export const telemetryEvent = (tenantId: string, deviceId: string, seq: number, samples: TelemetrySample[]): TelemetryReported => {
  const recordedAt = Math.max(0, ...samples.map((s) => s.ts)) + 250;
  return {
    eventId: deterministicEventId('test-telemetry', tenantId, deviceId, seq),
    type: 'TelemetryReported',
    tenantId,
    aggregateId: deviceId,
    occurredAt: recordedAt,
    recordedAt,
    correlationId: `telemetry-${deviceId}-${seq}`,
    causationId: null,
    source: { app: 'test', instance: 'test' },
    payload: { samples },
  };
};

export const sample = (metric: string, ts: number, value: number, unit: string | null = null): TelemetrySample => ({ metric, ts, value, unit });
