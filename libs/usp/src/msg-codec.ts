import type { OneOf, Type } from 'protobufjs';
import { UspCodecError } from './errors.js';
import { resolveLimits } from './limits.js';
import type { UspCodecLimits } from './limits.js';
import { isUspBodyType, USP_BODY_TYPES } from './messages.js';
import type { UspBody, UspMsg } from './messages.js';
import { fail, ok } from './result.js';
import type { UspCodecResult } from './result.js';
import { BodyOneof, bodyMembers, ErrorType, HeaderMsgTypeEnum, MsgType } from './schema.js';
import { fromWire, isFields, presentMember, SchemaMismatch, toWire } from './wire.js';
import { decodeBounded, plainBytes } from './wire-bytes.js';
import type { Fields } from './wire.js';

const readBody = (body: Fields): UspBody => {
  const { member, value } = presentMember(BodyOneof, body, 'Body');
  if (member.name === 'error') return { type: 'Error', ...fromWire(ErrorType, value as Fields) } as UspBody;
  const container = member.resolvedType as Type;
  const inner = presentMember(container.oneofsArray[0] as OneOf, value as Fields, container.name);
  const type = (inner.member.resolvedType as Type).name;
  if (!isUspBodyType(type)) throw new SchemaMismatch(`${container.name} holds the unknown message ${type}`);
  return { type, ...fromWire(inner.member.resolvedType as Type, inner.value as Fields) } as UspBody;
};

const readMsg = (wire: Fields): UspCodecResult<UspMsg> => {
  const invalid = (message: string, msgId?: string) => fail(new UspCodecError('USP_MSG_INVALID', `USP Msg ${message}`, msgId === undefined ? {} : { msgId }));
  const { header, body } = wire;
  if (!isFields(header)) return invalid('has no header');
  const msgId = header['msgId'] as string;
  if (msgId === '') return invalid('has no msg_id');
  const msgType = HeaderMsgTypeEnum.valuesById[header['msgType'] as number];
  if (msgType === undefined) return invalid(`has the unknown msg_type ${String(header['msgType'])}`, msgId);
  if (!isFields(body)) return invalid('has no body', msgId);
  let decoded: UspBody;
  try {
    decoded = readBody(body);
  } catch (error) {
    if (error instanceof SchemaMismatch) return invalid(`does not fit TR-369: ${error.message}`, msgId);
    throw error;
  }
  const expected = USP_BODY_TYPES[decoded.type].msgType;
  if (expected !== msgType) return invalid(`header says ${msgType} but the body is ${decoded.type} (${expected})`, msgId);
  return ok({ msgId, body: decoded });
};

/** Decode one USP Msg (a NoSessionContextRecord payload). Never throws: every failure is a typed UspCodecError. */
export const decodeMsg = (bytes: Uint8Array, limits?: Partial<UspCodecLimits>): UspCodecResult<UspMsg> => {
  const { maxMsgBytes, maxElements } = resolveLimits(limits);
  const wire = decodeBounded('Msg', MsgType, bytes, { maxBytes: maxMsgBytes, maxElements });
  return wire.ok ? readMsg(wire.value) : wire;
};

/** Encode one USP Msg; msg_type follows the body. Throws UspCodecError (USP_MSG_INVALID) for a value that cannot be sent: a bug. */
export const encodeMsg = (msg: UspMsg): Uint8Array => {
  if (typeof msg.msgId !== 'string' || msg.msgId === '') throw new UspCodecError('USP_MSG_INVALID', 'USP Msg needs a msgId');
  const { type, ...fields } = msg.body;
  if (!isUspBodyType(type)) throw new UspCodecError('USP_MSG_INVALID', `USP Msg ${msg.msgId} has the unknown body type ${String(type)}`, { msgId: msg.msgId });
  const msgType = HeaderMsgTypeEnum.values[USP_BODY_TYPES[type].msgType];
  try {
    let body: Fields;
    if (type === 'Error') body = { error: toWire(ErrorType, fields) };
    else {
      const carrier = bodyMembers.get(type);
      if (carrier === undefined) throw new SchemaMismatch(`the schema has no message ${type}`);
      body = { [carrier.container]: { [carrier.member.name]: toWire(carrier.type, fields) } };
    }
    const header = msgType === 0 ? { msgId: msg.msgId } : { msgId: msg.msgId, msgType };
    return plainBytes(MsgType.encode({ header, body }).finish());
  } catch (error) {
    if (error instanceof SchemaMismatch) throw new UspCodecError('USP_MSG_INVALID', `USP Msg ${msg.msgId} cannot be encoded: ${error.message}`, { msgId: msg.msgId });
    throw error;
  }
};
