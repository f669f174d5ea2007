import { assertNever } from '@fleetlog/domain';
import type { Get, GetResp, ResolvedPathResult } from '@fleetlog/usp';
import type { DataModel, ObjectRef, Resolved } from '../data-model/data-model.js';
import { UspErrorCode } from '../usp-errors.js';

type PathResult = GetResp['reqPathResults'][number];

// An object and, max_depth permitting, every object below it: one ResolvedPathResult each, with
// the object's own parameters relative to it.
const subtree = (model: DataModel, object: ObjectRef, levels: number): ResolvedPathResult[] => [
  { resolvedPath: object.path, resultParams: model.values(object) },
  ...(levels > 1 ? model.children(object).flatMap((child) => subtree(model, child, levels - 1)) : []),
];

const resolvedResults = (model: DataModel, resolved: Resolved, levels: number): ResolvedPathResult[] | string => {
  switch (resolved.target) {
    case 'param':
      return resolved.objects.map((object) => ({ resolvedPath: object.path, resultParams: { [resolved.name]: model.read({ object, name: resolved.name, spec: resolved.spec }) } }));
    case 'object':
      return resolved.objects.flatMap((object) => subtree(model, object, levels));
    case 'table':
      // A table has no parameters of its own: its instances are the first level.
      return resolved.tables.flatMap((table) => model.instances(table).flatMap((instance) => subtree(model, instance, levels)));
    case 'command':
    case 'event':
      return `${resolved.parsed.text} is a ${resolved.target}: Get reads parameters and objects`;
    default:
      return assertNever(resolved);
  }
};

/**
 * TR-369 Get: each requested path (parameter, object, table or search path) is answered on its
 * own; a path outside the supported model is 7026, one matching no instance is an empty result
 * (R-GET.1a). max_depth 0 means no limit, 1 only the resolved objects themselves.
 */
export const handleGet = (model: DataModel, request: Get): GetResp => ({
  type: 'GetResp',
  reqPathResults: request.paramPaths.map((requestedPath): PathResult => {
    const resolved = model.resolve(requestedPath);
    if (!resolved.ok) return { requestedPath, ...resolved.error, resolvedPathResults: [] };
    const results = resolvedResults(model, resolved.value, request.maxDepth === 0 ? Number.POSITIVE_INFINITY : request.maxDepth);
    if (typeof results === 'string') return { requestedPath, errCode: UspErrorCode.invalidPath, errMsg: results, resolvedPathResults: [] };
    return { requestedPath, errCode: 0, errMsg: '', resolvedPathResults: results };
  }),
});
