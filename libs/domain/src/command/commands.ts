import type { DomainCommand } from '../domain-event.js';

// Inputs are plain values as an app receives them; decide validates them. `now` is epoch millis
// of when the fact happened and becomes the event's occurredAt.

export type RequestCommand = DomainCommand<
  'RequestCommand',
  {
    // Aggregate id, chosen by the caller (e.g. a UUID) so that a retried request is recognisable.
    readonly commandId: string;
    readonly tenantId: string;
    readonly deviceId: string;
    readonly protocol: string;
    readonly kind: string;
    readonly arguments: unknown;
    readonly deadline: number;
    readonly requestedBy: string;
    readonly batchId?: string | null;
    readonly now: number;
  }
>;

export type DispatchCommand = DomainCommand<'DispatchCommand', { readonly channel: string; readonly now: number }>;

// result: the device's answer as a JSON object.
export type CompleteCommand = DomainCommand<'CompleteCommand', { readonly result: unknown; readonly now: number }>;

export type FailCommand = DomainCommand<
  'FailCommand',
  { readonly code: string; readonly message: string; readonly faultCode?: number | null; readonly now: number }
>;

export type ExpireCommand = DomainCommand<'ExpireCommand', { readonly now: number }>;

export type CancelCommand = DomainCommand<
  'CancelCommand',
  { readonly cancelledBy: string; readonly reason?: string | null; readonly now: number }
>;

export type CommandLifecycleCommand =
  | RequestCommand
  | DispatchCommand
  | CompleteCommand
  | FailCommand
  | ExpireCommand
  | CancelCommand;
