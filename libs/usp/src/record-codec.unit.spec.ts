import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import { disconnectFor, disconnectRecord, mqttConnectRecord, noSessionRecord } from './build-records.js';
import type { UspCodecErrorCode } from './errors.js';
import { decodeMsg } from './msg-codec.js';
import { decodeRecord, encodeRecord } from './record-codec.js';
import type { UspCodecResult } from './result.js';

const codeOf = (result: UspCodecResult<unknown>): UspCodecErrorCode | 'ok' => (result.ok ? 'ok' : result.error.code);

// Record bytes written by hand: header fields 1-3, then the given record_type member.
const recordBytes = (write: (w: protobuf.Writer) => void, header = { version: '1.3', toId: 'os::00D09E-SN1', fromId: 'self::ctrl' }): Uint8Array => {
  const w = protobuf.Writer.create();
  if (header.version) w.uint32(10).string(header.version);
  if (header.toId) w.uint32(18).string(header.toId);
  if (header.fromId) w.uint32(26).string(header.fromId);
  write(w);
  return w.finish();
};
const sessionContext = (w: protobuf.Writer) => void w.uint32(66).fork().uint32(8).uint64(1).uint32(58).bytes(Uint8Array.of(1, 2)).ldelim();
const noSession = (w: protobuf.Writer) => void w.uint32(58).fork().uint32(18).bytes(Uint8Array.of(1)).ldelim();

describe('decodeRecord', () => {
  it('refuses a session_context record politely: the sender, USP code 7106, and a DisconnectRecord to answer with', () => {
    const result = decodeRecord(recordBytes(sessionContext));
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'USP_SESSION_CONTEXT_UNSUPPORTED');
    assert.equal(result.error.uspErrorCode, 7106);
    assert.equal(result.error.retriable, false);
    assert.deepEqual(result.error.recordHeader, { version: '1.3', toId: 'os::00D09E-SN1', fromId: 'self::ctrl' });
    const reply = disconnectFor(result.error, { fromId: 'self::fleetlog' });
    assert.ok(reply);
    assert.equal(reply.toId, 'self::ctrl');
    assert.equal(reply.fromId, 'self::fleetlog');
    assert.deepEqual(reply.recordType, { type: 'disconnect', reason: result.error.message, reasonCode: 7106 });
    assert.equal(codeOf(decodeRecord(encodeRecord(reply))), 'ok');
  });

  it('refuses an encrypted payload (TLS12 or an unknown payload_security) with USP code 7102', () => {
    for (const security of [1, 5]) {
      const result = decodeRecord(recordBytes((w) => void (w.uint32(32).uint32(security), noSession(w))));
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'USP_PAYLOAD_SECURITY_UNSUPPORTED');
      assert.equal(result.error.uspErrorCode, 7102);
      assert.equal(result.error.recordHeader?.fromId, 'self::ctrl');
    }
  });

  it('checks the size before decoding: 10 MB of garbage is too large, not undecodable', () => {
    assert.equal(codeOf(decodeRecord(new Uint8Array(10 * 1024 * 1024).fill(0xff))), 'USP_RECORD_TOO_LARGE');
    const valid = recordBytes(noSession);
    assert.equal(codeOf(decodeRecord(valid, { maxRecordBytes: valid.length })), 'ok');
    assert.equal(codeOf(decodeRecord(valid, { maxRecordBytes: valid.length - 1 })), 'USP_RECORD_TOO_LARGE');
    // A nonsensical limit keeps the default instead of disabling the check.
    assert.equal(codeOf(decodeRecord(valid, { maxRecordBytes: -1 })), 'ok');
  });

  it('rejects bytes that are not protobuf, without a sender to answer', () => {
    const result = decodeRecord(Uint8Array.of(0x0a, 0x05, 0x31));
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'USP_RECORD_UNDECODABLE');
    assert.equal(result.error.uspErrorCode, 7100);
    assert.equal(disconnectFor(result.error, { fromId: 'self::fleetlog' }), undefined);
  });

  it('rejects a record without to_id or from_id, without a record type, or with two record types', () => {
    assert.equal(codeOf(decodeRecord(recordBytes(noSession, { version: '1.3', toId: '', fromId: 'self::ctrl' }))), 'USP_RECORD_INVALID');
    assert.equal(codeOf(decodeRecord(recordBytes(noSession, { version: '1.3', toId: 'os::00D09E-SN1', fromId: '' }))), 'USP_RECORD_INVALID');
    const untyped = decodeRecord(recordBytes(() => undefined));
    assert.ok(!untyped.ok);
    assert.equal(untyped.error.code, 'USP_RECORD_INVALID');
    assert.equal(untyped.error.uspErrorCode, 7104);
    assert.match(untyped.error.message, /recordType is not set/);
    const twice = decodeRecord(recordBytes((w) => void (noSession(w), w.uint32(74).fork().ldelim())));
    assert.equal(codeOf(twice), 'USP_RECORD_INVALID');
  });

  it('rejects an unknown MQTT version', () => {
    assert.equal(codeOf(decodeRecord(recordBytes((w) => void w.uint32(82).fork().uint32(8).uint32(7).ldelim()))), 'USP_RECORD_INVALID');
  });
});

describe('record builders', () => {
  it('noSessionRecord carries the encoded Msg as its payload, plaintext, version 1.3 unless told', () => {
    const msg = { msgId: 'm1', body: { type: 'Get' as const, paramPaths: ['Device.'], maxDepth: 0 } };
    const record = noSessionRecord({ toId: 'os::00D09E-SN1', fromId: 'self::ctrl', msg });
    assert.equal(record.version, '1.3');
    assert.equal(record.payloadSecurity, 'PLAINTEXT');
    const decoded = decodeRecord(encodeRecord(record));
    assert.ok(decoded.ok);
    assert.equal(decoded.value.recordType.type, 'noSessionContext');
    if (decoded.value.recordType.type !== 'noSessionContext') return;
    assert.deepEqual(decodeMsg(decoded.value.recordType.payload), { ok: true, value: msg });
    assert.equal(noSessionRecord({ toId: 'a::b', fromId: 'c::d', msg, version: '1.4' }).version, '1.4');
  });

  it('mqttConnectRecord and disconnectRecord', () => {
    const connect = mqttConnectRecord({ toId: 'self::ctrl', fromId: 'os::00D09E-SN1', mqttVersion: 'V5', subscribedTopic: 'usp/agent/00D09E-SN1' });
    assert.deepEqual(connect.recordType, { type: 'mqttConnect', version: 'V5', subscribedTopic: 'usp/agent/00D09E-SN1' });
    const bye = disconnectRecord({ toId: 'os::00D09E-SN1', fromId: 'self::ctrl', reason: 'shutting down', reasonCode: 7105 });
    assert.deepEqual(bye.recordType, { type: 'disconnect', reason: 'shutting down', reasonCode: 7105 });
  });

  it('encodeRecord refuses a value it cannot send', () => {
    const bye = disconnectRecord({ toId: 'a::b', fromId: 'c::d', reason: 'x', reasonCode: -1 });
    assert.throws(() => encodeRecord(bye), { code: 'USP_RECORD_INVALID' });
    assert.throws(() => encodeRecord({ ...bye, payloadSecurity: 'TLS13' as 'TLS12' }), { code: 'USP_RECORD_INVALID' });
  });
});
