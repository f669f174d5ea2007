import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildEnvelope } from './build-envelope.js';
import { CwmpCodecError, isCwmpCodecErrorCode } from './errors.js';
import { parseEnvelope } from './parse-envelope.js';
import { anyEnvelope, MESSAGE_TYPES } from './testing/arbitraries.js';

// Mutated envelopes: parseEnvelope must return ok with a known message, or a CwmpCodecError with a known
// code — never throw, never return anything else, never fall into the catch-all meant for bugs.

const assertWellBehaved = (body: string | Buffer): void => {
  const result = parseEnvelope(body);
  if (result.ok) {
    assert.ok(MESSAGE_TYPES.includes(result.value.message.type), `unknown message type ${String(result.value.message.type)}`);
    return;
  }
  assert.equal(result.ok, false);
  assert.ok(result.error instanceof CwmpCodecError, 'error is a CwmpCodecError');
  assert.ok(isCwmpCodecErrorCode(result.error.code), `unknown code ${result.error.code}`);
  // Only the parser's own complaints (malformed XML) carry a cause; any other cause is a bug in our readers.
  if (result.error.code !== 'CWMP_MALFORMED_XML') assert.equal(result.error.cause, undefined, `a bug escaped into the catch-all: ${String(result.error.cause)}`);
};

const fragment = fc.oneof(
  fc.constantFrom(
    '<',
    '>',
    '/>',
    '</',
    '&',
    '&#60;',
    '&#x0;',
    '&amp',
    '"',
    "'",
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<?xml version="1.0"?>',
    '<!DOCTYPE x>',
    '<Value>',
    '</Value>',
    '<cwmp:Fault>',
    '<FaultCode>x</FaultCode>',
    '<Status>-</Status>',
    '<x xmlns:cwmp="urn:dslforum-org:cwmp-1-9">',
    '<soap-env:Body>',
    '</soap-env:Body>',
    'xmlns=""',
    '\uFEFF',
    '\u0000',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fragment }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }), text: fragment }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const applyToText = (xml: string, m: Mutation): string => {
  const at = xml.length === 0 ? 0 : m.at % (xml.length + 1);
  switch (m.kind) {
    case 'truncate':
      return xml.slice(0, at);
    case 'insert':
      return xml.slice(0, at) + m.text + xml.slice(at);
    case 'delete':
      return xml.slice(0, at) + xml.slice(at + m.length);
    case 'replace':
      return xml.slice(0, at) + m.text + xml.slice(at + m.length);
    case 'duplicate':
      return xml.slice(0, at + m.length) + xml.slice(at);
    default: {
      const unhandled: never = m;
      throw new Error(`unhandled mutation ${JSON.stringify(unhandled)}`);
    }
  }
};

describe('parseEnvelope under fuzzing', () => {
  it('handles text mutations of valid envelopes (truncation, inserted tags, deletions, random strings)', () => {
    fc.assert(
      fc.property(anyEnvelope, fc.array(mutation, { minLength: 1, maxLength: 4 }), (envelope, mutations) => {
        assertWellBehaved(mutations.reduce(applyToText, buildEnvelope(envelope)));
      }),
      { numRuns: 4000 },
    );
  });

  it('handles byte flips in encoded envelopes', () => {
    fc.assert(
      fc.property(anyEnvelope, fc.array(fc.record({ at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 6 }), (envelope, flips) => {
        const bytes = Buffer.from(buildEnvelope(envelope), 'utf8');
        for (const flip of flips) {
          const index = flip.at % bytes.length;
          bytes[index] = (bytes[index] ?? 0) ^ flip.bits;
        }
        assertWellBehaved(bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles arbitrary strings and strings made of XML-ish fragments', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''))), (text) => {
        assertWellBehaved(text);
      }),
      { numRuns: 3000 },
    );
  });
});
