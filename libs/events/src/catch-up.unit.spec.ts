import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCatchUp } from './catch-up.js';

describe('catching up with a topic', () => {
  it('is caught up once every partition reached the end offsets taken at start', () => {
    const c = createCatchUp(new Map([[0, 3n], [1, 0n], [2, 5n]]));
    assert.equal(c.caughtUp(), false);
    c.observe({ partition: 0, nextOffset: '3' });
    assert.equal(c.caughtUp(), false, 'partition 2 is still behind');
    c.observe({ partition: 2, nextOffset: '4' });
    assert.equal(c.caughtUp(), false);
    c.observe({ partition: 2, nextOffset: '5' });
    assert.equal(c.caughtUp(), true, 'an empty partition needs no reading');
  });

  it('is caught up at once on an empty topic', () => {
    assert.equal(createCatchUp(new Map([[0, 0n]])).caughtUp(), true);
  });
});
