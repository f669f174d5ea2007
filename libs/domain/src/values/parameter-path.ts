import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import type { Brand } from './brand.js';
import { describe } from './text.js';

/**
 * TR-069 / TR-106 path names: dot-separated object and parameter names with instance numbers,
 * e.g. `Device.DeviceInfo.SoftwareVersion` (a parameter) or `Device.IP.Interface.2.` (a partial
 * path: an object, ending in '.'). Names start with a letter or '_' and continue with letters,
 * digits, '_' or '-' (vendor names like `X_ACME-COM_Foo`); instance numbers are 1..4294967295.
 */
export type ParameterPath = Brand<string, 'ParameterPath'>;

// What a path must address: a parameter (no trailing '.'), an object (trailing '.'), or either.
export type PathKind = 'parameter' | 'object' | 'any';

// TR-069 ParameterName is string(256).
export const maxParameterPathLength = 256;

const namePattern = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const instancePattern = /^[1-9][0-9]{0,9}$/;
const maxInstanceNumber = 4294967295;

export const isInstanceNumber = (segment: string): boolean =>
  instancePattern.test(segment) && Number(segment) <= maxInstanceNumber;

export const isPathName = (segment: string): boolean => namePattern.test(segment);

// The reason a path is invalid, or undefined when it is valid.
export const parameterPathProblem = (value: unknown, kind: PathKind = 'any'): string | undefined => {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty string';
  if (value.length > maxParameterPathLength) return `must be at most ${maxParameterPathLength} characters`;
  const isObject = value.endsWith('.');
  if (kind === 'parameter' && isObject) return 'must name a parameter, not an object (no trailing ".")';
  if (kind === 'object' && !isObject) return 'must name an object (a partial path ending in ".")';
  const segments = (isObject ? value.slice(0, -1) : value).split('.');
  let previousWasInstance = false;
  for (const [index, segment] of segments.entries()) {
    if (segment.length === 0) return 'has an empty segment';
    const instance = isInstanceNumber(segment);
    if (!instance && !isPathName(segment)) return `has an invalid segment ${JSON.stringify(segment)}`;
    if (instance && index === 0) return 'must start with a name';
    if (instance && previousWasInstance) return 'has two instance numbers in a row';
    previousWasInstance = instance;
  }
  if (!isObject && previousWasInstance) return 'must end with a parameter name';
  return undefined;
};

export const parseParameterPath = (value: unknown, kind: PathKind = 'any'): Result<ParameterPath> => {
  const problem = parameterPathProblem(value, kind);
  return problem === undefined
    ? ok(value as ParameterPath)
    : fail('INVALID_PARAMETER_PATH', `Parameter path ${describe(value)} ${problem}`);
};

export const isObjectPath = (path: string): boolean => path.endsWith('.');

// `Device.IP.Interface.` (a table, where AddObject creates) vs `Device.IP.Interface.3.` (an instance).
export const isInstancePath = (path: string): boolean => {
  const segments = path.split('.');
  return isObjectPath(path) && segments.length >= 2 && isInstanceNumber(segments[segments.length - 2] ?? '');
};
