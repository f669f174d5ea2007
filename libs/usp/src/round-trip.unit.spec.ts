import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { USP_BODY_TYPE_NAMES } from './messages.js';
import { decodeMsg, encodeMsg } from './msg-codec.js';
import { decodeRecord, encodeRecord } from './record-codec.js';
import { anyMsg, bodyOf, msgWith, RECORD_TYPES, recordWith } from './testing/arbitraries.js';

// decode(encode(x)) must give back x for every Msg body type and every Record type, with any
// Unicode text, empty and default values, and every oneof member.

describe('decodeMsg(encodeMsg(m)) round trip', () => {
  for (const type of USP_BODY_TYPE_NAMES) {
    it(`gives back every ${type}`, () => {
      fc.assert(
        fc.property(msgWith(bodyOf(type)), (msg) => {
          const result = decodeMsg(encodeMsg(msg));
          if (!result.ok) throw result.error;
          assert.deepEqual(result.value, msg);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('gives back the same bytes when encoded again', () => {
    fc.assert(
      fc.property(anyMsg, (msg) => {
        const bytes = encodeMsg(msg);
        const result = decodeMsg(bytes);
        if (!result.ok) throw result.error;
        assert.deepEqual(encodeMsg(result.value), bytes);
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeRecord(encodeRecord(r)) round trip', () => {
  for (const type of RECORD_TYPES.filter((t) => t !== 'sessionContext')) {
    it(`gives back every ${type} record`, () => {
      fc.assert(
        fc.property(recordWith(type), (record) => {
          const result = decodeRecord(encodeRecord(record));
          if (!result.ok) throw result.error;
          assert.deepEqual(result.value, record);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('encodes a session_context record, which decodeRecord then refuses with its header', () => {
    fc.assert(
      fc.property(recordWith('sessionContext'), (record) => {
        const result = decodeRecord(encodeRecord(record));
        assert.equal(result.ok, false);
        if (result.ok) return;
        assert.equal(result.error.code, 'USP_SESSION_CONTEXT_UNSUPPORTED');
        assert.deepEqual(result.error.recordHeader, { version: record.version, toId: record.toId, fromId: record.fromId });
      }),
      { numRuns: 100 },
    );
  });
});
