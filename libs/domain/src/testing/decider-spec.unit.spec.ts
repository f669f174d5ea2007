import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Decider } from '../decider.js';
import { err, ok } from '../result.js';
import { deciderSpec, SpecificationError } from './decider-spec.js';
import { deepEqual } from './deep-equal.js';

// A counter that can only go up to 2: the smallest decider with events, no-ops and failures.
type Event = { type: 'Incremented'; by: number };
type Command = { type: 'Increment'; by: number };
const counter: Decider<number, Command, Event, { code: 'TOO_BIG' | 'ZERO'; message: string }> = {
  initialState: () => 0,
  evolve: (state, event) => state + event.by,
  decide: (command, state) => {
    if (command.by === 0) return ok([]);
    if (state + command.by > 2) return err({ code: 'TOO_BIG', message: 'over 2' });
    return ok([{ type: 'Incremented', by: command.by }]);
  },
};

const { given } = deciderSpec(counter);
const inc = (by: number): Command => ({ type: 'Increment', by });
const incremented = (by: number): Event => ({ type: 'Incremented', by });

describe('deciderSpec', () => {
  it('passes when the expected events, no-op, failure or state match', () => {
    given([]).when(inc(1)).then([incremented(1)]);
    given([incremented(1)]).when(inc(0)).thenNothing();
    assert.equal(given([incremented(2)]).when(inc(1)).thenFails('TOO_BIG').message, 'over 2');
    given([incremented(1), incremented(1)]).thenState(2);
  });

  it('throws when the events differ', () => {
    assert.throws(() => given([]).when(inc(1)).then([incremented(2)]), SpecificationError);
    assert.throws(() => given([]).when(inc(1)).thenNothing(), SpecificationError);
  });

  it('throws when a success was expected but the command failed, and the reverse', () => {
    assert.throws(() => given([incremented(2)]).when(inc(1)).then([]), /the command failed/);
    assert.throws(() => given([]).when(inc(1)).thenFails('TOO_BIG'), /but the command succeeded/);
  });

  it('throws when the failure has another code', () => {
    assert.throws(() => given([incremented(2)]).when(inc(1)).thenFails('ZERO'), /Unexpected error code/);
  });

  it('throws when the folded state differs', () => {
    assert.throws(() => given([incremented(1)]).thenState(2), /Unexpected state/);
  });
});

describe('deepEqual', () => {
  it('compares structure, not identity', () => {
    assert.equal(deepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }), true);
    assert.equal(deepEqual(new Map([['k', { v: 1 }]]), new Map([['k', { v: 1 }]])), true);
    assert.equal(deepEqual(new Set([{ a: 1 }, 2]), new Set([2, { a: 1 }])), true);
    assert.equal(deepEqual(Number.NaN, Number.NaN), true);
  });

  it('tells different values apart', () => {
    assert.equal(deepEqual({ a: 1 }, { a: 2 }), false);
    assert.equal(deepEqual({ a: 1 }, { a: 1, b: undefined }), false);
    assert.equal(deepEqual([1, 2], { 0: 1, 1: 2 }), false);
    assert.equal(deepEqual(new Set([1]), new Set([2])), false);
    assert.equal(deepEqual(new Map([['k', 1]]), new Map([['k', 2]])), false);
    assert.equal(deepEqual(null, {}), false);
    assert.equal(deepEqual(0, -0), false);
  });
});
