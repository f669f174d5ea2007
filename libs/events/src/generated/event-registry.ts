// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

import type {
  CommandAccepted,
  CommandCancelled,
  CommandDispatched,
  CommandExpired,
  CommandFailed,
  CommandRequested,
  CommandSucceeded,
} from './types/command.js';
import type {
  DeviceEventReported,
  DeviceInformed,
  DeviceParametersReported,
  DeviceRegistered,
  DeviceSessionEnded,
  DeviceSessionStarted,
  DeviceTagged,
  DeviceTransferCompleted,
  DeviceUntagged,
  DeviceWentOffline,
  DeviceWentOnline,
} from './types/device.js';
import type { IngressRejected } from './types/ingress.js';
import type { TelemetryReported } from './types/telemetry.js';
import type {
  TenantApiKeyIssued,
  TenantApiKeyRevoked,
  TenantCreated,
  TenantCwmpCredentialRemoved,
  TenantCwmpCredentialSet,
} from './types/tenant.js';
import {
  CommandAcceptedFullName,
  CommandAcceptedSchema,
  CommandCancelledFullName,
  CommandCancelledSchema,
  CommandDispatchedFullName,
  CommandDispatchedSchema,
  CommandExpiredFullName,
  CommandExpiredSchema,
  CommandFailedFullName,
  CommandFailedSchema,
  CommandRequestedFullName,
  CommandRequestedSchema,
  CommandSucceededFullName,
  CommandSucceededSchema,
} from './schemas/command.js';
import {
  DeviceEventReportedFullName,
  DeviceEventReportedSchema,
  DeviceInformedFullName,
  DeviceInformedSchema,
  DeviceParametersReportedFullName,
  DeviceParametersReportedSchema,
  DeviceRegisteredFullName,
  DeviceRegisteredSchema,
  DeviceSessionEndedFullName,
  DeviceSessionEndedSchema,
  DeviceSessionStartedFullName,
  DeviceSessionStartedSchema,
  DeviceTaggedFullName,
  DeviceTaggedSchema,
  DeviceTransferCompletedFullName,
  DeviceTransferCompletedSchema,
  DeviceUntaggedFullName,
  DeviceUntaggedSchema,
  DeviceWentOfflineFullName,
  DeviceWentOfflineSchema,
  DeviceWentOnlineFullName,
  DeviceWentOnlineSchema,
} from './schemas/device.js';
import { IngressRejectedFullName, IngressRejectedSchema } from './schemas/ingress.js';
import { TelemetryReportedFullName, TelemetryReportedSchema } from './schemas/telemetry.js';
import {
  TenantApiKeyIssuedFullName,
  TenantApiKeyIssuedSchema,
  TenantApiKeyRevokedFullName,
  TenantApiKeyRevokedSchema,
  TenantCreatedFullName,
  TenantCreatedSchema,
  TenantCwmpCredentialRemovedFullName,
  TenantCwmpCredentialRemovedSchema,
  TenantCwmpCredentialSetFullName,
  TenantCwmpCredentialSetSchema,
} from './schemas/tenant.js';

/** Folders under schemas/avro; each is the bounded context that owns the events in it. */
export const eventContexts = ['command', 'device', 'ingress', 'telemetry', 'tenant'] as const;

export type EventContext = (typeof eventContexts)[number];

