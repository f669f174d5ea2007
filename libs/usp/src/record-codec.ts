import { UspCodecError } from './errors.js';
import type { UspCodecErrorCode, UspRecordHeader } from './errors.js';
import { resolveLimits } from './limits.js';
import type { UspCodecLimits } from './limits.js';
import type { DecodedUspRecord, UspRecord } from './records.js';
import { fail, ok } from './result.js';
import type { UspCodecResult } from './result.js';
import { RecordType } from './schema.js';
import { fromWire, SchemaMismatch, toWire } from './wire.js';
import { decodeBounded, plainBytes } from './wire-bytes.js';
import type { Fields } from './wire.js';

const PLAINTEXT = 0;

const headerOf = (wire: Fields): UspRecordHeader => ({
  version: wire['version'] as string,
  toId: wire['toId'] as string,
  fromId: wire['fromId'] as string,
});

const has = (wire: Fields, member: string): boolean => Object.hasOwn(wire, member) && wire[member] != null;

/**
 * Decode one USP Record; size and field count are checked before decoding. A session_context
 * record or an encrypted payload is refused politely: the error carries the sender's header
 * (recordHeader) and the USP error code, so the caller can answer with disconnectFor(error, …).
 * Never throws.
 */
export const decodeRecord = (bytes: Uint8Array, limits?: Partial<UspCodecLimits>): UspCodecResult<DecodedUspRecord> => {
  const { maxRecordBytes, maxElements } = resolveLimits(limits);
  const decoded = decodeBounded('Record', RecordType, bytes, { maxBytes: maxRecordBytes, maxElements });
  if (!decoded.ok) return decoded;
  const wire = decoded.value;
  const recordHeader = headerOf(wire);
  const refuse = (code: UspCodecErrorCode, message: string) =>
    fail<DecodedUspRecord>(new UspCodecError(code, `USP Record from ${JSON.stringify(recordHeader.fromId)} ${message}`, { recordHeader }));
  if (has(wire, 'sessionContext')) return refuse('USP_SESSION_CONTEXT_UNSUPPORTED', 'uses a session context, which Fleetlog does not support');
  if (wire['payloadSecurity'] !== PLAINTEXT) return refuse('USP_PAYLOAD_SECURITY_UNSUPPORTED', 'has an encrypted payload (payload_security is not PLAINTEXT)');
  if (recordHeader.toId === '' || recordHeader.fromId === '') return refuse('USP_RECORD_INVALID', 'lacks to_id or from_id');
  try {
    return ok(fromWire(RecordType, wire, 'Record') as unknown as DecodedUspRecord);
  } catch (error) {
    if (error instanceof SchemaMismatch) return refuse('USP_RECORD_INVALID', `does not fit TR-369: ${error.message}`);
    throw error;
  }
};

/** Encode one USP Record. Throws UspCodecError (USP_RECORD_INVALID) for a value that cannot be sent: a bug. */
export const encodeRecord = (record: UspRecord): Uint8Array => {
  try {
    return plainBytes(RecordType.encode(toWire(RecordType, record as unknown as Fields, 'Record')).finish());
  } catch (error) {
    if (error instanceof SchemaMismatch) throw new UspCodecError('USP_RECORD_INVALID', `USP Record cannot be encoded: ${error.message}`, { recordHeader: { version: record.version, toId: record.toId, fromId: record.fromId } });
    throw error;
  }
};
