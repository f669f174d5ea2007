import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { array, boolean, integer, json, object, optional, refine, string, stringRecord, validate } from './shape.js';

const problems = (result: ReturnType<typeof validate>) => (result.ok ? [] : result.problems);

describe('Shapes', () => {
  const person = object({
    name: string({ minLength: 1, maxLength: 5 }),
    age: optional(integer({ min: 0, max: 150 })),
    tags: array(string(), { minItems: 1 }),
    admin: boolean(),
  });

  it('returns the value when every rule holds', () => {
    const value = { name: 'Ada', tags: ['x'], admin: false };
    assert.deepEqual(validate(person, value, 'p'), { ok: true, value });
  });

  it('lists every problem with its location', () => {
    assert.deepEqual(problems(validate(person, { name: '', age: 1.5, tags: [], admin: 'yes', extra: 1 }, 'p')), [
      'p.extra: is not a known argument',
      'p.name: must be at least 1 characters',
      'p.age: must be an integer from 0 to 150, got 1.5',
      'p.tags: must have at least 1 item',
      'p.admin: must be a boolean, got "yes"',
    ]);
  });

  it('reports missing required keys but not missing optional ones', () => {
    assert.deepEqual(problems(validate(person, {}, 'p')), ['p.name: is required', 'p.tags: is required', 'p.admin: is required']);
  });

  it('rejects non-objects, arrays included', () => {
    assert.deepEqual(problems(validate(person, [], 'p')), ['p: must be an object, got an array']);
    assert.deepEqual(problems(validate(person, null, 'p')), ['p: must be an object, got null']);
  });

  it('locates problems inside arrays', () => {
    assert.deepEqual(problems(validate(array(integer({ min: 0, max: 9 })), [1, 10, 'a'], 'xs')), [
      'xs[1]: must be an integer from 0 to 9, got 10',
      'xs[2]: must be an integer from 0 to 9, got "a"',
    ]);
  });

  it('checks string records by key and value', () => {
    const settings = stringRecord({ minKeys: 1, keyProblem: (key) => (key.includes(' ') ? 'has a space' : undefined) });
    assert.ok(validate(settings, { Enable: 'true' }, 's').ok);
    assert.deepEqual(problems(validate(settings, { 'a b': 1 }, 's')), ['s: key "a b" has a space', 's.a b: must be a string, got 1']);
    assert.deepEqual(problems(validate(settings, {}, 's')), ['s: must have at least 1 entry']);
  });

  it('runs custom string rules only on strings of the right length', () => {
    const upper = string({ maxLength: 3, problem: (s) => (s === s.toUpperCase() ? undefined : 'must be upper case') });
    assert.deepEqual(problems(validate(upper, 'abc', 'u')), ['u: must be upper case']);
    assert.deepEqual(problems(validate(upper, 'abcd', 'u')), ['u: must be at most 3 characters']);
  });

  it('runs refinements only when the structure is valid', () => {
    const range = refine(object({ from: integer({ min: 0, max: 9 }), to: integer({ min: 0, max: 9 }) }), (r, at) =>
      r.from <= r.to ? [] : [`${at}: from must not exceed to`],
    );
    assert.deepEqual(problems(validate(range, { from: 5, to: 1 }, 'r')), ['r: from must not exceed to']);
    assert.deepEqual(problems(validate(range, { from: 5 }, 'r')), ['r.to: is required']);
  });

  it('requires a JSON value to be present and serialisable', () => {
    const payload = object({ payload: json() });
    assert.ok(validate(payload, { payload: null }, 'a').ok);
    assert.deepEqual(problems(validate(payload, {}, 'a')), ['a.payload: is required']);
    assert.deepEqual(problems(validate(payload, { payload: { x: Number.POSITIVE_INFINITY } }, 'a')), ['a.payload.x: must be a finite number']);
  });
});
