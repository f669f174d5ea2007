import { USP_BODY_TYPES } from '@fleetlog/usp';
import type { UspMsg, UspRequestBody } from '@fleetlog/usp';
import type { UspFailure } from '../usp-errors.js';

export type UspRequestType = UspRequestBody['type'];

export const isRequestMsg = (msg: UspMsg): msg is UspMsg<UspRequestBody> => USP_BODY_TYPES[msg.body.type].kind === 'request';

/** Which requests a fault hits: those of the listed types (all when omitted), the next `times` of them (all when omitted). */
export interface FaultRule {
  only?: readonly UspRequestType[];
  times?: number;
}

/**
 * Misbehaviour a test can ask of the agent, to see how the controller copes. Read at every request;
 * `setFaults` replaces it, and a rule with `times` is spent once it has hit that many requests.
 */
export interface FaultInjection {
  /** Answer with this Error Msg instead of carrying the request out. */
  error?: FaultRule & { errCode: number; errMsg?: string };
  /** Carry the request out but never answer it: a lost response. */
  drop?: FaultRule;
  /** Operate: every command fails with this (sync in the OperateResp, async in the OperationComplete). */
  commandFailure?: FaultRule & { errCode: number; errMsg?: string };
  /** Hold every request this long before carrying it out and answering. */
  delayMs?: number;
}

export interface FaultVerdict {
  error?: UspFailure;
  drop: boolean;
  commandFailure?: UspFailure;
  delayMs: number;
}

const hits = (rule: FaultRule | undefined, type: UspRequestType): boolean =>
  rule !== undefined && (rule.only === undefined || rule.only.includes(type)) && (rule.times === undefined || rule.times > 0);

// A rule that hit once more, or undefined once it is spent.
const spend = <R extends FaultRule>(rule: R): R | undefined => (rule.times === undefined ? rule : rule.times > 1 ? { ...rule, times: rule.times - 1 } : undefined);

/** Pure: what the faults do to one request, and the faults left for the next. */
export const judgeRequest = (faults: FaultInjection, type: UspRequestType): { verdict: FaultVerdict; remaining: FaultInjection } => {
  const remaining: FaultInjection = { ...faults };
  const verdict: FaultVerdict = { drop: false, delayMs: faults.delayMs ?? 0 };
  if (faults.error !== undefined && hits(faults.error, type)) {
    verdict.error = { errCode: faults.error.errCode, errMsg: faults.error.errMsg ?? 'injected fault' };
    remaining.error = spend(faults.error);
  }
  if (faults.drop !== undefined && hits(faults.drop, type)) {
    verdict.drop = true;
    remaining.drop = spend(faults.drop);
  }
  if (type === 'Operate' && faults.commandFailure !== undefined && hits(faults.commandFailure, type)) {
    verdict.commandFailure = { errCode: faults.commandFailure.errCode, errMsg: faults.commandFailure.errMsg ?? 'injected command failure' };
    remaining.commandFailure = spend(faults.commandFailure);
  }
  return { verdict, remaining };
};
