import type { Delete, DeleteResp } from '@fleetlog/usp';
import type { DataModel, ObjectRef } from '../data-model/data-model.js';
import { UspErrorCode } from '../usp-errors.js';
import type { UspFailure } from '../usp-errors.js';
import { allOrNothing, requestedPathFailed } from './all-or-nothing.js';
import type { Handled, PathError } from './all-or-nothing.js';
import type { AgentEffect } from './effects.js';

type DeletedObjectResult = DeleteResp['deletedObjResults'][number];

// An instance and every instance below it: all go when it goes.
const instancesWithin = (model: DataModel, instance: ObjectRef): string[] => [
  instance.path,
  ...model.children(instance).flatMap((child) => (child.instanceOf === undefined ? instancesWithin(model, child).slice(1) : instancesWithin(model, child))),
];

const deleteObject = (model: DataModel, objPath: string, effects: AgentEffect[]): { result: DeletedObjectResult; failures: PathError[] } => {
  const failed = (failure: UspFailure) => requestedPathFailed(objPath, failure);
  const resolved = model.resolve(objPath);
  if (!resolved.ok) return failed(resolved.error);
  const target = resolved.value;
  if (target.target !== 'object' || target.objects.some((o) => o.instanceOf === undefined))
    return failed({ errCode: UspErrorCode.notATable, errMsg: `${objPath} names no instance of a multi-instance object` });

  const affectedPaths: string[] = [];
  const unaffectedPathErrs: { unaffectedPath: string; errCode: number; errMsg: string }[] = [];
  for (const instance of target.objects) {
    const access = instance.instanceOf?.table.spec.access;
    if (access !== 'OBJ_ADD_DELETE' && access !== 'OBJ_DELETE_ONLY') {
      unaffectedPathErrs.push({ unaffectedPath: instance.path, errCode: UspErrorCode.deleteFailure, errMsg: `${instance.path} is not deletable` });
      continue;
    }
    const gone = instancesWithin(model, instance);
    model.deleteInstance(instance);
    affectedPaths.push(...gone);
    effects.push(...gone.map((path) => ({ type: 'objectDeleted' as const, path })));
  }
  // R-DEL.2a: a valid path that matches nothing is a success with nothing affected.
  return {
    result: { requestedPath: objPath, operStatus: { type: 'operSuccess', affectedPaths, unaffectedPathErrs } },
    failures: unaffectedPathErrs.map(({ unaffectedPath, errCode, errMsg }) => ({ paramPath: unaffectedPath, errCode, errMsg })),
  };
};

/** TR-369 Delete of instances (by number or search); allow_partial false makes any failure an Error Msg that deletes nothing. */
export const handleDelete = (model: DataModel, request: Delete): Handled<DeleteResp> =>
  allOrNothing(model, request.allowPartial, (effects) => {
    const outcomes = request.objPaths.map((objPath) => deleteObject(model, objPath, effects));
    return { body: { type: 'DeleteResp', deletedObjResults: outcomes.map((o) => o.result) }, failures: outcomes.flatMap((o) => o.failures) };
  });
