import { assertNever } from '../assert-never.js';
import type { Channel } from '../values/protocol.js';
import type { CommandEvent, CommandRequested } from './events.js';

// What the CommandRequested event recorded, plus when, and how often it was delivered.
export type Requested = CommandRequested['data'] & {
  readonly requestedAt: number;
  // Deliveries so far: 0 until dispatched, then the attempt number of the latest dispatch.
  readonly attempts: number;
};

export type UnrequestedCommand = { readonly status: 'unrequested' };
export type RequestedCommand = Requested & { readonly status: 'requested' };
export type DispatchedCommand = Requested & { readonly status: 'dispatched'; readonly channel: Channel; readonly dispatchedAt: number };
export type SucceededCommand = Requested & { readonly status: 'succeeded'; readonly result: string; readonly completedAt: number };
export type FailedCommand = Requested & {
  readonly status: 'failed';
  readonly code: string;
  readonly message: string;
  readonly faultCode: number | null;
  readonly completedAt: number;
};
export type ExpiredCommand = Requested & { readonly status: 'expired'; readonly completedAt: number };
export type CancelledCommand = Requested & {
  readonly status: 'cancelled';
  readonly cancelledBy: string;
  readonly reason: string | null;
  readonly completedAt: number;
};

export type PendingCommandState = RequestedCommand | DispatchedCommand;
export type TerminalCommandState = SucceededCommand | FailedCommand | ExpiredCommand | CancelledCommand;
export type CommandState = UnrequestedCommand | PendingCommandState | TerminalCommandState;

export const initialCommandState = (): CommandState => ({ status: 'unrequested' });

export const isPending = (state: CommandState): state is PendingCommandState =>
  state.status === 'requested' || state.status === 'dispatched';

export const isTerminal = (state: CommandState): state is TerminalCommandState =>
  state.status === 'succeeded' || state.status === 'failed' || state.status === 'expired' || state.status === 'cancelled';

const requestedFrom = ({ data, occurredAt }: CommandRequested): Requested => ({
  deviceId: data.deviceId,
  protocol: data.protocol,
  kind: data.kind,
  arguments: data.arguments,
  deadline: data.deadline,
  requestedBy: data.requestedBy,
  batchId: data.batchId,
  requestedAt: occurredAt,
  attempts: 0,
});

// Strips the status-specific fields so a transition starts from the request alone.
export const requestOf = (state: PendingCommandState): Requested => ({
  deviceId: state.deviceId,
  protocol: state.protocol,
  kind: state.kind,
  arguments: state.arguments,
  deadline: state.deadline,
  requestedBy: state.requestedBy,
  batchId: state.batchId,
  requestedAt: state.requestedAt,
  attempts: state.attempts,
});

/**
 * Events are facts, so evolve applies any recorded outcome to a pending command, even one
 * decide would not have produced (a success without a recorded dispatch). The first terminal
 * event wins; events for a command never requested are ignored.
 */
export const evolveCommand = (state: CommandState, event: CommandEvent): CommandState => {
  if (state.status === 'unrequested') {
    return event.type === 'CommandRequested' ? { status: 'requested', ...requestedFrom(event) } : state;
  }
  if (!isPending(state)) return state;
  const request = requestOf(state);
  switch (event.type) {
    case 'CommandRequested':
      return state;
    case 'CommandDispatched':
      return {
        ...request,
        status: 'dispatched',
        attempts: Math.max(state.attempts, event.data.attempt),
        channel: event.data.channel,
        dispatchedAt: event.occurredAt,
      };
    case 'CommandSucceeded':
      return { ...request, status: 'succeeded', result: event.data.result, completedAt: event.occurredAt };
    case 'CommandFailed':
      return {
        ...request,
        status: 'failed',
        code: event.data.code,
        message: event.data.message,
        faultCode: event.data.faultCode,
        completedAt: event.occurredAt,
      };
    case 'CommandExpired':
      return { ...request, status: 'expired', completedAt: event.occurredAt };
    case 'CommandCancelled':
      return {
        ...request,
        status: 'cancelled',
        cancelledBy: event.data.cancelledBy,
        reason: event.data.reason,
        completedAt: event.occurredAt,
      };
    default:
      return assertNever(event);
  }
};
