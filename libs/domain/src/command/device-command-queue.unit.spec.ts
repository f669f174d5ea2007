import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordedCommandEvent } from './device-command-queue.js';
import { deviceCommandQueue } from './device-command-queue.js';
import type { CommandEvent } from './events.js';
import { DEADLINE, HOUR, T0, cancelled, dispatched, expired, failed, requested, succeeded } from './fixtures.js';

const on = (commandId: string, event: CommandEvent): RecordedCommandEvent => ({ commandId, event });

const requestedAt = (at: number, deadline: number, kind: 'cwmp.Reboot' | 'cwmp.FactoryReset' = 'cwmp.Reboot'): CommandEvent => ({
  ...requested,
  data: { ...requested.data, kind, deadline },
  occurredAt: at,
} as CommandEvent);

const ids = (commands: readonly { commandId: string }[]) => commands.map((command) => command.commandId);

describe('Device command queue', () => {
  it('is empty without events', () => {
    assert.deepEqual(deviceCommandQueue([], T0), { pending: [], overdue: [] });
  });

  it('lists requested and dispatched commands in request order, dropping finished ones', () => {
    const queue = deviceCommandQueue(
      [
        on('a', requestedAt(T0, DEADLINE)),
        on('b', requestedAt(T0 + 1, DEADLINE)),
        on('c', requestedAt(T0 + 2, DEADLINE)),
        on('d', requestedAt(T0 + 3, DEADLINE)),
        on('e', requestedAt(T0 + 4, DEADLINE)),
        on('f', requestedAt(T0 + 5, DEADLINE)),
        on('b', dispatched(1)),
        on('a', dispatched(1)),
        on('c', dispatched(1)),
        on('c', succeeded),
        on('d', failed),
        on('e', cancelled),
        on('f', expired),
      ],
      T0 + 10,
    );
    assert.deepEqual(ids(queue.pending), ['a', 'b']);
    assert.deepEqual(queue.pending.map((command) => [command.status, command.attempts]), [
      ['dispatched', 1],
      ['dispatched', 1],
    ]);
  });

  it('keeps everything ingress needs to send the command again', () => {
    const [command] = deviceCommandQueue([on('a', requested), on('a', dispatched(1)), on('a', dispatched(2))], T0).pending;
    assert.deepEqual(command, {
      commandId: 'a',
      status: 'dispatched',
      deviceId: requested.data.deviceId,
      protocol: 'CWMP',
      kind: 'cwmp.Reboot',
      arguments: '{"commandKey":"maintenance"}',
      deadline: DEADLINE,
      requestedBy: 'user:42',
      batchId: null,
      requestedAt: T0,
      attempts: 2,
    });
  });

  it('flags pending commands whose deadline has come as overdue', () => {
    const events = [on('soon', requestedAt(T0, T0 + HOUR)), on('later', requestedAt(T0 + 1, T0 + 2 * HOUR)), on('done', requestedAt(T0 + 2, T0 + HOUR))];
    events.push(on('done', { ...succeeded }));
    assert.deepEqual(ids(deviceCommandQueue(events, T0 + HOUR - 1).overdue), []);
    assert.deepEqual(ids(deviceCommandQueue(events, T0 + HOUR).overdue), ['soon']);
    assert.deepEqual(ids(deviceCommandQueue(events, T0 + 2 * HOUR).overdue), ['soon', 'later']);
    assert.deepEqual(ids(deviceCommandQueue(events, T0 + 2 * HOUR).pending), ['soon', 'later']);
  });

  it('orders by request even when a stray event of a command arrived before its request', () => {
    const queue = deviceCommandQueue([on('late', dispatched(1)), on('first', requested), on('late', requestedAt(T0 + 1, DEADLINE))], T0);
    assert.deepEqual(ids(queue.pending), ['first', 'late']);
    // The stray dispatch preceded the request, so it does not count as an attempt.
    assert.equal(queue.pending[1]?.attempts, 0);
  });
});
