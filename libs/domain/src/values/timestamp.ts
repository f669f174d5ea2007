import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import { describe } from './text.js';

// Epoch milliseconds as Avro timestamp-millis carries them: a whole, non-negative, exact number.
export const isEpochMillis = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export const parseEpochMillis = (field: string, value: unknown): Result<number> =>
  isEpochMillis(value)
    ? ok(value)
    : fail('INVALID_TIMESTAMP', `${field} must be epoch milliseconds (a non-negative safe integer), got ${describe(value)}`);
