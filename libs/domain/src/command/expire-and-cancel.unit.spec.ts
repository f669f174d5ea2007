import { describe, it } from 'node:test';
import { deciderSpec } from '../testing/decider-spec.js';
import type { CancelCommand, ExpireCommand } from './commands.js';
import { commandDecider } from './decider.js';
import { DEADLINE, T0, deviceId, dispatched, requested } from './fixtures.js';

const { given } = deciderSpec(commandDecider);

const expire = (now: number): ExpireCommand => ({ type: 'ExpireCommand', data: { now } });
const cancel = (data: Partial<CancelCommand['data']> = {}): CancelCommand => ({
  type: 'CancelCommand',
  data: { cancelledBy: 'user:7', reason: 'wrong device', now: T0 + 5000, ...data },
});

describe('ExpireCommand', () => {
  it('expires a requested command at its deadline', () => {
    given([requested]).when(expire(DEADLINE)).then([{ type: 'CommandExpired', data: { deviceId, deadline: DEADLINE }, occurredAt: DEADLINE }]);
  });

  it('expires a dispatched command after its deadline', () => {
    given([requested, dispatched(1)])
      .when(expire(DEADLINE + 60_000))
      .then([{ type: 'CommandExpired', data: { deviceId, deadline: DEADLINE }, occurredAt: DEADLINE + 60_000 }]);
  });

  it('fails with COMMAND_NOT_DUE before the deadline', () => {
    given([requested]).when(expire(DEADLINE - 1)).thenFails('COMMAND_NOT_DUE');
  });

  it('fails with COMMAND_NOT_FOUND when the command was never requested', () => {
    given([]).when(expire(DEADLINE)).thenFails('COMMAND_NOT_FOUND');
  });

  it('fails with INVALID_TIMESTAMP when now is not epoch millis', () => {
    given([requested]).when(expire(-DEADLINE)).thenFails('INVALID_TIMESTAMP');
  });
});

describe('CancelCommand', () => {
  it('cancels a requested command with a reason', () => {
    given([requested])
      .when(cancel())
      .then([{ type: 'CommandCancelled', data: { deviceId, cancelledBy: 'user:7', reason: 'wrong device' }, occurredAt: T0 + 5000 }]);
  });

  it('cancels a dispatched command; an absent or empty reason is null', () => {
    const expected = [{ type: 'CommandCancelled', data: { deviceId, cancelledBy: 'apikey:ops', reason: null }, occurredAt: T0 + 5000 }] as const;
    given([requested, dispatched(1)]).when(cancel({ cancelledBy: 'apikey:ops', reason: undefined })).then(expected);
    given([requested, dispatched(1)]).when(cancel({ cancelledBy: 'apikey:ops', reason: '' })).then(expected);
  });

  it('fails with INVALID_PRINCIPAL when cancelledBy is not a principal', () => {
    given([requested]).when(cancel({ cancelledBy: 'someone' })).thenFails('INVALID_PRINCIPAL');
  });

  it('fails with INVALID_FIELD for an over-long or unprintable reason', () => {
    given([requested]).when(cancel({ reason: 'x'.repeat(1025) })).thenFails('INVALID_FIELD');
    given([requested]).when(cancel({ reason: 'a\u0007b' })).thenFails('INVALID_FIELD');
  });

  it('fails with COMMAND_NOT_FOUND when the command was never requested', () => {
    given([]).when(cancel()).thenFails('COMMAND_NOT_FOUND');
  });
});
