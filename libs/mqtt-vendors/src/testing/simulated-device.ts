import type { DeviceId, JsonValue } from '@fleetlog/domain';
import type { NativePublish } from '../messages.js';

/**
 * A device of one vendor as the broker sees it, without the broker: what it publishes on connect, on each
 * tick and in answer to a downlink, on its native topics. Deterministic for a client id and seed; the
 * MQTT simulator app wires it to a broker (subscribing `subscriptions`, registering `will`).
 */
export interface SimulatedDevice {
  readonly vendor: string;
  readonly clientId: string;
  readonly deviceId: DeviceId;
  /** Native topic filters the device subscribes to. */
  readonly subscriptions: readonly string[];
  /** The last will it registers when connecting; null when the vendor documents none. */
  readonly will: NativePublish | null;
  /** How often a real device of this kind reports. */
  readonly tickIntervalMs: number;
  /** What it publishes right after connecting: presence, identity, full state. */
  connect(now: Date): NativePublish[];
  /** One periodic report. */
  tick(now: Date): NativePublish[];
  /** What it publishes in answer to a publish it received; [] for what it ignores. */
  onDownlink(nativeTopic: string, payload: Uint8Array, now: Date): NativePublish[];
}

export type SimulatedDeviceOptions = {
  readonly clientId: string;
  readonly seed: number;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const publishJson = (topic: string, body: JsonValue, options: { qos?: 0 | 1; retain?: boolean } = {}): NativePublish => ({
  topic,
  payload: encoder.encode(JSON.stringify(body)),
  qos: options.qos ?? 1,
  retain: options.retain ?? false,
});

export const publishText = (topic: string, text: string, options: { qos?: 0 | 1; retain?: boolean } = {}): NativePublish => ({
  topic,
  payload: encoder.encode(text),
  qos: options.qos ?? 1,
  retain: options.retain ?? false,
});

/** A received payload as a JSON object, or undefined for anything a device would ignore. */
export const receivedObject = (payload: Uint8Array): Record<string, JsonValue> | undefined => {
  try {
    const value: unknown = JSON.parse(decoder.decode(payload));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, JsonValue>) : undefined;
  } catch {
    return undefined;
  }
};
