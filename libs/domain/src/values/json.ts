// JSON values, checked structurally so that JSON.stringify neither throws nor silently drops data.
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };
export type JsonObject = { readonly [key: string]: JsonValue };

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

// The first reason the value is not JSON, with where it is, or undefined when it is JSON.
export const jsonProblem = (value: unknown, at: string, ancestors: readonly object[] = []): string | undefined => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${at}: must be a finite number`;
  if (typeof value !== 'object') return `${at}: ${typeof value} is not JSON`;
  if (ancestors.includes(value)) return `${at}: is circular`;
  const path = [...ancestors, value];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = jsonProblem(item, `${at}[${index}]`, path);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return `${at}: must be a plain object`;
  for (const [key, item] of Object.entries(value)) {
    const problem = jsonProblem(item, `${at}.${key}`, path);
    if (problem !== undefined) return problem;
  }
  return undefined;
};

export const isJsonValue = (value: unknown): value is JsonValue => jsonProblem(value, '$') === undefined;

export const isJsonObject = (value: unknown): value is JsonObject => isPlainObject(value) && isJsonValue(value);
