import type { UspError, UspErrorFields } from '@fleetlog/usp';
import type { DataModel } from '../data-model/data-model.js';
import type { AgentEffect } from './effects.js';

export type PathError = UspErrorFields & { paramPath: string };

/** An Add or Delete result for a requested path that failed as a whole, and the failure for allOrNothing. */
export const requestedPathFailed = (requestedPath: string, { errCode, errMsg }: UspErrorFields) => ({
  result: { requestedPath, operStatus: { type: 'operFailure' as const, errCode, errMsg } },
  failures: [{ paramPath: requestedPath, errCode, errMsg }],
});

/** A handler's answer and what it sets in motion. */
export interface Handled<B> {
  body: B | UspError;
  effects: AgentEffect[];
}

/**
 * Set, Add and Delete with allow_partial false: everything or nothing. Runs the request; if
 * anything failed, puts the data model back as it was and answers an Error Msg carrying the first
 * failure's code and every failure in param_errs.
 */
export const allOrNothing = <B>(model: DataModel, allowPartial: boolean, run: (effects: AgentEffect[]) => { body: B; failures: PathError[] }): Handled<B> => {
  const before = model.snapshot();
  const effects: AgentEffect[] = [];
  const { body, failures } = run(effects);
  const [first] = failures;
  if (allowPartial || first === undefined) return { body, effects };
  model.restore(before);
  return { body: { type: 'Error', errCode: first.errCode, errMsg: first.errMsg, paramErrs: failures }, effects: [] };
};
