import type { SetResp, UspSet } from '@fleetlog/usp';
import type { DataModel } from '../data-model/data-model.js';
import { UspErrorCode } from '../usp-errors.js';
import type { UspFailure } from '../usp-errors.js';
import { allOrNothing } from './all-or-nothing.js';
import type { Handled, PathError } from './all-or-nothing.js';
import type { AgentEffect } from './effects.js';
import { applySettings, failsRequired, parameterErrors, prepareSettings } from './param-settings.js';

type UpdateObject = UspSet['updateObjs'][number];
type UpdatedObjectResult = SetResp['updatedObjResults'][number];

const pathFailure = (requestedPath: string, { errCode, errMsg }: UspFailure): UpdatedObjectResult => ({
  requestedPath,
  operStatus: { type: 'operFailure', errCode, errMsg, updatedInstFailures: [] },
});

// One UpdateObject: every object it matches is updated, or (a required parameter failing on any
// of them) none is.
const updateObject = (model: DataModel, update: UpdateObject, effects: AgentEffect[]): { result: UpdatedObjectResult; failures: PathError[] } => {
  const { objPath } = update;
  const failed = (failure: UspFailure) => ({ result: pathFailure(objPath, failure), failures: [{ paramPath: objPath, ...failure }] });
  const resolved = model.resolve(objPath);
  if (!resolved.ok) return failed(resolved.error);
  if (resolved.value.target !== 'object') return failed({ errCode: UspErrorCode.invalidPath, errMsg: `${objPath} names a ${resolved.value.target}: Set updates objects or instances` });
  const { objects } = resolved.value;
  if (objects.length === 0) return failed({ errCode: UspErrorCode.objectDoesNotExist, errMsg: `no object matches ${objPath}` });

  const prepared = objects.map((object) => prepareSettings(model, object, update.paramSettings));
  if (prepared.some(failsRequired)) {
    const paramFailures = prepared.flatMap((p) => p.errors.map((e) => ({ paramPath: `${p.object.path}${e.param}`, errCode: e.errCode, errMsg: e.errMsg })));
    const updatedInstFailures = prepared.filter((p) => p.errors.length > 0).map((p) => ({ affectedPath: p.object.path, paramErrs: parameterErrors(p.errors) }));
    const errMsg = `a required parameter of ${objPath} could not be set`;
    return { result: { requestedPath: objPath, operStatus: { type: 'operFailure', errCode: UspErrorCode.requiredParameterFailed, errMsg, updatedInstFailures } }, failures: paramFailures };
  }
  const updatedInstResults = prepared.map((p) => ({ affectedPath: p.object.path, paramErrs: parameterErrors(p.errors), updatedParams: applySettings(model, p, effects) }));
  // Parameters that were not required fail alone: the object is still updated (TR-369 "allow partial and required parameters").
  return { result: { requestedPath: objPath, operStatus: { type: 'operSuccess', updatedInstResults } }, failures: [] };
};

/**
 * TR-369 Set. A required parameter that fails fails its UpdateObject (7021, listing the
 * instances and their parameter errors); one that is not required is reported beside the values
 * that were set. allow_partial false turns any failure into an Error Msg and changes nothing.
 */
export const handleSet = (model: DataModel, request: UspSet): Handled<SetResp> =>
  allOrNothing(model, request.allowPartial, (effects) => {
    const outcomes = request.updateObjs.map((update) => updateObject(model, update, effects));
    return { body: { type: 'SetResp', updatedObjResults: outcomes.map((o) => o.result) }, failures: outcomes.flatMap((o) => o.failures) };
  });
