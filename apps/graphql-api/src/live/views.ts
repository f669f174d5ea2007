import { encodeEventCursor } from './event-cursor.js';
import type { FleetEvent, LiveEvent } from './hub.js';
import { maskJsonText, maskSecrets } from '@fleetlog/domain';

export const isDeviceOrCommandEvent = (e: FleetEvent): boolean => e.type.startsWith('Device') || e.type.startsWith('Command');

/** The device an event is about: the aggregate for device events, the target for command events. */
export const deviceIdOf = (e: FleetEvent): string | undefined => {
  if (e.type.startsWith('Device') || e.type === 'TelemetryReported') return (e as { aggregateId: string }).aggregateId;
  if (e.type.startsWith('Command')) return (e.payload as { deviceId?: string }).deviceId;
  return undefined;
};

/** The payload as consoles see it: JSON text fields parsed, secrets masked (as in the timeline). */
const payloadOf = (e: FleetEvent): unknown => {
  const p = { ...(e.payload as unknown as Record<string, unknown>) };
  for (const k of ['arguments', 'result', 'detail']) if (typeof p[k] === 'string') p[k] = maskJsonText(p[k]);
  return maskSecrets(JSON.parse(JSON.stringify(p, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : Buffer.isBuffer(v) ? v.toString('base64') : v))));
};

export const deviceEventView = ({ event, position }: LiveEvent) => ({
  id: event.eventId,
  type: event.type as string,
  deviceId: deviceIdOf(event) ?? '',
  aggregateId: event.aggregateId,
  occurredAt: new Date(event.occurredAt).toISOString(),
  recordedAt: new Date(event.recordedAt).toISOString(),
  correlationId: event.correlationId,
  causationId: event.causationId,
  sourceApp: event.source.app,
  payload: payloadOf(event),
  cursor: encodeEventCursor(position),
});

const statusByType: Record<string, string> = {
  CommandRequested: 'REQUESTED',
  CommandDispatched: 'DISPATCHED',
  CommandAccepted: 'ACCEPTED',
  CommandSucceeded: 'SUCCEEDED',
  CommandFailed: 'FAILED',
  CommandExpired: 'EXPIRED',
  CommandCancelled: 'CANCELLED',
};

export const commandStatusOf = (type: string): string | undefined => statusByType[type];

/** A command event (live, or a timeline row already shaped as a device event) as a CommandUpdate. */
export const commandUpdateView = (e: { id: string; type: string; deviceId: string; aggregateId: string; occurredAt: string; correlationId: string; payload: unknown; cursor: string }) => ({
  eventId: e.id,
  commandId: e.aggregateId,
  deviceId: e.deviceId,
  type: e.type,
  status: commandStatusOf(e.type) ?? 'REQUESTED',
  batchId: (e.payload as { batchId?: string | null } | null)?.batchId ?? null,
  occurredAt: e.occurredAt,
  correlationId: e.correlationId,
  payload: e.payload,
  cursor: e.cursor,
});
