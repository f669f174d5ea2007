import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { noSessionRecord } from './build-records.js';
import { isUspCodecErrorCode, UspCodecError } from './errors.js';
import { decodeMsg, encodeMsg } from './msg-codec.js';
import { decodeRecord, encodeRecord } from './record-codec.js';
import type { UspCodecResult } from './result.js';
import { anyMsg, RECORD_TYPES, recordWith } from './testing/arbitraries.js';

// Untrusted bytes: decodeRecord and decodeMsg return a valid value or a UspCodecError with a known
// code — never throw. Whatever they accept can be encoded again (the decoded value is well-formed).

const assertWellBehaved = (result: UspCodecResult<unknown>, reencode: () => Uint8Array): void => {
  if (result.ok) {
    reencode();
    return;
  }
  assert.ok(result.error instanceof UspCodecError, 'error is a UspCodecError');
  assert.ok(isUspCodecErrorCode(result.error.code), `unknown code ${result.error.code}`);
  // Only the protobuf reader's complaints carry a cause; any other cause is a bug in our readers.
  if (!result.error.code.endsWith('_UNDECODABLE')) assert.equal(result.error.cause, undefined);
};

const checkMsg = (bytes: Uint8Array): void => {
  const result = decodeMsg(bytes);
  assertWellBehaved(result, () => encodeMsg((result as { value: Parameters<typeof encodeMsg>[0] }).value));
};
const checkRecord = (bytes: Uint8Array): void => {
  const result = decodeRecord(bytes);
  assertWellBehaved(result, () => encodeRecord((result as { value: Parameters<typeof encodeRecord>[0] }).value));
};

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

const mutate = (bytes: Uint8Array, m: Mutation): Uint8Array => {
  const at = m.at % (bytes.length + 1);
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, at);
    case 'flip': {
      const copy = bytes.slice();
      if (at < copy.length) copy[at] = m.value;
      return copy;
    }
    case 'insert':
      return Uint8Array.from([...bytes.subarray(0, at), ...m.bytes, ...bytes.subarray(at)]);
    case 'delete':
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + m.length)]);
    default: {
      const unhandled: never = m;
      return unhandled;
    }
  }
};

describe('hostile input', () => {
  it('random bytes never throw, as a Record or as a Msg', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        checkRecord(bytes);
        checkMsg(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated Msgs never throw', () => {
    fc.assert(
      fc.property(anyMsg, fc.array(mutation, { minLength: 1, maxLength: 4 }), (msg, mutations) => {
        checkMsg(mutations.reduce(mutate, encodeMsg(msg)));
      }),
      { numRuns: 2000 },
    );
  });

  it('mutated Records never throw', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RECORD_TYPES).chain(recordWith), fc.array(mutation, { minLength: 1, maxLength: 4 }), (record, mutations) => {
        checkRecord(mutations.reduce(mutate, encodeRecord(record)));
      }),
      { numRuns: 2000 },
    );
  });

  it('every truncation of a Record carrying a Msg is refused or decodes to a shorter value, never a crash', () => {
    const msg = { msgId: 'm1', body: { type: 'Operate' as const, command: 'Device.Reboot()', commandKey: 'k', sendResp: true, inputArgs: { Delay: '5' } } };
    const bytes = encodeRecord(noSessionRecord({ toId: 'os::00D09E-SN1', fromId: 'self::ctrl', msg }));
    for (let length = 0; length < bytes.length; length++) checkRecord(bytes.subarray(0, length));
    const payload = encodeMsg(msg);
    for (let length = 0; length < payload.length; length++) checkMsg(payload.subarray(0, length));
  });

  it('deeply nested groups in an unknown field end in an error, not a stack overflow', () => {
    const groups = new Uint8Array(1_000_000).fill((15 << 3) | 3);
    assert.equal((decodeMsg(groups) as { error: UspCodecError }).error.code, 'USP_MSG_UNDECODABLE');
    assert.equal((decodeRecord(groups) as { error: UspCodecError }).error.code, 'USP_RECORD_UNDECODABLE');
  });

  it('refuses a Msg of millions of empty elements before building them', () => {
    // A GetResp with `count` empty req_path_results: two bytes each on the wire.
    const getResp = (count: number): Uint8Array => {
      const empties = new Uint8Array(count * 2);
      for (let i = 0; i < empties.length; i += 2) empties[i] = 0x0a;
      const w = protobuf.Writer.create();
      w.uint32(10).fork().uint32(10).string('m1').uint32(16).uint32(2).ldelim();
      w.uint32(18).fork().uint32(18).fork().uint32(10).bytes(empties).ldelim().ldelim();
      return w.finish();
    };
    // 3 MB, within maxMsgBytes, but 1,500,000 elements.
    assert.equal((decodeMsg(getResp(1_500_000)) as { error: UspCodecError }).error.code, 'USP_MSG_TOO_LARGE');
    // Every field counts: header, msg_id, msg_type, body, response, get_resp and the 10 results.
    assert.equal(decodeMsg(getResp(10), { maxElements: 16 }).ok, true);
    assert.equal((decodeMsg(getResp(10), { maxElements: 15 }) as { error: UspCodecError }).error.code, 'USP_MSG_TOO_LARGE');
    // The same for a Record: a session context of a million empty payload segments.
    const segments = new Uint8Array(2_000_000);
    for (let i = 0; i < segments.length; i += 2) segments[i] = 0x3a;
    const record = protobuf.Writer.create().uint32(18).string('a::b').uint32(26).string('c::d').uint32(66).bytes(segments).finish();
    assert.equal((decodeRecord(record) as { error: UspCodecError }).error.code, 'USP_RECORD_TOO_LARGE');
  });
});
