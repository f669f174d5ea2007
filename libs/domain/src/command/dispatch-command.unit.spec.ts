import { describe, it } from 'node:test';
import { deciderSpec } from '../testing/decider-spec.js';
import type { DispatchCommand } from './commands.js';
import { commandDecider } from './decider.js';
import { DEADLINE, T0, dispatched, request, requested } from './fixtures.js';

const { given } = deciderSpec(commandDecider);

const dispatch = (now: number, channel = 'cwmp-session'): DispatchCommand => ({ type: 'DispatchCommand', data: { channel, now } });

describe('DispatchCommand', () => {
  it('dispatches a requested command as attempt 1', () => {
    given([requested]).when(dispatch(T0 + 1000)).then([dispatched(1, T0 + 1000)]);
  });

  it('counts attempts when a command is dispatched again (e.g. the CWMP session dropped)', () => {
    given([requested, dispatched(1)]).when(dispatch(T0 + 2000)).then([dispatched(2, T0 + 2000)]);
    given([requested, dispatched(1), dispatched(2)]).when(dispatch(T0 + 3000)).then([dispatched(3, T0 + 3000)]);
  });

  it('fails with COMMAND_DEADLINE_PASSED at or after the deadline', () => {
    given([requested]).when(dispatch(DEADLINE)).thenFails('COMMAND_DEADLINE_PASSED');
    given([requested, dispatched(1)]).when(dispatch(DEADLINE + 1)).thenFails('COMMAND_DEADLINE_PASSED');
  });

  it('fails with INVALID_CHANNEL for a channel of another protocol', () => {
    given([requested]).when(dispatch(T0 + 1000, 'usp-mqtt')).thenFails('INVALID_CHANNEL');
  });

  it('dispatches USP commands over usp-mqtt', () => {
    const uspRequest = request({ deviceId: 'self::agent', protocol: 'USP', kind: 'usp.Get', arguments: { paths: ['Device.'] } });
    const result = commandDecider.decide(uspRequest, commandDecider.initialState());
    if (!result.ok) throw new Error(result.error.message);
    given(result.value)
      .when(dispatch(T0 + 1000, 'usp-mqtt'))
      .then([{ type: 'CommandDispatched', data: { deviceId: 'self::agent', attempt: 1, channel: 'usp-mqtt' }, occurredAt: T0 + 1000 }]);
  });

  it('fails with COMMAND_NOT_FOUND when the command was never requested', () => {
    given([]).when(dispatch(T0)).thenFails('COMMAND_NOT_FOUND');
  });

  it('fails with INVALID_TIMESTAMP when now is not epoch millis', () => {
    given([requested]).when(dispatch(Number.POSITIVE_INFINITY)).thenFails('INVALID_TIMESTAMP');
  });
});
