import type { JsonObject } from '@fleetlog/domain';
import { isObject } from './payload.js';

// Readers for loosely typed vendor JSON: a value of the wrong type reads as undefined.

export const stringField = (object: JsonObject, key: string): string | undefined => {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
};

export const numberField = (object: JsonObject, key: string): number | undefined => {
  const value = object[key];
  return typeof value === 'number' ? value : undefined;
};

export const objectField = (object: JsonObject, key: string): JsonObject | undefined => {
  const value = object[key];
  return isObject(value) ? value : undefined;
};

// eslint-disable-next-line no-control-regex -- names and messages from devices must be printable
const control = /[\u0000-\u001f\u007f-\u009f]/;

/** A non-empty printable name of at most `max` characters (event names, methods). */
export const isName = (value: unknown, max = 128): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max && value.trim() === value && !control.test(value);

/** A lookup table keyed by vendor JSON keys, which a key such as `constructor` or `__proto__` cannot reach past. */
export const table = <V>(entries: Readonly<Record<string, V>>): ReadonlyMap<string, V> => new Map(Object.entries(entries));
