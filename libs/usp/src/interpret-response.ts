import { assertNever } from '@fleetlog/domain';
import type { OperFailure, StringMap, UspError, UspErrorFields, UspMsg, UspResponseBody } from './messages.js';

/** A parameter value the agent reported, by absolute path. */
export interface UspParameter {
  path: string;
  value: string;
}

/** Something the agent could not do, with the USP error code (7000-7999) and its message. */
export interface UspPathFailure extends UspErrorFields {
  path: string;
}

/** An asynchronous Operate: still running; its result arrives in an OperationComplete Notify. */
export interface UspPendingOperation {
  command: string;
  /** The Device.LocalAgent.Request.{i}. instance that tracks it. */
  requestObjPath: string;
}

interface OutcomeBase {
  msgId: string;
  responseType: (UspResponseBody | UspError)['type'];
}

interface Reported {
  /** Get: resolved parameters; Set: updated parameters; Add and GetInstances: unique keys; Operate: output arguments (`<command>.<argument>`). */
  parameters: UspParameter[];
  /** Object instances the agent acted on or found: created, updated, deleted, instantiated, supported, registered. */
  objects: string[];
  pending: UspPendingOperation[];
}

/** What a response (or Error) says about the request it answers. The Msg itself keeps every detail. */
export type UspOutcome =
  | (OutcomeBase & Reported & { status: 'succeeded' })
  | (OutcomeBase & Reported & { status: 'partial'; failures: UspPathFailure[] })
  | (OutcomeBase & UspErrorFields & { status: 'failed'; failures: UspPathFailure[] });

// Relative names (parameters, unique keys, output arguments) hang off their object or command path.
const join = (base: string, name: string): string => (base === '' || base.endsWith('.') ? `${base}${name}` : `${base}.${name}`);

const parametersOf = (base: string, values: StringMap): UspParameter[] =>
  Object.entries(values).map(([name, value]) => ({ path: join(base, name), value }));

const failureAt = (path: string, { errCode, errMsg }: UspErrorFields): UspPathFailure => ({ path, errCode, errMsg });

class Tally {
  readonly reported: Reported = { parameters: [], objects: [], pending: [] };
  readonly failures: UspPathFailure[] = [];
  succeeded = 0;

  fail(path: string, error: UspErrorFields): void {
    this.failures.push(failureAt(path, error));
  }

  /** One requested path or result that worked, even if some of its parameters did not. */
  success(): void {
    this.succeeded += 1;
  }
}

// Results that report err_code 0 succeeded; any other code is the failure of that requested path.
const tallyErrCoded = <R extends UspErrorFields>(tally: Tally, results: readonly R[], pathOf: (result: R) => string, onSuccess: (result: R) => void): void => {
  for (const result of results) {
    if (result.errCode !== 0) tally.fail(pathOf(result), result);
    else {
      tally.success();
      onSuccess(result);
    }
  }
};

// Results carrying an OperationStatus: a failure is the requested path's; a success counts and reports.
type OperStatus = OperFailure | { type: 'operSuccess' };

const tallyOperStatus = <T extends OperStatus>(
  tally: Tally,
  results: readonly { requestedPath: string; operStatus: T }[],
  onSuccess: (success: Extract<T, { type: 'operSuccess' }>) => void,
  onFailure: (failure: Extract<T, OperFailure>) => void = () => undefined,
): void => {
  for (const { requestedPath, operStatus } of results) {
    // TypeScript does not narrow a generic union on its tag; the casts state what the check proved.
    if (operStatus.type === 'operFailure') {
      const failure = operStatus as Extract<T, OperFailure>;
      tally.fail(requestedPath, failure);
      onFailure(failure);
    } else {
      tally.success();
      onSuccess(operStatus as Extract<T, { type: 'operSuccess' }>);
    }
  }
};

