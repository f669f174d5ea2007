import type { DomainEvent } from '../domain-event.js';
import type { Channel, Protocol } from '../values/protocol.js';
import type { DeviceIdentity } from '../values/device-identity.js';
import type { ValueType } from '../values/value-type.js';

// `data` of each event is exactly the Avro payload of schemas/avro/device/<Type>.avsc.

export const reportOrigins = ['inform', 'get', 'notify', 'set', 'state'] as const;
// What carried the values: CWMP Inform or GetParameterValues, USP Get/Notify/Set, MQTT state.
export type ReportOrigin = (typeof reportOrigins)[number];

export const offlineReasons = ['missed-contact-window', 'disconnected', 'last-will'] as const;
export type OfflineReason = (typeof offlineReasons)[number];

export type ReportedParameter = {
  readonly path: string;
  readonly value: string;
  readonly valueType: ValueType;
  readonly writable: boolean | null;
};

export type DeviceRegistered = DomainEvent<'DeviceRegistered', { readonly protocol: Protocol; readonly identity: DeviceIdentity }>;

export type DeviceParametersReported = DomainEvent<
  'DeviceParametersReported',
  { readonly origin: ReportOrigin; readonly parameters: readonly ReportedParameter[] }
>;

export type DeviceWentOnline = DomainEvent<'DeviceWentOnline', { readonly via: Channel; readonly expectedIntervalSeconds: number | null }>;

export type DeviceWentOffline = DomainEvent<'DeviceWentOffline', { readonly lastContactAt: number | null; readonly reason: OfflineReason }>;

export type DeviceTagged = DomainEvent<'DeviceTagged', { readonly tag: string }>;

export type DeviceUntagged = DomainEvent<'DeviceUntagged', { readonly tag: string }>;

export type DeviceEvent =
  | DeviceRegistered
  | DeviceParametersReported
  | DeviceWentOnline
  | DeviceWentOffline
  | DeviceTagged
  | DeviceUntagged;

export const deviceEventTypes = [
  'DeviceRegistered',
  'DeviceParametersReported',
  'DeviceWentOnline',
  'DeviceWentOffline',
  'DeviceTagged',
  'DeviceUntagged',
] as const satisfies readonly DeviceEvent['type'][];
