import { randomUUID } from 'node:crypto';
import type { JsonObject, JsonValue } from '@fleetlog/domain';
import {
  deterministicEventId,
  REJECT_RAW_LIMIT,
  type DeviceEventReported,
  type EnvelopeMeta,
  type EventArgument,
  type EventSource,
  type IngressRejected,
  type TelemetryReported,
  type TelemetrySample,
} from '@fleetlog/events';
import type { EventMessage, TelemetryMessage } from '@fleetlog/mqtt-vendors';

/** One MQTT message as it arrived. */
export interface Incoming {
  topic: string;
  payload: Buffer;
  qos: 0 | 1 | 2;
  /** Delivered because it was retained when we subscribed, not because the device just said it. */
  retained: boolean;
  /** MQTT 5 content type, when the device set one. */
  contentType: string | null;
  receivedAt: number;
}

/**
 * The id of one MQTT message: the first event's id and every event's correlation id (the events after the
 * first get ids derived from it). A message the broker may deliver again (QoS 1 after a reconnect, a
 * retained one at every subscription) gets an id deterministic in its topic, bytes and time, so the repeat
 * is recognisable. A QoS 0 message is never delivered twice: a random id is as good, and far cheaper.
 */
export const messageIdOf = (m: Pick<Incoming, 'topic' | 'payload' | 'qos' | 'retained'>, at: number): string =>
  m.qos === 0 && !m.retained ? randomUUID() : deterministicEventId('mqtt', m.topic, m.payload.toString('latin1'), at);

/** Envelopes for the events of one message, numbered in the order they are made. */
export const envelopes = (messageId: string, tenantId: string, recordedAt: number, source: EventSource) => {
  let index = 0;
  return (aggregateId: string, chain?: { correlationId: string; causationId: string | null }): EnvelopeMeta => ({
    eventId: index++ === 0 ? messageId : deterministicEventId(messageId, index),
    tenantId,
    aggregateId,
    recordedAt,
    correlationId: chain?.correlationId ?? messageId,
    causationId: chain?.causationId ?? null,
    source,
  });
};

// The hot path: written out field by field, one object shape, no spread.
export const telemetryReported = (meta: EnvelopeMeta, m: TelemetryMessage): TelemetryReported => ({
  eventId: meta.eventId,
  type: 'TelemetryReported',
  tenantId: meta.tenantId,
  aggregateId: meta.aggregateId,
  occurredAt: m.at,
  recordedAt: meta.recordedAt,
  correlationId: meta.correlationId,
  causationId: meta.causationId,
  source: meta.source,
  // Read only by the encoder: the vendor's samples go out as they are, without a copy.
  payload: { samples: m.samples as TelemetrySample[] },
});

const textOf = (value: JsonValue): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** An event's details as name/value text: nested objects become dotted names, arrays stay JSON text. */
export const flattenArguments = (details: JsonObject, prefix = ''): EventArgument[] =>
  Object.entries(details).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? flattenArguments(value as JsonObject, `${prefix}${key}.`) : [{ name: `${prefix}${key}`, value: textOf(value) }],
  );

export const deviceEventReported = (meta: EnvelopeMeta, vendor: string, m: EventMessage): DeviceEventReported => ({
  ...meta,
  type: 'DeviceEventReported',
  occurredAt: m.at,
  payload: { name: `${vendor}.${m.name}`, path: null, arguments: flattenArguments(m.details), subscriptionId: null, protocol: 'MQTT' },
});

/** Longest topic quoted in a reject's reason; MQTT allows 65,535 bytes. */
const maxQuotedTopic = 512;

/** Raw input refused, kept whole (up to the reject cap) with why and on which topic. */
export const ingressRejected = (
  m: Pick<Incoming, 'topic' | 'payload' | 'contentType'>,
  refusal: { tenantId: string | null; reasonCode: string; reason: string },
  meta: { eventId: string; recordedAt: number; source: EventSource },
): IngressRejected => ({
  eventId: meta.eventId,
  type: 'IngressRejected',
  tenantId: refusal.tenantId,
  recordedAt: meta.recordedAt,
  correlationId: meta.eventId,
  source: meta.source,
  reasonCode: refusal.reasonCode,
  reason: `${refusal.reason} (topic ${JSON.stringify(m.topic.slice(0, maxQuotedTopic))})`,
  protocol: 'MQTT',
  remoteAddress: null,
  contentType: m.contentType,
  originalSize: m.payload.length,
  truncated: m.payload.length > REJECT_RAW_LIMIT,
  raw: m.payload.subarray(0, REJECT_RAW_LIMIT),
});
