import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTimers } from './timers.js';

describe('CPE timers', () => {
  it('wait out delays longer than setTimeout can hold, in hops', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const timers = createTimers();
    let fired = 0;
    timers.later(2 ** 31 + 5, () => (fired += 1));
    t.mock.timers.tick(2 ** 31 - 1);
    assert.equal(fired, 0);
    t.mock.timers.tick(6);
    assert.equal(fired, 1);
  });

  it('fire nothing once cancelled or closed', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const timers = createTimers();
    let fired = 0;
    const handle = timers.later(10, () => (fired += 1));
    timers.cancel(handle);
    timers.later(10, () => (fired += 1));
    timers.close();
    timers.later(10, () => (fired += 1));
    t.mock.timers.tick(100);
    assert.equal(fired, 0);
  });
});
