import { describe } from './text.js';
import { isPlainObject, jsonProblem } from './json.js';
import type { JsonValue } from './json.js';

/**
 * A tiny structural validator: each shape is a runtime value that carries both the check and the
 * TypeScript type (castore style), so the command-kind catalog is one table for code and types.
 * A check reports every problem it finds, each prefixed with where it is (`arguments.values[2].path`).
 */
export type Shape<T> = {
  readonly optional: boolean;
  readonly check: (value: unknown, at: string, problems: string[]) => value is T;
};

export type OptionalShape<T> = Shape<T> & { readonly optional: true };

export type Infer<S> = S extends Shape<infer T> ? T : never;

type Props = Readonly<Record<string, Shape<unknown>>>;
type RequiredKeys<P extends Props> = { [K in keyof P]: P[K] extends { readonly optional: true } ? never : K }[keyof P];
type OptionalKeys<P extends Props> = Exclude<keyof P, RequiredKeys<P>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<P extends Props> = Simplify<
  { readonly [K in RequiredKeys<P>]: Infer<P[K]> } & { readonly [K in OptionalKeys<P>]?: Infer<P[K]> }
>;

// Wraps a check so that it records problems and reports validity from their count.
const shape = <T>(check: (value: unknown, at: string, problems: string[]) => void): Shape<T> => ({
  optional: false,
  check: (value, at, problems): value is T => {
    const before = problems.length;
    check(value, at, problems);
    return problems.length === before;
  },
});

export type StringOptions = {
  readonly minLength?: number;
  readonly maxLength?: number;
  // Extra rule on a string value: a reason, or undefined when it holds.
  readonly problem?: (value: string) => string | undefined;
};

export const string = (options: StringOptions = {}): Shape<string> =>
  shape((value, at, problems) => {
    if (typeof value !== 'string') {
      problems.push(`${at}: must be a string, got ${describe(value)}`);
      return;
    }
    const { minLength = 0, maxLength } = options;
    if (value.length < minLength) problems.push(`${at}: must be at least ${minLength} characters`);
    else if (maxLength !== undefined && value.length > maxLength) problems.push(`${at}: must be at most ${maxLength} characters`);
    else {
      const problem = options.problem?.(value);
      if (problem !== undefined) problems.push(`${at}: ${problem}`);
    }
  });

export const boolean = (): Shape<boolean> =>
  shape((value, at, problems) => {
    if (typeof value !== 'boolean') problems.push(`${at}: must be a boolean, got ${describe(value)}`);
  });

export const integer = (range: { readonly min: number; readonly max: number }): Shape<number> =>
  shape((value, at, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
      problems.push(`${at}: must be an integer from ${range.min} to ${range.max}, got ${describe(value)}`);
    }
  });

export const json = (): Shape<JsonValue> =>
  shape((value, at, problems) => {
    if (value === undefined) {
      problems.push(`${at}: is required`);
      return;
    }
    const problem = jsonProblem(value, at);
    if (problem !== undefined) problems.push(problem);
  });

export const array = <T>(
  item: Shape<T>,
  options: { readonly minItems?: number; readonly maxItems?: number } = {},
): Shape<readonly T[]> =>
  shape((value, at, problems) => {
    if (!Array.isArray(value)) {
      problems.push(`${at}: must be an array, got ${describe(value)}`);
      return;
    }
    const { minItems = 0, maxItems } = options;
    if (value.length < minItems) problems.push(`${at}: must have at least ${minItems} item${minItems === 1 ? '' : 's'}`);
    if (maxItems !== undefined && value.length > maxItems) problems.push(`${at}: must have at most ${maxItems} items`);
    value.forEach((element, index) => item.check(element, `${at}[${index}]`, problems));
  });

// A string-to-string map such as USP parameter settings: `{ Enable: 'true' }`.
export const stringRecord = (
  options: { readonly minKeys?: number; readonly keyProblem?: (key: string) => string | undefined } = {},
): Shape<Readonly<Record<string, string>>> =>
  shape((value, at, problems) => {
    if (!isPlainObject(value)) {
      problems.push(`${at}: must be an object, got ${describe(value)}`);
      return;
    }
    const entries = Object.entries(value);
    const { minKeys = 0 } = options;
    if (entries.length < minKeys) problems.push(`${at}: must have at least ${minKeys} entr${minKeys === 1 ? 'y' : 'ies'}`);
    for (const [key, item] of entries) {
      const keyProblem = options.keyProblem?.(key);
      if (keyProblem !== undefined) problems.push(`${at}: key ${JSON.stringify(key)} ${keyProblem}`);
      if (typeof item !== 'string') problems.push(`${at}.${key}: must be a string, got ${describe(item)}`);
    }
  });

// Strict: unknown keys are problems, so a misspelt optional argument is not silently ignored.
export const object = <P extends Props>(props: P): Shape<ObjectOf<P>> =>
  shape((value, at, problems) => {
    if (!isPlainObject(value)) {
      problems.push(`${at}: must be an object, got ${describe(value)}`);
      return;
    }
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(props, key)) problems.push(`${at}.${key}: is not a known argument`);
    }
    for (const [key, prop] of Object.entries(props)) {
      const item = value[key];
      if (item === undefined) {
        if (!prop.optional) problems.push(`${at}.${key}: is required`);
      } else {
        prop.check(item, `${at}.${key}`, problems);
      }
    }
  });

export const optional = <T>(inner: Shape<T>): OptionalShape<T> => ({ ...inner, optional: true });

// Cross-field rules, run only once the structure is valid.
export const refine = <T>(inner: Shape<T>, rule: (value: T, at: string) => readonly string[]): Shape<T> =>
  shape((value, at, problems) => {
    if (inner.check(value, at, problems)) problems.push(...rule(value, at));
  });

// Runs a shape and returns the typed value or every problem.
export const validate = <T>(
  schema: Shape<T>,
  value: unknown,
  at: string,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] } => {
  const problems: string[] = [];
  return schema.check(value, at, problems) ? { ok: true, value } : { ok: false, problems };
};
