import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import { assertNever } from '../assert-never.js';
import type { Brand } from './brand.js';
import type { Protocol } from './protocol.js';
import {
  parseClientId,
  parseDeviceIdentity,
  parseOui,
  parseProductClass,
  parseSerialNumber,
  parseVendor,
  protocolIdentityOf,
} from './device-identity.js';
import type { ProtocolIdentity } from './device-identity.js';
import { decodeIdComponent, encodeIdComponent } from './id-encoding.js';
import { parseEndpointId } from './usp-endpoint-id.js';
import { describe } from './text.js';

/**
 * A device id is derived from the protocol identity and unique within a tenant:
 *
 * - CWMP: `OUI-ProductClass-SerialNumber`, or `OUI-SerialNumber` when ProductClass is empty
 *   (TR-069 §3.4.4). OUI is upper-case hex; ProductClass and SerialNumber are percent-encoded
 *   (RFC 3986 unreserved characters kept, everything else as %XX of its UTF-8 bytes, upper-case
 *   hex) and '-' is encoded too, so the separators are unambiguous: `00D09E-IGD%2FX-AB%2D12`.
 * - USP: the endpoint id as is (`oui:00D09E:abc`); TR-369 already restricts it to safe characters.
 * - MQTT: `vendor:clientId`, vendor a slug, clientId percent-encoded (':' and '/' become %3A, %2F).
 *
 * The three forms never collide: a CWMP id has no ':', an MQTT id exactly one, a USP id exactly two.
 * None contains '/', so `tenantId/deviceId` is an unambiguous Kafka key. `parseDeviceId` inverts
 * the derivation and accepts only the canonical form, so one device has exactly one id.
 */
export type DeviceId = Brand<string, 'DeviceId'>;

const invalid = (value: unknown, why: string) => fail('INVALID_DEVICE_ID', `Device id ${describe(value)} is invalid: ${why}`);

export const deviceIdOf = (identity: ProtocolIdentity): Result<DeviceId> => {
  switch (identity.protocol) {
    case 'CWMP': {
      const oui = parseOui(identity.oui);
      if (!oui.ok) return oui;
      const productClass = parseProductClass(identity.productClass);
      if (!productClass.ok) return productClass;
      const serial = parseSerialNumber(identity.serialNumber);
      if (!serial.ok) return serial;
      const parts = [oui.value, productClass.value, serial.value]
        .filter((part): part is string => part !== null)
        .map((part, index) => (index === 0 ? part : encodeIdComponent(part, '-')));
      return ok(parts.join('-') as DeviceId);
    }
    case 'USP': {
      const endpoint = parseEndpointId(identity.endpointId);
      return endpoint.ok ? ok(identity.endpointId as DeviceId) : endpoint;
    }
    case 'MQTT': {
      const vendor = parseVendor(identity.vendor);
      if (!vendor.ok) return vendor;
      const clientId = parseClientId(identity.clientId);
      if (!clientId.ok) return clientId;
      return ok(`${vendor.value}:${encodeIdComponent(clientId.value)}` as DeviceId);
    }
    default:
      return assertNever(identity);
  }
};

// Validates a full identity record for its protocol and derives the id from it.
export const deriveDeviceId = (protocol: Protocol, identity: unknown): Result<DeviceId> => {
  const parsed = parseDeviceIdentity(protocol, identity);
  return parsed.ok ? deviceIdOf(protocolIdentityOf(protocol, parsed.value)) : parsed;
};

const parseCwmpId = (value: string): Result<ProtocolIdentity> => {
  const parts = value.split('-');
  if (parts.length !== 2 && parts.length !== 3) return invalid(value, 'a CWMP id is OUI-[ProductClass-]SerialNumber');
  const [oui, ...rest] = parts as [string, ...string[]];
  const decoded = rest.map((part) => decodeIdComponent(part, '-'));
  if (decoded.some((part) => part === undefined)) return invalid(value, 'not canonically percent-encoded');
  const [productClass, serialNumber] = decoded.length === 2 ? [decoded[0] as string, decoded[1] as string] : [null, decoded[0] as string];
  return ok({ protocol: 'CWMP', oui, productClass, serialNumber });
};

const parseMqttId = (value: string): Result<ProtocolIdentity> => {
  const [vendor, encodedClientId] = value.split(':') as [string, string];
  const clientId = decodeIdComponent(encodedClientId);
  return clientId === undefined
    ? invalid(value, 'clientId is not canonically percent-encoded')
    : ok({ protocol: 'MQTT', vendor, clientId });
};

export const parseDeviceId = (value: unknown): Result<ProtocolIdentity> => {
  if (typeof value !== 'string' || value.length === 0) return invalid(value, 'not a non-empty string');
  const colons = value.split(':').length - 1;
  const parsed: Result<ProtocolIdentity> =
    colons === 0
      ? parseCwmpId(value)
      : colons === 1
        ? parseMqttId(value)
        : colons === 2
          ? ok({ protocol: 'USP', endpointId: value })
          : invalid(value, 'too many ":"');
  if (!parsed.ok) return parsed;
  // Re-deriving proves the parts are valid and the text is the canonical form.
  const rederived = deviceIdOf(parsed.value);
  if (!rederived.ok) return invalid(value, rederived.error.message);
  return rederived.value === value ? parsed : invalid(value, `not canonical; expected ${rederived.value}`);
};

export const parseDeviceIdString = (value: unknown): Result<DeviceId> => {
  const parsed = parseDeviceId(value);
  return parsed.ok ? ok(value as DeviceId) : parsed;
};
