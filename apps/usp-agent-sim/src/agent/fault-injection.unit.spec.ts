import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { judgeRequest } from './fault-injection.js';
import type { FaultInjection } from './fault-injection.js';

describe('fault injection', () => {
  it('hits the next `times` requests of the listed types, then is spent', () => {
    let faults: FaultInjection = { error: { errCode: 7002, only: ['Get'], times: 2 } };
    const verdicts = (['Set', 'Get', 'Get', 'Get'] as const).map((type) => {
      const { verdict, remaining } = judgeRequest(faults, type);
      faults = remaining;
      return verdict.error?.errCode;
    });
    assert.deepEqual(verdicts, [undefined, 7002, 7002, undefined]);
    assert.equal(faults.error, undefined);
  });

  it('keeps a rule without `times` and applies delays to every request', () => {
    const faults: FaultInjection = { drop: {}, delayMs: 250 };
    const { verdict, remaining } = judgeRequest(faults, 'Add');
    assert.deepEqual(verdict, { drop: true, delayMs: 250 });
    assert.deepEqual(remaining, faults);
  });

  it('fails commands only of Operate', () => {
    const faults: FaultInjection = { commandFailure: { errCode: 7022, times: 1 } };
    assert.equal(judgeRequest(faults, 'Get').verdict.commandFailure, undefined);
    const { verdict, remaining } = judgeRequest(faults, 'Operate');
    assert.deepEqual(verdict.commandFailure, { errCode: 7022, errMsg: 'injected command failure' });
    assert.equal(remaining.commandFailure, undefined);
  });
});
