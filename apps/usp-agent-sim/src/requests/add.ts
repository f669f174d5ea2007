import type { Add, AddResp } from '@fleetlog/usp';
import type { DataModel } from '../data-model/data-model.js';
import { UspErrorCode } from '../usp-errors.js';
import type { UspFailure } from '../usp-errors.js';
import { allOrNothing, requestedPathFailed } from './all-or-nothing.js';
import type { Handled, PathError } from './all-or-nothing.js';
import type { AgentEffect } from './effects.js';
import { applySettings, failsRequired, parameterErrors, prepareSettings } from './param-settings.js';

type CreateObject = Add['createObjs'][number];
type CreatedObjectResult = AddResp['createdObjResults'][number];

const createObject = (model: DataModel, create: CreateObject, effects: AgentEffect[]): { result: CreatedObjectResult; failures: PathError[] } => {
  const { objPath } = create;
  const failed = (failure: UspFailure) => requestedPathFailed(objPath, failure);
  const resolved = model.resolve(objPath);
  if (!resolved.ok) return failed(resolved.error);
  const target = resolved.value;
  if (target.parsed.isSearch) return failed({ errCode: UspErrorCode.invalidPathSyntax, errMsg: `${objPath}: Add takes no search paths (R-ADD.2)` });
  if (target.target !== 'table') return failed({ errCode: UspErrorCode.notATable, errMsg: `${objPath} is not a multi-instance object` });
  const [table] = target.tables;
  if (table === undefined) return failed({ errCode: UspErrorCode.objectDoesNotExist, errMsg: `no object holds ${objPath}` });
  if (table.spec.access !== 'OBJ_ADD_DELETE' && table.spec.access !== 'OBJ_ADD_ONLY') return failed({ errCode: UspErrorCode.notCreatable, errMsg: `${objPath} is not creatable` });

  const created = model.addInstance(table);
  if (!created.ok) return failed(created.error);
  const instance = created.value;
  const prepared = prepareSettings(model, instance, create.paramSettings);
  const requiredError = prepared.errors.find((e) => e.required);
  if (failsRequired(prepared) && requiredError !== undefined) {
    model.deleteInstance(instance);
    return failed({ errCode: UspErrorCode.requiredParameterFailed, errMsg: `required parameter ${requiredError.param} failed: ${requiredError.errMsg}` });
  }
  // A new object is announced by ObjectCreation, not by a ValueChange per parameter.
  applySettings(model, prepared, []);
  const uniqueKeys = model.uniqueKeys(instance);
  effects.push({ type: 'objectCreated', path: instance.path, uniqueKeys });
  return { result: { requestedPath: objPath, operStatus: { type: 'operSuccess', instantiatedPath: instance.path, paramErrs: parameterErrors(prepared.errors), uniqueKeys } }, failures: [] };
};

/**
 * TR-369 Add: one instance per CreateObject, with the agent's values for unique keys the
 * controller left out (R-ADD.5). A required parameter that fails leaves no instance behind (7021);
 * allow_partial false turns any failure into an Error Msg and creates nothing.
 */
export const handleAdd = (model: DataModel, request: Add): Handled<AddResp> =>
  allOrNothing(model, request.allowPartial, (effects) => {
    const outcomes = request.createObjs.map((create) => createObject(model, create, effects));
    return { body: { type: 'AddResp', createdObjResults: outcomes.map((o) => o.result) }, failures: outcomes.flatMap((o) => o.failures) };
  });
