import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import { assertNever } from '../assert-never.js';
import type { Protocol } from './protocol.js';
import { parseEndpointId } from './usp-endpoint-id.js';
import { describe, isPrintable } from './text.js';

// The identity record of DeviceRegistered (Avro dev.fleetlog.device.DeviceIdentity).
export type DeviceIdentity = {
  readonly manufacturer: string | null;
  readonly oui: string | null;
  readonly productClass: string | null;
  readonly serialNumber: string | null;
  readonly endpointId: string | null;
  readonly vendor: string | null;
  readonly clientId: string | null;
};

export type DeviceIdentityInput = { readonly [K in keyof DeviceIdentity]?: string | null };

export const deviceIdentityFields = [
  'manufacturer',
  'oui',
  'productClass',
  'serialNumber',
  'endpointId',
  'vendor',
  'clientId',
] as const satisfies readonly (keyof DeviceIdentity)[];

// The part of an identity that a device id is derived from, per protocol.
export type ProtocolIdentity =
  | { readonly protocol: 'CWMP'; readonly oui: string; readonly productClass: string | null; readonly serialNumber: string }
  | { readonly protocol: 'USP'; readonly endpointId: string }
  | { readonly protocol: 'MQTT'; readonly vendor: string; readonly clientId: string };

// TR-069 DeviceIdStruct: OUI is six hex digits (upper case on the wire, normalised here);
// Manufacturer, ProductClass and SerialNumber are string(64).
const ouiPattern = /^[0-9A-Fa-f]{6}$/;
export const maxCwmpFieldLength = 64;
// An MQTT vendor is the name of a Fleetlog adapter, so it is a slug and never needs escaping.
const vendorPattern = /^[a-z0-9][a-z0-9._-]{0,62}$/;
// MQTT allows long client ids; 256 keeps keys and URLs sane while covering real fleets.
export const maxClientIdLength = 256;

const invalid = (message: string) => fail('INVALID_DEVICE_IDENTITY', message);

const checkText = (field: string, value: string, max: number): Result<string> =>
  value.length <= max && isPrintable(value)
    ? ok(value)
    : invalid(`${field} ${describe(value)} must be at most ${max} printable characters`);

export const parseOui = (value: unknown): Result<string> =>
  typeof value === 'string' && ouiPattern.test(value)
    ? ok(value.toUpperCase())
    : invalid(`oui ${describe(value)} must be 6 hex digits`);

export const parseVendor = (value: unknown): Result<string> =>
  typeof value === 'string' && vendorPattern.test(value)
    ? ok(value)
    : invalid(`vendor ${describe(value)} must match ${vendorPattern.source}`);

export const parseClientId = (value: unknown): Result<string> =>
  typeof value === 'string' && value.length > 0
    ? checkText('clientId', value, maxClientIdLength)
    : invalid(`clientId ${describe(value)} must be a non-empty string`);

export const parseSerialNumber = (value: unknown): Result<string> =>
  typeof value === 'string' && value.length > 0
    ? checkText('serialNumber', value, maxCwmpFieldLength)
    : invalid(`serialNumber ${describe(value)} must be a non-empty string`);

// ProductClass may be empty in TR-069; empty and absent mean the same, so both become null.
export const parseProductClass = (value: unknown): Result<string | null> => {
  if (value === null || value === undefined || value === '') return ok(null);
  return typeof value === 'string'
    ? checkText('productClass', value, maxCwmpFieldLength)
    : invalid(`productClass ${describe(value)} must be a string`);
};

const present = (value: unknown): boolean => value !== null && value !== undefined && value !== '';

const forbidOthers = (protocol: Protocol, input: DeviceIdentityInput, fields: readonly (keyof DeviceIdentity)[]) => {
  const extra = fields.filter((field) => present(input[field]));
  return extra.length === 0 ? ok(null) : invalid(`${extra.join(', ')} must be null for a ${protocol} device`);
};

const optional = <T>(value: unknown, parse: (value: unknown) => Result<T>): Result<T | null> =>
  present(value) ? parse(value) : ok(null);

const parseManufacturer = (value: unknown): Result<string> =>
  typeof value === 'string'
    ? checkText('manufacturer', value, maxCwmpFieldLength)
    : invalid(`manufacturer ${describe(value)} must be a string`);

/**
 * Validates an identity for its protocol and normalises it (OUI upper case, '' to null).
 * CWMP needs oui + serialNumber (productClass optional); USP needs endpointId and may carry
 * the agent's DeviceInfo (manufacturer, oui, productClass, serialNumber); MQTT needs vendor + clientId.
 */
export const parseDeviceIdentity = (protocol: Protocol, input: unknown): Result<DeviceIdentity> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return invalid('identity must be an object');
  const unknownFields = Object.keys(input).filter((key) => !(deviceIdentityFields as readonly string[]).includes(key));
  if (unknownFields.length > 0) return invalid(`unknown identity fields: ${unknownFields.join(', ')}`);
  const fields = input as DeviceIdentityInput;

  const manufacturer = optional(fields.manufacturer, parseManufacturer);
  if (!manufacturer.ok) return manufacturer;
  const oui = optional(fields.oui, parseOui);
  if (!oui.ok) return oui;
  const productClass = parseProductClass(fields.productClass);
  if (!productClass.ok) return productClass;
  const serialNumber = optional(fields.serialNumber, parseSerialNumber);
  if (!serialNumber.ok) return serialNumber;
  const base = { manufacturer: manufacturer.value, oui: oui.value, productClass: productClass.value, serialNumber: serialNumber.value };

  switch (protocol) {
    case 'CWMP': {
      const others = forbidOthers(protocol, fields, ['endpointId', 'vendor', 'clientId']);
      if (!others.ok) return others;
      if (base.oui === null) return invalid('oui is required for a CWMP device');
      if (base.serialNumber === null) return invalid('serialNumber is required for a CWMP device');
      return ok({ ...base, endpointId: null, vendor: null, clientId: null });
    }
    case 'USP': {
      const others = forbidOthers(protocol, fields, ['vendor', 'clientId']);
      if (!others.ok) return others;
      const endpointId = parseEndpointId(fields.endpointId);
      if (!endpointId.ok) return endpointId;
      return ok({ ...base, endpointId: fields.endpointId as string, vendor: null, clientId: null });
    }
    case 'MQTT': {
      const others = forbidOthers(protocol, fields, ['endpointId']);
      if (!others.ok) return others;
      const vendor = parseVendor(fields.vendor);
      if (!vendor.ok) return vendor;
      const clientId = parseClientId(fields.clientId);
      if (!clientId.ok) return clientId;
      return ok({ ...base, endpointId: null, vendor: vendor.value, clientId: clientId.value });
    }
    default:
      return assertNever(protocol);
  }
};

// The id-bearing part of a validated identity.
export const protocolIdentityOf = (protocol: Protocol, identity: DeviceIdentity): ProtocolIdentity => {
  switch (protocol) {
    case 'CWMP':
      return { protocol, oui: identity.oui ?? '', productClass: identity.productClass, serialNumber: identity.serialNumber ?? '' };
    case 'USP':
      return { protocol, endpointId: identity.endpointId ?? '' };
    case 'MQTT':
      return { protocol, vendor: identity.vendor ?? '', clientId: identity.clientId ?? '' };
    default:
      return assertNever(protocol);
  }
};
