import type { CommandEvent } from './events.js';
import { evolveCommand, initialCommandState, isPending, requestOf } from './state.js';
import type { CommandState, Requested } from './state.js';

// One command event as read from the command topic: the envelope's aggregate id and the event.
export type RecordedCommandEvent = { readonly commandId: string; readonly event: CommandEvent };

// `arguments` is JSON text; parseCommandArguments gives the typed arguments back.
export type PendingCommand = Requested & {
  readonly commandId: string;
  readonly status: 'requested' | 'dispatched';
};

export type DeviceCommandQueue = {
  // Requested or dispatched and not yet terminal, in request order.
  readonly pending: readonly PendingCommand[];
  // The pending commands whose deadline is at or before `now`: due for ExpireCommand.
  readonly overdue: readonly PendingCommand[];
};

/**
 * Rebuilds a device's command queue from its command events in topic order, so an ingress
 * restart loses no pending command. Each command is folded with the command decider's evolve;
 * events of a command whose CommandRequested is missing are ignored.
 */
export const deviceCommandQueue = (events: readonly RecordedCommandEvent[], now: number): DeviceCommandQueue => {
  const states = new Map<string, CommandState>();
  const requestOrder: string[] = [];
  for (const { commandId, event } of events) {
    const before = states.get(commandId) ?? initialCommandState();
    const after = evolveCommand(before, event);
    if (before.status === 'unrequested' && after.status !== 'unrequested') requestOrder.push(commandId);
    states.set(commandId, after);
  }
  const pending: PendingCommand[] = [];
  for (const commandId of requestOrder) {
    const state = states.get(commandId);
    if (state === undefined || !isPending(state)) continue;
    pending.push({ commandId, status: state.status, ...requestOf(state) });
  }
  return { pending, overdue: pending.filter((command) => command.deadline <= now) };
};
