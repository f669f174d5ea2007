import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import { assertNever } from '../assert-never.js';
import { describe } from './text.js';
import { isXsdDateTime } from './xsd-date-time.js';

// TR-069/TR-181 parameter types: xsd type names without the prefix.
export const valueTypes = [
  'string',
  'int',
  'unsignedInt',
  'long',
  'unsignedLong',
  'boolean',
  'dateTime',
  'base64',
  'hexBinary',
  'decimal',
] as const;
export type ValueType = (typeof valueTypes)[number];

export const isValueType = (value: unknown): value is ValueType =>
  typeof value === 'string' && (valueTypes as readonly string[]).includes(value);

export const parseValueType = (value: unknown): Result<ValueType> =>
  isValueType(value)
    ? ok(value)
    : fail('UNKNOWN_VALUE_TYPE', `Value type ${describe(value)} is not one of ${valueTypes.join(', ')}`);

const integerPattern = /^[+-]?[0-9]+$/;

const inRange = (value: string, min: bigint, max: bigint): boolean => {
  if (!integerPattern.test(value)) return false;
  const n = BigInt(value);
  return n >= min && n <= max;
};

const ranges = {
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  unsignedInt: [0n, 2n ** 32n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  unsignedLong: [0n, 2n ** 64n - 1n],
} as const;

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const hexBinaryPattern = /^(?:[0-9A-Fa-f]{2})*$/;
const decimalPattern = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

// Whether a wire value (always a string in CWMP and USP) is in the lexical space of its type.
export const fitsValueType = (valueType: ValueType, value: string): boolean => {
  switch (valueType) {
    case 'string':
      return true;
    case 'int':
    case 'unsignedInt':
    case 'long':
    case 'unsignedLong': {
      const [min, max] = ranges[valueType];
      return inRange(value, min, max);
    }
    case 'boolean':
      return value === 'true' || value === 'false' || value === '1' || value === '0';
    case 'dateTime':
      return isXsdDateTime(value);
    case 'base64':
      // xsd allows white space between groups; devices wrap long values.
      return base64Pattern.test(value.replace(/[ \t\r\n]/g, ''));
    case 'hexBinary':
      return hexBinaryPattern.test(value);
    case 'decimal':
      return decimalPattern.test(value);
    default:
      return assertNever(valueType);
  }
};

export const valueProblem = (valueType: ValueType, value: unknown): string | undefined => {
  if (typeof value !== 'string') return 'must be a string';
  return fitsValueType(valueType, value) ? undefined : `${describe(value)} is not a valid ${valueType}`;
};

export const parseParameterValue = (valueType: ValueType, value: unknown): Result<string> => {
  const problem = valueProblem(valueType, value);
  return problem === undefined ? ok(value as string) : fail('INVALID_PARAMETER_VALUE', `Value ${problem}`);
};
