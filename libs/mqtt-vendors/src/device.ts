import { deviceIdOf, parseDeviceId } from '@fleetlog/domain';
import type { DeviceId } from '@fleetlog/domain';
import type { VendorResult } from './result.js';
import { fail, ok } from './result.js';
import { isTopicLevel } from './topic.js';

export type DeviceRef = { readonly deviceId: DeviceId; readonly clientId: string };

/** Devices whose ref is remembered per vendor; past it the memory starts again. */
const REMEMBERED_DEVICES = 100_000;
const remembered = new Map<string, Map<string, VendorResult<DeviceRef>>>();

/**
 * The Fleetlog id of a device known by its native client id (`vendor:clientId`, percent-encoded).
 * Devices speak again and again, so a good ref is derived (checked and encoded) once and remembered.
 */
export const deviceRef = (vendor: string, clientId: string): VendorResult<DeviceRef> => {
  let refs = remembered.get(vendor);
  const known = refs?.get(clientId);
  if (known !== undefined) return known;
  const derived = deviceIdOf({ protocol: 'MQTT', vendor, clientId });
  if (!derived.ok) return fail('MQTT_DEVICE_ID_INVALID', `device ${JSON.stringify(clientId.slice(0, 80))}: ${derived.error.message}`);
  const ref: VendorResult<DeviceRef> = Object.freeze(ok(Object.freeze({ deviceId: derived.value, clientId })));
  if (!refs) remembered.set(vendor, (refs = new Map()));
  if (refs.size >= REMEMBERED_DEVICES) refs.clear();
  refs.set(clientId, ref);
  return ref;
};

/** The native client id a downlink goes to, checked to be this vendor's device and usable in a topic. */
export const downlinkTarget = (vendor: string, deviceId: string): VendorResult<DeviceRef> => {
  const parsed = parseDeviceId(deviceId);
  if (!parsed.ok) return fail('MQTT_DOWNLINK_INVALID', parsed.error.message);
  const identity = parsed.value;
  if (identity.protocol !== 'MQTT' || identity.vendor !== vendor) {
    return fail('MQTT_DOWNLINK_INVALID', `device ${deviceId} is not a ${vendor} device`);
  }
  if (!isTopicLevel(identity.clientId)) {
    return fail('MQTT_DOWNLINK_INVALID', `client id of ${deviceId} cannot be a topic level (it contains /, +, # or U+0000)`);
  }
  return ok({ deviceId: deviceId as DeviceId, clientId: identity.clientId });
};

// The same rule as command ids, so a command id can be used as is.
const correlationKeyPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export const checkCorrelationKey = (key: unknown): VendorResult<string> =>
  typeof key === 'string' && correlationKeyPattern.test(key)
    ? ok(key)
    : fail('MQTT_DOWNLINK_INVALID', `correlation key ${JSON.stringify(String(key).slice(0, 80))} must match ${correlationKeyPattern.source}`);
