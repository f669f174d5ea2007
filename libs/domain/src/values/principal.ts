import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import { describe, isPrintable } from './text.js';

// Who asked: `user:<id>` or `apikey:<id>` (see CommandRequested.requestedBy in the Avro schema).
export type Principal = `user:${string}` | `apikey:${string}`;

const principalPattern = /^(user|apikey):\S{1,128}$/;

export const parsePrincipal = (field: string, value: unknown): Result<Principal> =>
  typeof value === 'string' && principalPattern.test(value) && isPrintable(value)
    ? ok(value as Principal)
    : fail('INVALID_PRINCIPAL', `${field} ${describe(value)} must be user:<id> or apikey:<id>`);
