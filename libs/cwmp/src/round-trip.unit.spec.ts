import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildEnvelope } from './build-envelope.js';
import { parseEnvelope } from './parse-envelope.js';
import { anyEnvelope, envelopeWith, MESSAGE_TYPES, messageOf } from './testing/arbitraries.js';

// parseEnvelope(buildEnvelope(e)) must give back e, for every message type, with strings full of
// markup characters, references, whitespace and unicode.

describe('parseEnvelope(buildEnvelope(e)) round trip', () => {
  for (const type of MESSAGE_TYPES) {
    it(`gives back every ${type}`, () => {
      fc.assert(
        fc.property(envelopeWith(messageOf(type)), (envelope) => {
          const result = parseEnvelope(buildEnvelope(envelope));
          if (!result.ok) throw result.error;
          assert.deepEqual(result.value, envelope);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('gives back the same bytes when built again', () => {
    fc.assert(
      fc.property(anyEnvelope, (envelope) => {
        const xml = buildEnvelope(envelope);
        const result = parseEnvelope(Buffer.from(xml, 'utf8'));
        if (!result.ok) throw result.error;
        assert.equal(buildEnvelope(result.value), xml);
      }),
      { numRuns: 500 },
    );
  });
});
