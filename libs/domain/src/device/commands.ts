import type { DomainCommand } from '../domain-event.js';
import type { DeviceIdentityInput } from '../values/device-identity.js';

// Inputs are plain values as an app receives them; decide validates them. `now` is epoch millis
// of when the fact happened and becomes the event's occurredAt.

export type RegisterDevice = DomainCommand<
  'RegisterDevice',
  {
    readonly tenantId: string;
    // Must equal the id derived from protocol + identity: the aggregate id and the identity agree.
    readonly deviceId: string;
    readonly protocol: string;
    readonly identity: DeviceIdentityInput;
    readonly now: number;
  }
>;

export type ParameterReportInput = {
  readonly path: string;
  readonly value: string;
  readonly valueType: string;
  readonly writable?: boolean | null;
};

export type ReportParameters = DomainCommand<
  'ReportParameters',
  { readonly origin: string; readonly parameters: readonly ParameterReportInput[]; readonly now: number }
>;

export type RecordContact = DomainCommand<
  'RecordContact',
  { readonly via: string; readonly expectedIntervalSeconds?: number | null; readonly now: number }
>;

export type MarkOffline = DomainCommand<
  'MarkOffline',
  {
    readonly reason: string;
    readonly now: number;
    // The last contact the caller saw; contacts while online emit no events, so the aggregate's own may be older.
    readonly lastContactAt?: number | null;
  }
>;

export type TagDevice = DomainCommand<'TagDevice', { readonly tag: string; readonly now: number }>;

export type UntagDevice = DomainCommand<'UntagDevice', { readonly tag: string; readonly now: number }>;

export type DeviceCommand = RegisterDevice | ReportParameters | RecordContact | MarkOffline | TagDevice | UntagDevice;
