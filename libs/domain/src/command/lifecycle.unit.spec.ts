import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DomainErrorCode } from '../errors.js';
import type { CommandLifecycleCommand } from './commands.js';
import { commandDecider } from './decider.js';
import type { CommandEvent } from './events.js';
import { DEADLINE, T0, cancelled, dispatched, expired, failed, lifecycleCommands, request, requested, succeeded } from './fixtures.js';
import type { CommandState } from './state.js';

type Status = CommandState['status'];
type CommandType = CommandLifecycleCommand['type'];
// An event type the command records (and the status it leads to), 'nothing', or an error code.
type Outcome = readonly [CommandEvent['type'], Status] | 'nothing' | DomainErrorCode;

const histories: Readonly<Record<Status, readonly CommandEvent[]>> = {
  unrequested: [],
  requested: [requested],
  dispatched: [requested, dispatched(1)],
  succeeded: [requested, dispatched(1), succeeded],
  failed: [requested, dispatched(1), failed],
  expired: [requested, expired],
  cancelled: [requested, cancelled],
};

const commands: Readonly<Record<CommandType, CommandLifecycleCommand>> = { RequestCommand: request(), ...lifecycleCommands };

const done: DomainErrorCode = 'COMMAND_ALREADY_COMPLETED';
const notFound: DomainErrorCode = 'COMMAND_NOT_FOUND';
const terminal: Record<CommandType, Outcome> = {
  RequestCommand: 'nothing',
  DispatchCommand: done,
  CompleteCommand: done,
  FailCommand: done,
  ExpireCommand: done,
  CancelCommand: done,
};

// Every status x every command: the whole lifecycle in one table.
const transitions: Readonly<Record<Status, Record<CommandType, Outcome>>> = {
  unrequested: {
    RequestCommand: ['CommandRequested', 'requested'],
    DispatchCommand: notFound,
    CompleteCommand: notFound,
    FailCommand: notFound,
    ExpireCommand: notFound,
    CancelCommand: notFound,
  },
  requested: {
    RequestCommand: 'nothing',
    DispatchCommand: ['CommandDispatched', 'dispatched'],
    CompleteCommand: 'COMMAND_NOT_DISPATCHED',
    FailCommand: ['CommandFailed', 'failed'],
    ExpireCommand: ['CommandExpired', 'expired'],
    CancelCommand: ['CommandCancelled', 'cancelled'],
  },
  dispatched: {
    RequestCommand: 'nothing',
    DispatchCommand: ['CommandDispatched', 'dispatched'],
    CompleteCommand: ['CommandSucceeded', 'succeeded'],
    FailCommand: ['CommandFailed', 'failed'],
    ExpireCommand: ['CommandExpired', 'expired'],
    CancelCommand: ['CommandCancelled', 'cancelled'],
  },
  succeeded: terminal,
  failed: terminal,
  expired: terminal,
  cancelled: terminal,
};

const fold = (events: readonly CommandEvent[]): CommandState => events.reduce(commandDecider.evolve, commandDecider.initialState());

describe('Command lifecycle transitions', () => {
  for (const [status, row] of Object.entries(transitions) as [Status, Record<CommandType, Outcome>][]) {
    for (const [type, outcome] of Object.entries(row) as [CommandType, Outcome][]) {
      const label = Array.isArray(outcome) ? `${outcome[0]} -> ${outcome[1]}` : outcome;
      it(`${status} + ${type}: ${label}`, () => {
        const state = fold(histories[status]);
        assert.equal(state.status, status);
        const result = commandDecider.decide(commands[type], state);
        if (outcome === 'nothing') {
          assert.deepEqual(result, { ok: true, value: [] });
        } else if (typeof outcome === 'string') {
          assert.equal(result.ok ? 'ok' : result.error.code, outcome);
        } else {
          assert.ok(result.ok, JSON.stringify(result));
          assert.deepEqual(result.value.map((event) => event.type), [outcome[0]]);
          assert.equal(result.value.reduce(commandDecider.evolve, state).status, outcome[1]);
        }
      });
    }
  }
});

describe('Command lifecycle invariants', () => {
  const arbitraryCommand: fc.Arbitrary<CommandLifecycleCommand> = fc.oneof(
    fc.constant(request()),
    fc.integer({ min: T0, max: DEADLINE + 1000 }).map((now) => ({ type: 'DispatchCommand', data: { channel: 'cwmp-session', now } }) as const),
    fc.constant(lifecycleCommands.CompleteCommand),
    fc.constant(lifecycleCommands.FailCommand),
    fc.integer({ min: T0, max: DEADLINE + 1000 }).map((now) => ({ type: 'ExpireCommand', data: { now } }) as const),
    fc.constant(lifecycleCommands.CancelCommand),
  );

  it('records at most one outcome, numbers attempts 1, 2, 3... and never leaves a terminal state', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCommand, { maxLength: 25 }), (script) => {
        let state = commandDecider.initialState();
        const events: CommandEvent[] = [];
        for (const command of script) {
          const before = state;
          const result = commandDecider.decide(command, state);
          if (!result.ok) continue;
          events.push(...result.value);
          state = result.value.reduce(commandDecider.evolve, state);
          const wasTerminal = ['succeeded', 'failed', 'expired', 'cancelled'].includes(before.status);
          if (wasTerminal) assert.deepEqual(state, before);
        }
        const outcomes = events.filter((e) => ['CommandSucceeded', 'CommandFailed', 'CommandExpired', 'CommandCancelled'].includes(e.type));
        assert.ok(outcomes.length <= 1);
        const attempts = events.flatMap((e) => (e.type === 'CommandDispatched' ? [e.data.attempt] : []));
        assert.deepEqual(attempts, attempts.map((_, index) => index + 1));
        assert.ok(events.filter((e) => e.type === 'CommandRequested').length <= 1);
        if (events.length > 0) assert.equal(events[0]?.type, 'CommandRequested');
      }),
    );
  });
});
