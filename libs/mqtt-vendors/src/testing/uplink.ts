import type { JsonValue } from '@fleetlog/domain';
import type { VendorAdapter } from '../adapter.js';
import type { MqttVendorErrorCode } from '../errors.js';
import type { NativePublish, ParsedUplink, TelemetrySample, UplinkMessage } from '../messages.js';
import type { VendorResult } from '../result.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A JSON value (or text, as is) as payload bytes. */
export const payloadOf = (body: JsonValue | string): Uint8Array => encoder.encode(typeof body === 'string' ? body : JSON.stringify(body));

/** A publish's payload as JSON, for assertions. */
export const jsonOf = (publish: NativePublish): JsonValue => JSON.parse(decoder.decode(publish.payload)) as JsonValue;

/** The value of an ok result; a failure is thrown with its code, so a test shows why. */
export const valueOf = <T>(result: VendorResult<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** Every message that an adapter makes of a device's publishes (which must all be accepted). */
export const uplinkOf = (adapter: VendorAdapter, publishes: readonly NativePublish[], receivedAt: Date): { messages: UplinkMessage[]; replies: NativePublish[] } => {
  const parsed: ParsedUplink[] = publishes.map((publish) => valueOf(adapter.parseUplink(publish.topic, publish.payload, receivedAt)));
  return { messages: parsed.flatMap((uplink) => uplink.messages), replies: parsed.flatMap((uplink) => uplink.replies) };
};

export const messagesOfType = <T extends UplinkMessage['type']>(messages: readonly UplinkMessage[], type: T): Extract<UplinkMessage, { type: T }>[] =>
  messages.filter((message): message is Extract<UplinkMessage, { type: T }> => message.type === type);

/** 'ok', or the error code: what most assertions about a result need. */
export const codeOf = (result: VendorResult<unknown>): MqttVendorErrorCode | 'ok' => (result.ok ? 'ok' : result.error.code);

/** Samples as {metric: [value, unit]}, for comparing a mapping at a glance. */
export const samplesByMetric = (samples: readonly TelemetrySample[]): Record<string, [number, string | null]> =>
  Object.fromEntries(samples.map((sample) => [sample.metric, [sample.value, sample.unit]]));
