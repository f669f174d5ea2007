import { describe, it } from 'node:test';
import { deciderSpec } from '../testing/decider-spec.js';
import { commandDecider } from './decider.js';
import { DEADLINE, T0, cancelled, deviceId, dispatched, expired, failed, requested, succeeded } from './fixtures.js';
import type { RequestedCommand } from './state.js';

const { given } = deciderSpec(commandDecider);

const base: RequestedCommand = {
  status: 'requested',
  deviceId,
  protocol: 'CWMP',
  kind: 'cwmp.Reboot',
  arguments: '{"commandKey":"maintenance"}',
  deadline: DEADLINE,
  requestedBy: 'user:42',
  batchId: null,
  requestedAt: T0,
  attempts: 0,
};

describe('Command state', () => {
  it('starts unrequested and ignores events of a command never requested', () => {
    given([]).thenState({ status: 'unrequested' });
    given([dispatched(1), succeeded]).thenState({ status: 'unrequested' });
  });

  it('holds the request after CommandRequested, ignoring a duplicate', () => {
    given([requested]).thenState(base);
    given([requested, { ...requested, occurredAt: T0 + 1 }]).thenState(base);
  });

  it('holds the latest attempt and channel after CommandDispatched', () => {
    given([requested, dispatched(1), dispatched(2)]).thenState({
      ...base,
      status: 'dispatched',
      attempts: 2,
      channel: 'cwmp-session',
      dispatchedAt: T0 + 2000,
    });
  });

  it('holds the outcome of each terminal event', () => {
    given([requested, dispatched(1), succeeded]).thenState({ ...base, attempts: 1, status: 'succeeded', result: '{}', completedAt: T0 + 5000 });
    given([requested, failed]).thenState({
      ...base,
      status: 'failed',
      code: 'CWMP_FAULT',
      message: 'Request denied',
      faultCode: 9001,
      completedAt: T0 + 5000,
    });
    given([requested, expired]).thenState({ ...base, status: 'expired', completedAt: DEADLINE });
    given([requested, cancelled]).thenState({ ...base, status: 'cancelled', cancelledBy: 'user:7', reason: null, completedAt: T0 + 5000 });
  });

  it('applies a recorded success even without a recorded dispatch (events are facts)', () => {
    given([requested, succeeded]).thenState({ ...base, status: 'succeeded', result: '{}', completedAt: T0 + 5000 });
  });

  it('keeps the first outcome when more are recorded', () => {
    given([requested, cancelled, succeeded, dispatched(1)]).thenState({
      ...base,
      status: 'cancelled',
      cancelledBy: 'user:7',
      reason: null,
      completedAt: T0 + 5000,
    });
  });
});
