import type { DomainEvent } from '../domain-event.js';
import type { CommandKind } from '../values/command-kinds/catalog.js';
import type { Channel, Protocol } from '../values/protocol.js';

// `data` of each event is exactly the Avro payload of schemas/avro/command/<Type>.avsc.
// The aggregate id (envelope) is the command id; deviceId is in every payload so that the
// command topic, keyed by tenantId/deviceId, can be folded per device.

export type CommandRequested = DomainEvent<
  'CommandRequested',
  {
    readonly deviceId: string;
    readonly protocol: Protocol;
    readonly kind: CommandKind;
    // JSON text of the validated arguments.
    readonly arguments: string;
    readonly deadline: number;
    readonly requestedBy: string;
    readonly batchId: string | null;
  }
>;

export type CommandDispatched = DomainEvent<
  'CommandDispatched',
  { readonly deviceId: string; readonly attempt: number; readonly channel: Channel }
>;

// result: JSON text of the device's answer.
export type CommandSucceeded = DomainEvent<'CommandSucceeded', { readonly deviceId: string; readonly result: string }>;

export type CommandFailed = DomainEvent<
  'CommandFailed',
  { readonly deviceId: string; readonly code: string; readonly message: string; readonly faultCode: number | null }
>;

export type CommandExpired = DomainEvent<'CommandExpired', { readonly deviceId: string; readonly deadline: number }>;

export type CommandCancelled = DomainEvent<
  'CommandCancelled',
  { readonly deviceId: string; readonly cancelledBy: string; readonly reason: string | null }
>;

export type CommandEvent =
  | CommandRequested
  | CommandDispatched
  | CommandSucceeded
  | CommandFailed
  | CommandExpired
  | CommandCancelled;

export const commandEventTypes = [
  'CommandRequested',
  'CommandDispatched',
  'CommandSucceeded',
  'CommandFailed',
  'CommandExpired',
  'CommandCancelled',
] as const satisfies readonly CommandEvent['type'][];
