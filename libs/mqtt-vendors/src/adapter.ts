import type { JsonObject, JsonValue } from '@fleetlog/domain';
import { checkCorrelationKey, downlinkTarget } from './device.js';
import type { DeviceRef } from './device.js';
import { MqttVendorError } from './errors.js';
import { isName } from './fields.js';
import { resolveLimits } from './limits.js';
import type { VendorLimits } from './limits.js';
import type { EncodedDownlink, NativePublish, ParsedUplink } from './messages.js';
import { isObject } from './payload.js';
import type { VendorResult } from './result.js';
import { fail, ok } from './result.js';

/**
 * One object per vendor. Everything is pure: the same arguments give the same result, and nothing
 * throws — every failure is a MqttVendorError value with a stable code.
 */
export interface VendorAdapter {
  /** The vendor's slug: the `<vendor>` level of `fleetlog/<tenantId>/<vendor>/...` and of device ids. */
  readonly vendor: string;
  /** Native topic filters the ingress subscribes to (under its tenant/vendor prefix). */
  readonly subscriptions: readonly string[];
  /** Turns one native publish into messages, plus the replies the vendor protocol expects. */
  parseUplink(nativeTopic: string, payload: Uint8Array, receivedAt: Date): VendorResult<ParsedUplink>;
  /**
   * Encodes the payload of an mqtt.Downlink command for a device (its Fleetlog id). `correlationKey`
   * (the command id, or anything matching /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/) is embedded so that the
   * device's answer can be matched; `now` stamps vendors whose requests carry a timestamp.
   */
  encodeDownlink(deviceId: string, payload: JsonValue, correlationKey: string, now: Date): VendorResult<EncodedDownlink>;
  /** Publishes that make a device describe itself, for vendors whose devices do not announce an identity. */
  identify(deviceId: string, now: Date): VendorResult<readonly NativePublish[]>;
}

/** What a vendor module provides; adapterFactory adds argument checks, limits and the no-throw boundary. */
export type AdapterSpec = {
  readonly vendor: string;
  readonly subscriptions: readonly string[];
  readonly parseUplink: (limits: VendorLimits) => VendorAdapter['parseUplink'];
  /** The downlink for a device of this vendor and a correlation key, both already checked. */
  readonly encodeDownlink: (target: DeviceRef, payload: JsonValue, correlationKey: string, now: Date) => VendorResult<NativePublish>;
  /** Requests that make a device describe itself; absent when devices announce themselves. */
  readonly identify?: (target: DeviceRef) => readonly NativePublish[];
};

export type AdapterOptions = { readonly limits?: Partial<VendorLimits> };

const invalidDate = (date: Date): boolean => !(date instanceof Date) || Number.isNaN(date.getTime());

// An exception inside an adapter is a bug; it becomes a value so one bad payload cannot stop the ingress.
const failedUnexpectedly = (vendor: string, what: string, cause: unknown): VendorResult<never> => ({
  ok: false,
  error: new MqttVendorError('MQTT_ADAPTER_FAILED', `${vendor} ${what} failed unexpectedly: ${String(cause)}`, { cause }),
});

const guarded =
  <A extends unknown[], T>(vendor: string, what: string, run: (...args: A) => VendorResult<T>) =>
  (...args: A): VendorResult<T> => {
    try {
      return run(...args);
    } catch (cause) {
      return failedUnexpectedly(vendor, what, cause);
    }
  };

/** Turns a vendor's spec into `createXAdapter(options)`. */
export const adapterFactory =
  (spec: AdapterSpec) =>
  (options: AdapterOptions = {}): VendorAdapter => {
    const { vendor } = spec;
    const parse = spec.parseUplink(resolveLimits(options.limits));
    const target = (deviceId: string, now: Date): VendorResult<DeviceRef> =>
      invalidDate(now) ? fail('MQTT_DOWNLINK_INVALID', 'now must be a valid Date') : downlinkTarget(vendor, deviceId);
    return Object.freeze({
      vendor,
      subscriptions: Object.freeze([...spec.subscriptions]),
      // Every message comes through here: the guard is written out, without rest arguments.
      parseUplink: (nativeTopic: string, payload: Uint8Array, receivedAt: Date): VendorResult<ParsedUplink> => {
        try {
          if (typeof nativeTopic !== 'string') return fail('MQTT_TOPIC_UNKNOWN', 'the topic must be a string');
          if (!(payload instanceof Uint8Array)) return fail('MQTT_PAYLOAD_MALFORMED', 'the payload must be bytes');
          if (invalidDate(receivedAt)) return fail('MQTT_ADAPTER_FAILED', 'receivedAt must be a valid Date');
          return parse(nativeTopic, payload, receivedAt);
        } catch (cause) {
          return failedUnexpectedly(vendor, 'parseUplink', cause);
        }
      },
      encodeDownlink: guarded(vendor, 'encodeDownlink', (deviceId: string, payload: JsonValue, correlationKey: string, now: Date) => {
        const device = target(deviceId, now);
        if (!device.ok) return device;
        const key = checkCorrelationKey(correlationKey);
        if (!key.ok) return key;
        const encoded = spec.encodeDownlink(device.value, payload, key.value, now);
        return encoded.ok ? ok({ ...encoded.value, correlationKey: key.value }) : encoded;
      }),
      identify: guarded(vendor, 'identify', (deviceId: string, now: Date) => {
        const device = target(deviceId, now);
        return device.ok ? ok(spec.identify?.(device.value) ?? []) : device;
      }),
    });
  };

/** A `{method, <args>?}` downlink payload, the shape every built-in vendor uses for its requests. */
export const methodCall = (payload: JsonValue, argsKey: string, usage: string): VendorResult<{ method: string; args: JsonObject | undefined }> => {
  if (!isObject(payload) || !isName(payload['method'])) return fail('MQTT_DOWNLINK_INVALID', usage);
  const args = payload[argsKey];
  if (args !== undefined && !isObject(args)) return fail('MQTT_DOWNLINK_INVALID', `"${argsKey}" must be an object`);
  return ok({ method: payload['method'], args });
};
