import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import { errorMsg, notifyResp } from './build-messages.js';
import type { UspCodecErrorCode } from './errors.js';
import type { Notify, UspMsg } from './messages.js';
import { decodeMsg, encodeMsg } from './msg-codec.js';
import type { UspCodecResult } from './result.js';

const codeOf = (result: UspCodecResult<unknown>): UspCodecErrorCode | 'ok' => (result.ok ? 'ok' : result.error.code);

// Msg bytes by hand: header {msg_id 1, msg_type 2} and a body written by the callback.
const msgBytes = (msgId: string, msgType: number | undefined, body?: (w: protobuf.Writer) => void): Uint8Array => {
  const w = protobuf.Writer.create();
  w.uint32(10).fork();
  if (msgId !== '') w.uint32(10).string(msgId);
  if (msgType !== undefined) w.uint32(16).uint32(msgType);
  w.ldelim();
  if (body) {
    w.uint32(18).fork();
    body(w);
    w.ldelim();
  }
  return new Uint8Array(w.finish());
};
const getRequest = (w: protobuf.Writer) => void w.uint32(10).fork().uint32(10).fork().uint32(10).string('Device.').ldelim().ldelim();
const getResponse = (w: protobuf.Writer) => void w.uint32(18).fork().uint32(10).fork().ldelim().ldelim();

describe('decodeMsg validation', () => {
  it('accepts a body whose type matches the header', () => {
    assert.equal(codeOf(decodeMsg(msgBytes('m1', 1, getRequest))), 'ok');
    assert.equal(codeOf(decodeMsg(msgBytes('m1', 2, getResponse))), 'ok');
  });

  it('rejects a header msg_type that disagrees with the body, keeping the msg_id for an Error reply', () => {
    const result = decodeMsg(msgBytes('m1', 2, getRequest));
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'USP_MSG_INVALID');
    assert.equal(result.error.msgId, 'm1');
    assert.match(result.error.message, /header says GET_RESP but the body is Get/);
    // msg_type left out means ERROR (0), which a Get body is not.
    assert.equal(codeOf(decodeMsg(msgBytes('m1', undefined, getRequest))), 'USP_MSG_INVALID');
  });

  it('rejects a missing header, msg_id or body, and an unknown msg_type', () => {
    assert.equal(codeOf(decodeMsg(new Uint8Array())), 'USP_MSG_INVALID');
    assert.equal(codeOf(decodeMsg(msgBytes('', 1, getRequest))), 'USP_MSG_INVALID');
    assert.equal(codeOf(decodeMsg(msgBytes('m1', 1))), 'USP_MSG_INVALID');
    const unknown = decodeMsg(msgBytes('m1', 23, getRequest));
    assert.ok(!unknown.ok);
    assert.match(unknown.error.message, /unknown msg_type 23/);
  });

  it('rejects an empty body, an empty Request, and a body with two members', () => {
    assert.equal(codeOf(decodeMsg(msgBytes('m1', 1, () => undefined))), 'USP_MSG_INVALID');
    assert.equal(codeOf(decodeMsg(msgBytes('m1', 1, (w) => void w.uint32(10).fork().ldelim()))), 'USP_MSG_INVALID');
    assert.equal(codeOf(decodeMsg(msgBytes('m1', 1, (w) => void (getRequest(w), w.uint32(26).fork().ldelim())))), 'USP_MSG_INVALID');
  });

  it('rejects a Notify without a notification and an enum value TR-369 does not define', () => {
    const emptyNotify = (w: protobuf.Writer) => void w.uint32(10).fork().uint32(66).fork().uint32(10).string('sub').ldelim().ldelim();
    const result = decodeMsg(msgBytes('n1', 3, emptyNotify));
    assert.ok(!result.ok);
    assert.match(result.error.message, /notification is not set/);
    // GetSupportedDMResp > req_obj_results > supported_objs > access = 9
    const badAccess = (w: protobuf.Writer) => void w.uint32(18).fork().uint32(18).fork().uint32(10).fork().uint32(42).fork().uint32(16).uint32(9).ldelim().ldelim().ldelim().ldelim();
    assert.equal(codeOf(decodeMsg(msgBytes('d1', 13, badAccess))), 'USP_MSG_INVALID');
  });

  it('rejects bytes that are not protobuf, and a Msg over the size limit before decoding', () => {
    assert.equal(codeOf(decodeMsg(Uint8Array.of(0x0a, 0x7f))), 'USP_MSG_UNDECODABLE');
    const bytes = msgBytes('m1', 1, getRequest);
    assert.equal(codeOf(decodeMsg(bytes, { maxMsgBytes: bytes.length - 1 })), 'USP_MSG_TOO_LARGE');
    assert.equal(codeOf(decodeMsg(new Uint8Array(8 * 1024 * 1024).fill(0xff))), 'USP_MSG_TOO_LARGE');
  });

  it('ignores fields TR-369 does not define (a newer agent may send them)', () => {
    assert.equal(codeOf(decodeMsg(msgBytes('m1', 1, (w) => void (getRequest(w), w.uint32(98).string('future'))))), 'ok');
  });
});

describe('encodeMsg', () => {
  it('derives msg_type from the body and refuses values it cannot send', () => {
    const get: UspMsg = { msgId: 'm1', body: { type: 'Get', paramPaths: ['Device.'], maxDepth: 0 } };
    assert.deepEqual(encodeMsg(get), msgBytes('m1', 1, getRequest));
    assert.throws(() => encodeMsg({ ...get, msgId: '' }), { code: 'USP_MSG_INVALID' });
    assert.throws(() => encodeMsg({ msgId: 'm1', body: { type: 'Get', paramPaths: ['Device.'], maxDepth: 2 ** 32 } }), { code: 'USP_MSG_INVALID', msgId: 'm1' });
    assert.throws(() => encodeMsg({ msgId: 'm1', body: { type: 'Get', paramPaths: ['Device.'], maxDepth: 0, extra: 1 } as UspMsg['body'] }), /unknown field extra/);
    assert.throws(() => encodeMsg({ msgId: 'm1', body: { type: 'Get', paramPaths: ['Device.'] } as UspMsg['body'] }), /maxDepth must be an integer/);
    assert.throws(() => encodeMsg({ msgId: 'm1', body: { type: 'Bogus' } as unknown as UspMsg['body'] }), { code: 'USP_MSG_INVALID' });
  });
});

describe('message builders', () => {
  it('notifyResp answers a Notify with its msg_id and subscription_id', () => {
    const notify: UspMsg<Notify> = {
      msgId: 'n-7',
      body: { type: 'Notify', subscriptionId: 'boot-sub', sendResp: true, notification: { type: 'objDeletion', objPath: 'Device.X.1.' } },
    };
    assert.deepEqual(notifyResp(notify), { msgId: 'n-7', body: { type: 'NotifyResp', subscriptionId: 'boot-sub' } });
  });

  it('errorMsg builds an Error Msg that encodes and decodes', () => {
    const error = errorMsg('m9', 7004, 'Invalid arguments', [{ paramPath: 'Device.X.', errCode: 7026, errMsg: 'Invalid path' }]);
    assert.deepEqual(error.body, { type: 'Error', errCode: 7004, errMsg: 'Invalid arguments', paramErrs: [{ paramPath: 'Device.X.', errCode: 7026, errMsg: 'Invalid path' }] });
    assert.deepEqual(decodeMsg(encodeMsg(error)), { ok: true, value: error });
    assert.deepEqual(errorMsg('m9', 7000, 'Message failed').body.paramErrs, []);
  });
});