/** Every event schema, keyed by event type (the record name), with its Avro full name and context. */
export const eventSchemas = {
  CommandAccepted: {
    fullName: CommandAcceptedFullName,
    context: 'command',
    schema: CommandAcceptedSchema,
  },
  CommandCancelled: {
    fullName: CommandCancelledFullName,
    context: 'command',
    schema: CommandCancelledSchema,
  },
  CommandDispatched: {
    fullName: CommandDispatchedFullName,
    context: 'command',
    schema: CommandDispatchedSchema,
  },
  CommandExpired: {
    fullName: CommandExpiredFullName,
    context: 'command',
    schema: CommandExpiredSchema,
  },
  CommandFailed: {
    fullName: CommandFailedFullName,
    context: 'command',
    schema: CommandFailedSchema,
  },
  CommandRequested: {
    fullName: CommandRequestedFullName,
    context: 'command',
    schema: CommandRequestedSchema,
  },
  CommandSucceeded: {
    fullName: CommandSucceededFullName,
    context: 'command',
    schema: CommandSucceededSchema,
  },
  DeviceEventReported: {
    fullName: DeviceEventReportedFullName,
    context: 'device',
    schema: DeviceEventReportedSchema,
  },
  DeviceInformed: {
    fullName: DeviceInformedFullName,
    context: 'device',
    schema: DeviceInformedSchema,
  },
  DeviceParametersReported: {
    fullName: DeviceParametersReportedFullName,
    context: 'device',
    schema: DeviceParametersReportedSchema,
  },
  DeviceRegistered: {
    fullName: DeviceRegisteredFullName,
    context: 'device',
    schema: DeviceRegisteredSchema,
  },
  DeviceSessionEnded: {
    fullName: DeviceSessionEndedFullName,
    context: 'device',
    schema: DeviceSessionEndedSchema,
  },
  DeviceSessionStarted: {
    fullName: DeviceSessionStartedFullName,
    context: 'device',
    schema: DeviceSessionStartedSchema,
  },
  DeviceTagged: {
    fullName: DeviceTaggedFullName,
    context: 'device',
    schema: DeviceTaggedSchema,
  },
  DeviceTransferCompleted: {
    fullName: DeviceTransferCompletedFullName,
    context: 'device',
    schema: DeviceTransferCompletedSchema,
  },
  DeviceUntagged: {
    fullName: DeviceUntaggedFullName,
    context: 'device',
    schema: DeviceUntaggedSchema,
  },
  DeviceWentOffline: {
    fullName: DeviceWentOfflineFullName,
    context: 'device',
    schema: DeviceWentOfflineSchema,
  },
  DeviceWentOnline: {
    fullName: DeviceWentOnlineFullName,
    context: 'device',
    schema: DeviceWentOnlineSchema,
  },
  IngressRejected: {
    fullName: IngressRejectedFullName,
    context: 'ingress',
    schema: IngressRejectedSchema,
  },
  TelemetryReported: {
    fullName: TelemetryReportedFullName,
    context: 'telemetry',
    schema: TelemetryReportedSchema,
  },
  TenantApiKeyIssued: {
    fullName: TenantApiKeyIssuedFullName,
    context: 'tenant',
    schema: TenantApiKeyIssuedSchema,
  },
  TenantApiKeyRevoked: {
    fullName: TenantApiKeyRevokedFullName,
    context: 'tenant',
    schema: TenantApiKeyRevokedSchema,
  },
  TenantCreated: {
    fullName: TenantCreatedFullName,
    context: 'tenant',
    schema: TenantCreatedSchema,
  },
  TenantCwmpCredentialRemoved: {
    fullName: TenantCwmpCredentialRemovedFullName,
    context: 'tenant',
    schema: TenantCwmpCredentialRemovedSchema,
  },
  TenantCwmpCredentialSet: {
    fullName: TenantCwmpCredentialSetFullName,
    context: 'tenant',
    schema: TenantCwmpCredentialSetSchema,
  },
} as const;

/** Event types: the record names, which events also carry in their `type` field. */
export type EventType = keyof typeof eventSchemas;

/** The TypeScript shape of each event type. */
export interface EventTypeMap {
  CommandAccepted: CommandAccepted;
  CommandCancelled: CommandCancelled;
  CommandDispatched: CommandDispatched;
  CommandExpired: CommandExpired;
  CommandFailed: CommandFailed;
  CommandRequested: CommandRequested;
  CommandSucceeded: CommandSucceeded;
  DeviceEventReported: DeviceEventReported;
  DeviceInformed: DeviceInformed;
  DeviceParametersReported: DeviceParametersReported;
  DeviceRegistered: DeviceRegistered;
  DeviceSessionEnded: DeviceSessionEnded;
  DeviceSessionStarted: DeviceSessionStarted;
  DeviceTagged: DeviceTagged;
  DeviceTransferCompleted: DeviceTransferCompleted;
  DeviceUntagged: DeviceUntagged;
  DeviceWentOffline: DeviceWentOffline;
  DeviceWentOnline: DeviceWentOnline;
  IngressRejected: IngressRejected;
  TelemetryReported: TelemetryReported;
  TenantApiKeyIssued: TenantApiKeyIssued;
  TenantApiKeyRevoked: TenantApiKeyRevoked;
  TenantCreated: TenantCreated;
  TenantCwmpCredentialRemoved: TenantCwmpCredentialRemoved;
  TenantCwmpCredentialSet: TenantCwmpCredentialSet;
}

/** Events owned by the command context (schemas/avro/command). */
export type CommandEvent =
  | CommandAccepted
  | CommandCancelled
  | CommandDispatched
  | CommandExpired
  | CommandFailed
  | CommandRequested
  | CommandSucceeded;

/** Events owned by the device context (schemas/avro/device). */
export type DeviceEvent =
  | DeviceEventReported
  | DeviceInformed
  | DeviceParametersReported
  | DeviceRegistered
  | DeviceSessionEnded
  | DeviceSessionStarted
  | DeviceTagged
  | DeviceTransferCompleted
  | DeviceUntagged
  | DeviceWentOffline
  | DeviceWentOnline;

/** Events owned by the ingress context (schemas/avro/ingress). */
export type IngressEvent = IngressRejected;

/** Events owned by the telemetry context (schemas/avro/telemetry). */
export type TelemetryEvent = TelemetryReported;

/** Events owned by the tenant context (schemas/avro/tenant). */
export type TenantEvent =
  | TenantApiKeyIssued
  | TenantApiKeyRevoked
  | TenantCreated
  | TenantCwmpCredentialRemoved
  | TenantCwmpCredentialSet;

/** Any event of any context. */
export type AnyEvent = CommandEvent | DeviceEvent | IngressEvent | TelemetryEvent | TenantEvent;
