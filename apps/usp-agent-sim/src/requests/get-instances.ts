import { assertNever } from '@fleetlog/domain';
import type { GetInstances, GetInstancesResp } from '@fleetlog/usp';
import type { DataModel, ObjectRef, Resolved } from '../data-model/data-model.js';
import { UspErrorCode } from '../usp-errors.js';

type PathResult = GetInstancesResp['reqPathResults'][number];

// The instances below an object: of its own tables, and (deep) of everything beneath.
const instancesBelow = (model: DataModel, object: ObjectRef, firstLevelOnly: boolean): ObjectRef[] =>
  model.children(object).flatMap((child) => {
    if (child.instanceOf === undefined) return firstLevelOnly ? [] : instancesBelow(model, child, false);
    return [child, ...(firstLevelOnly ? [] : instancesBelow(model, child, false))];
  });

const instancesOf = (model: DataModel, resolved: Resolved, firstLevelOnly: boolean): ObjectRef[] | undefined => {
  const withNested = (instance: ObjectRef) => [instance, ...(firstLevelOnly ? [] : instancesBelow(model, instance, false))];
  switch (resolved.target) {
    case 'table':
      return resolved.tables.flatMap((table) => model.instances(table).flatMap(withNested));
    case 'object':
      return resolved.objects.flatMap((object) => (object.instanceOf === undefined ? instancesBelow(model, object, firstLevelOnly) : withNested(object)));
    case 'param':
    case 'command':
    case 'event':
      return undefined;
    default:
      return assertNever(resolved);
  }
};

/**
 * TR-369 GetInstances: the instances of the tables a path names (or of those below an object),
 * each with its unique keys; first_level_only leaves out instances of nested tables.
 */
export const handleGetInstances = (model: DataModel, request: GetInstances): GetInstancesResp => ({
  type: 'GetInstancesResp',
  reqPathResults: request.objPaths.map((requestedPath): PathResult => {
    const resolved = model.resolve(requestedPath);
    if (!resolved.ok) return { requestedPath, ...resolved.error, currInsts: [] };
    const found = instancesOf(model, resolved.value, request.firstLevelOnly);
    if (found === undefined) return { requestedPath, errCode: UspErrorCode.notATable, errMsg: `${requestedPath} is not an object`, currInsts: [] };
    return { requestedPath, errCode: 0, errMsg: '', currInsts: found.map((instance) => ({ instantiatedObjPath: instance.path, uniqueKeys: model.uniqueKeys(instance) })) };
  }),
});
