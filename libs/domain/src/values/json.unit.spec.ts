import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isJsonObject, isJsonValue, jsonProblem } from './json.js';

describe('JSON values', () => {
  it('accepts anything JSON.parse can produce', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => isJsonValue(value)));
  });

  it('rejects values JSON.stringify would drop or mangle, saying where', () => {
    assert.equal(jsonProblem({ a: [1, undefined] }, '$'), '$.a[1]: undefined is not JSON');
    assert.equal(jsonProblem({ n: Number.NaN }, '$'), '$.n: must be a finite number');
    assert.equal(jsonProblem({ d: new Date(0) }, '$'), '$.d: must be a plain object');
    assert.equal(jsonProblem({ f: () => 1 }, '$'), '$.f: function is not JSON');
    assert.equal(jsonProblem(10n, '$'), '$: bigint is not JSON');
  });

  it('rejects cycles but accepts shared references', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(jsonProblem(cycle, '$'), '$.self: is circular');
    const shared = { x: 1 };
    assert.equal(isJsonValue({ a: shared, b: shared }), true);
  });

  it('tells JSON objects from other JSON values', () => {
    assert.equal(isJsonObject({ a: 1 }), true);
    assert.equal(isJsonObject([1]), false);
    assert.equal(isJsonObject(null), false);
    assert.equal(isJsonObject('x'), false);
  });
});
