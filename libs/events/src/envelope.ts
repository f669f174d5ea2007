import { hash, randomUUID } from 'node:crypto';
import { eventSchemas, type AnyEvent, type EventType, type IngressRejected } from './generated/index.js';
import { EventsError } from './errors.js';

/** Fields every Fleetlog event carries besides its payload (ingress rejects carry their own set). */
export type EventEnvelope = Omit<Exclude<AnyEvent, IngressRejected>, 'payload'>;

export const ENVELOPE_FIELDS = ['eventId', 'type', 'tenantId', 'aggregateId', 'occurredAt', 'recordedAt', 'correlationId', 'causationId', 'source'] as const;

export const isEventType = (type: string): type is EventType => Object.prototype.hasOwnProperty.call(eventSchemas, type);

export const newEventId = (): string => randomUUID();

/**
 * A name-based UUID (version 5 layout, SHA-1) from the parts that identify an event at its source,
 * e.g. (tenant, device, session id, message index). A retried produce of the same input yields the
 * same id, so consumers can recognise the duplicate.
 */
export const deterministicEventId = (...parts: (string | number)[]): string => {
  const bytes = hash('sha1', parts.map(String).join('\u001f'), 'buffer').subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * The Kafka key of an event: everything about one device (its facts, commands and telemetry)
 * shares a key so that it stays in order; tenant events are keyed by tenant, rejects by source.
 */
export const keyOf = (event: AnyEvent): string => {
  if (!isEventType(event.type)) throw new EventsError('EVENTS_UNKNOWN_EVENT_TYPE', `unknown event type "${event.type}"`, false);
  switch (eventSchemas[event.type].context) {
    case 'device':
    case 'telemetry':
      return `${(event as EventEnvelope).tenantId}/${(event as EventEnvelope).aggregateId}`;
    case 'command':
      return `${(event as EventEnvelope).tenantId}/${(event as { payload: { deviceId: string } }).payload.deviceId}`;
    case 'tenant':
      return (event as EventEnvelope).tenantId;
    case 'ingress':
      return (event as IngressRejected).source.app;
  }
};

/** Largest raw input kept on a reject record; the rest is counted in originalSize. */
export const REJECT_RAW_LIMIT = 1_048_576;
