import { fail } from '../errors.js';
import { ok } from '../result.js';
import type { Result } from '../result.js';
import type { Brand } from './brand.js';
import { describe, isPrintable } from './text.js';

export type Tag = Brand<string, 'Tag'>;

export const maxTagLength = 64;

// Tags are operator labels ("region:eu-west", "pilot"): free text, but printable, trimmed and short.
export const parseTag = (value: unknown): Result<Tag> => {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > maxTagLength ||
    value.trim() !== value ||
    !isPrintable(value)
  ) {
    return fail('INVALID_TAG', `Tag ${describe(value)} must be 1-${maxTagLength} printable characters without surrounding spaces`);
  }
  return ok(value as Tag);
};
