import type { Notify, NotifyResp, UspError, UspErrorFields, UspMsg } from './messages.js';

/** The NotifyResp that stops an agent retrying a Notify sent with sendResp: same msg_id and subscription. */
export const notifyResp = (notify: UspMsg<Notify>): UspMsg<NotifyResp> => ({
  msgId: notify.msgId,
  body: { type: 'NotifyResp', subscriptionId: notify.body.subscriptionId },
});

/** An Error Msg answering the request with this msgId; code is a USP error code (7000-7999). */
export const errorMsg = (
  msgId: string,
  code: number,
  message: string,
  paramErrs: readonly (UspErrorFields & { paramPath: string })[] = [],
): UspMsg<UspError> => ({
  msgId,
  body: { type: 'Error', errCode: code, errMsg: message, paramErrs: [...paramErrs] },
});
