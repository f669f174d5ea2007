import { assertNever, err, ok } from '@fleetlog/domain';
import type { Result } from '@fleetlog/domain';
import { UspErrorCode, failure } from '../usp-errors.js';
import type { UspFailure } from '../usp-errors.js';

export type Operator = '==' | '!=' | '<' | '>' | '<=' | '>=';

/** One `Param op value` term of a search expression; `param` is relative and may cross sub-objects (`Stats.BytesSent`). */
export interface Condition {
  param: string;
  operator: Operator;
  value: string;
}

export type Segment =
  /** An object, parameter, table, `Command()` or `Event!` name. */
  | { type: 'name'; name: string }
  | { type: 'instance'; instance: number }
  | { type: 'wildcard' }
  /** `[Enable==true&&SSID=="home"]`: the instances whose values satisfy every condition. */
  | { type: 'search'; conditions: Condition[] }
  /** `{i}`, which only supported-data-model paths (GetSupportedDM) use. */
  | { type: 'placeholder' };

export interface ParsedPath {
  text: string;
  segments: Segment[];
  /** Ends in '.': an object (or table) rather than a parameter, command or event. */
  isObjectPath: boolean;
  /** Has a wildcard or a search expression, so it may match any number of instances. */
  isSearch: boolean;
}

// A segment is a bracketed expression (whose quoted values may hold '.' or ']') or a plain token,
// followed by '.' or the end of the path.
const segmentPattern = /(\[(?:"[^"]*"|[^\]"])*\]|[^.[\]"]+)(\.|$)/y;
const conditionPattern = /\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*(==|!=|<=|>=|<|>)\s*("[^"]*"|[^&"\s]*)\s*(&&|$)/y;
const namePattern = /^[A-Za-z_][A-Za-z0-9_-]*(\(\)|!)?$/;
const instancePattern = /^[1-9][0-9]{0,9}$/;
const maxInstance = 4294967295;

const syntaxError = (text: string, why: string): Result<never, UspFailure> =>
  err(failure(UspErrorCode.invalidPathSyntax, `Invalid path syntax ${JSON.stringify(text)}: ${why}`));

const parseConditions = (expression: string): Condition[] | undefined => {
  const conditions: Condition[] = [];
  conditionPattern.lastIndex = 0;
  for (;;) {
    const start = conditionPattern.lastIndex;
    const match = conditionPattern.exec(expression);
    if (match === null) return undefined;
    const [, param = '', operator = '==', raw = '', joiner] = match;
    const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    conditions.push({ param, operator: operator as Operator, value });
    if (joiner !== '&&') return conditionPattern.lastIndex === expression.length && start < expression.length ? conditions : undefined;
  }
};

const parseSegment = (raw: string): Segment | string => {
  if (raw === '*') return { type: 'wildcard' };
  if (raw === '{i}') return { type: 'placeholder' };
  if (instancePattern.test(raw) && Number(raw) <= maxInstance) return { type: 'instance', instance: Number(raw) };
  if (raw.startsWith('[')) {
    const conditions = parseConditions(raw.slice(1, -1));
    return conditions === undefined ? `search expression ${raw} is not "Param==value" terms joined by &&` : { type: 'search', conditions };
  }
  return namePattern.test(raw) ? { type: 'name', name: raw } : `${JSON.stringify(raw)} is not a name, instance number, * or [expression]`;
};

/** A TR-369 path: names, instance numbers, `*`, `[search expressions]`, `{i}`; `Command()` or `Event!` last. */
export const parsePath = (text: string): Result<ParsedPath, UspFailure> => {
  const raw: string[] = [];
  let isObjectPath = false;
  segmentPattern.lastIndex = 0;
  while (segmentPattern.lastIndex < text.length) {
    const match = segmentPattern.exec(text);
    if (match === null) return syntaxError(text, 'empty segment or stray bracket or quote');
    raw.push(match[1] ?? '');
    isObjectPath = match[2] === '.';
  }
  if (raw.length === 0) return syntaxError(text, 'empty path');
  const segments: Segment[] = [];
  for (const [index, piece] of raw.entries()) {
    const segment = parseSegment(piece);
    if (typeof segment === 'string') return syntaxError(text, segment);
    // A command or an event names no object: nothing may follow it, not even '.'.
    if (segment.type === 'name' && /[)!]$/.test(segment.name) && (index < raw.length - 1 || isObjectPath)) return syntaxError(text, `${segment.name} must end the path`);
    segments.push(segment);
  }
  const isSearch = segments.some((s) => s.type === 'wildcard' || s.type === 'search');
  return ok({ text, segments, isObjectPath, isSearch });
};

/** Whether a value satisfies a search condition; numbers compare as numbers, booleans by meaning. */
export const satisfies = (value: string, { operator, value: wanted }: Condition, type: string): boolean => {
  const numeric = ['int', 'unsignedInt', 'long', 'unsignedLong', 'decimal'].includes(type);
  const canonical = (v: string) => (type === 'boolean' ? String(v === 'true' || v === '1') : v);
  const [a, b] = [canonical(value), canonical(wanted)];
  const order = numeric ? Math.sign(Number(a) - Number(b)) : a < b ? -1 : a > b ? 1 : 0;
  switch (operator) {
    case '==':
      return numeric ? order === 0 : a === b;
    case '!=':
      return numeric ? order !== 0 : a !== b;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
    default:
      return assertNever(operator);
  }
};