const tallyBody = (body: UspResponseBody, tally: Tally): void => {
  const { parameters, objects, pending } = tally.reported;
  switch (body.type) {
    case 'GetResp':
      tallyErrCoded(tally, body.reqPathResults, (r) => r.requestedPath, (r) => {
        for (const resolved of r.resolvedPathResults) parameters.push(...parametersOf(resolved.resolvedPath, resolved.resultParams));
      });
      return;
    case 'GetInstancesResp':
      tallyErrCoded(tally, body.reqPathResults, (r) => r.requestedPath, (r) => {
        for (const instance of r.currInsts) {
          objects.push(instance.instantiatedObjPath);
          parameters.push(...parametersOf(instance.instantiatedObjPath, instance.uniqueKeys));
        }
      });
      return;
    case 'GetSupportedDMResp':
      tallyErrCoded(tally, body.reqObjResults, (r) => r.reqObjPath, (r) => objects.push(...r.supportedObjs.map((o) => o.supportedObjPath)));
      return;
    case 'SetResp':
      tallyOperStatus(
        tally,
        body.updatedObjResults,
        (success) => {
          for (const instance of success.updatedInstResults) {
            objects.push(instance.affectedPath);
            parameters.push(...parametersOf(instance.affectedPath, instance.updatedParams));
            for (const e of instance.paramErrs) tally.fail(join(instance.affectedPath, e.param), e);
          }
        },
        (failure) => {
          for (const instance of failure.updatedInstFailures) for (const e of instance.paramErrs) tally.fail(join(instance.affectedPath, e.param), e);
        },
      );
      return;
    case 'AddResp':
      tallyOperStatus(tally, body.createdObjResults, (success) => {
        objects.push(success.instantiatedPath);
        parameters.push(...parametersOf(success.instantiatedPath, success.uniqueKeys));
        for (const e of success.paramErrs) tally.fail(join(success.instantiatedPath, e.param), e);
      });
      return;
    case 'DeleteResp':
      tallyOperStatus(tally, body.deletedObjResults, (success) => {
        objects.push(...success.affectedPaths);
        for (const e of success.unaffectedPathErrs) tally.fail(e.unaffectedPath, e);
      });
      return;
    case 'OperateResp':
      for (const { executedCommand, operationResp } of body.operationResults) {
        if (operationResp.type === 'cmdFailure') {
          tally.fail(executedCommand, operationResp);
          continue;
        }
        tally.success();
        if (operationResp.type === 'reqObjPath') pending.push({ command: executedCommand, requestObjPath: operationResp.reqObjPath });
        else parameters.push(...parametersOf(executedCommand, operationResp.outputArgs));
      }
      return;
    case 'RegisterResp':
      tallyOperStatus(tally, body.registeredPathResults, (success) => objects.push(success.registeredPath));
      return;
    case 'DeregisterResp':
      tallyOperStatus(tally, body.deregisteredPathResults, (success) => objects.push(...success.deregisteredPath));
      return;
    case 'NotifyResp':
    case 'GetSupportedProtocolResp':
      return;
    default:
      assertNever(body);
  }
};

/**
 * The outcome of the request a response or Error answers: succeeded, partial (some paths failed),
 * or failed (an Error Msg, or every requested path failed) with the USP error code and message.
 */
export const interpretResponse = (msg: UspMsg<UspResponseBody | UspError>): UspOutcome => {
  const { msgId, body } = msg;
  if (body.type === 'Error') {
    const failures = body.paramErrs.map((e) => failureAt(e.paramPath, e));
    return { msgId, responseType: body.type, status: 'failed', errCode: body.errCode, errMsg: body.errMsg, failures };
  }
  const tally = new Tally();
  tallyBody(body, tally);
  const base = { msgId, responseType: body.type };
  const [first] = tally.failures;
  if (first === undefined) return { ...base, status: 'succeeded', ...tally.reported };
  if (tally.succeeded > 0) return { ...base, status: 'partial', ...tally.reported, failures: tally.failures };
  return { ...base, status: 'failed', errCode: first.errCode, errMsg: first.errMsg, failures: tally.failures };
};
