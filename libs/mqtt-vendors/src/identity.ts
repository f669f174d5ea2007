import { parseDeviceIdentity } from '@fleetlog/domain';
import type { DeviceRef } from './device.js';
import type { IdentityFields, ReportedValue, UplinkMessage } from './messages.js';
import type { VendorResult } from './result.js';
import { fail, ok } from './result.js';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Identity fields from loosely typed vendor values: strings are trimmed, anything else or empty is null. */
export const identityFields = (fields: { readonly [K in keyof IdentityFields]?: unknown }): IdentityFields => ({
  manufacturer: text(fields.manufacturer),
  productClass: text(fields.productClass),
  serialNumber: text(fields.serialNumber),
  softwareVersion: text(fields.softwareVersion),
  hardwareVersion: text(fields.hardwareVersion),
});

// TR-181 names, so that MQTT devices show their identity the way CWMP and USP devices do.
const deviceInfoPaths: Readonly<Record<keyof IdentityFields, string>> = {
  manufacturer: 'DeviceInfo.Manufacturer',
  productClass: 'DeviceInfo.ProductClass',
  serialNumber: 'DeviceInfo.SerialNumber',
  softwareVersion: 'DeviceInfo.SoftwareVersion',
  hardwareVersion: 'DeviceInfo.HardwareVersion',
};

/**
 * An identity message checked against the domain's rules for an MQTT identity (the ingress registers the
 * device with it), plus the same facts as DeviceInfo.* parameters: versions change, registration does not.
 */
export const identityMessages = (
  vendor: string,
  ref: DeviceRef,
  at: number,
  identity: IdentityFields,
): VendorResult<UplinkMessage[]> => {
  const { manufacturer, productClass, serialNumber } = identity;
  const checked = parseDeviceIdentity('MQTT', { vendor, clientId: ref.clientId, manufacturer, productClass, serialNumber });
  if (!checked.ok) return fail('MQTT_PAYLOAD_INVALID', checked.error.message);
  const parameters: ReportedValue[] = [];
  for (const [field, path] of Object.entries(deviceInfoPaths) as [keyof IdentityFields, string][]) {
    const value = identity[field];
    if (value !== null) parameters.push({ path, value, valueType: 'string' });
  }
  const messages: UplinkMessage[] = [{ type: 'identity', ...ref, at, identity }];
  if (parameters.length > 0) messages.push({ type: 'parameters', ...ref, at, origin: 'state', parameters });
  return ok(messages);
};
