import type { ValueType } from '@fleetlog/domain';
import type { GetSupportedDM, GetSupportedDMResp, ParamValueType, SupportedObjectResult } from '@fleetlog/usp';
import type { DataModel, SupportedObject } from '../data-model/data-model.js';

/** The TR-181 issue this model follows, as GetSupportedDM reports it. */
export const DATA_MODEL_INST_URI = 'urn:broadband-forum-org:tr-181-2-16-0-usp';

const VALUE_TYPES: Readonly<Record<ValueType, ParamValueType>> = {
  string: 'PARAM_STRING',
  int: 'PARAM_INT',
  unsignedInt: 'PARAM_UNSIGNED_INT',
  long: 'PARAM_LONG',
  unsignedLong: 'PARAM_UNSIGNED_LONG',
  boolean: 'PARAM_BOOLEAN',
  dateTime: 'PARAM_DATE_TIME',
  base64: 'PARAM_BASE_64',
  hexBinary: 'PARAM_HEX_BINARY',
  decimal: 'PARAM_DECIMAL',
};

type Wanted = Omit<GetSupportedDM, 'type' | 'objPaths' | 'firstLevelOnly'>;

const subObjects = (object: SupportedObject): SupportedObject[] =>
  Object.entries(object.spec.children).flatMap(([name, child]): SupportedObject[] => {
    if (child.kind === 'object') return [{ path: `${object.path}${name}.`, spec: child }];
    if (child.kind === 'table') return [{ path: `${object.path}${name}.{i}.`, spec: child.entry, table: child }];
    return [];
  });

const descendants = (object: SupportedObject): SupportedObject[] => subObjects(object).flatMap((child) => [child, ...descendants(child)]);

// An object as GetSupportedDM describes it; without `wanted`, only its path and kind (first_level_only children).
const describe = ({ path, spec, table }: SupportedObject, wanted?: Wanted): SupportedObjectResult => {
  const children = Object.entries(spec.children);
  return {
    supportedObjPath: path,
    access: table?.access ?? 'OBJ_READ_ONLY',
    isMultiInstance: table !== undefined,
    supportedCommands: !wanted?.returnCommands
      ? []
      : children.flatMap(([commandName, c]) =>
          c.kind === 'command' ? [{ commandName, inputArgNames: [...c.input], outputArgNames: [...c.output], commandType: c.async ? ('CMD_ASYNC' as const) : ('CMD_SYNC' as const) }] : [],
        ),
    supportedEvents: !wanted?.returnEvents ? [] : children.flatMap(([eventName, e]) => (e.kind === 'event' ? [{ eventName, argNames: [...e.args] }] : [])),
    supportedParams: !wanted?.returnParams
      ? []
      : children.flatMap(([paramName, p]) =>
          p.kind === 'param'
            ? [
                {
                  paramName,
                  access: p.writable && p.compute === undefined ? ('PARAM_READ_WRITE' as const) : ('PARAM_READ_ONLY' as const),
                  valueType: VALUE_TYPES[p.type],
                  valueChange: p.volatile ? ('VALUE_CHANGE_WILL_IGNORE' as const) : ('VALUE_CHANGE_ALLOWED' as const),
                },
              ]
            : [],
        ),
    divergentPaths: [],
    uniqueKeySets: wanted?.returnUniqueKeySets && table !== undefined ? table.uniqueKeys.map((key) => ({ keyNames: [...key] })) : [],
  };
};

/**
 * TR-369 GetSupportedDM: the supported data model below each requested object (`Table.` and
 * `Table.{i}.` name the same object). first_level_only gives the object and, without details,
 * its immediate child objects.
 */
export const handleGetSupportedDM = (model: DataModel, request: GetSupportedDM): GetSupportedDMResp => ({
  type: 'GetSupportedDMResp',
  reqObjResults: request.objPaths.map((reqObjPath) => {
    const found = model.supported(reqObjPath);
    if (!found.ok) return { reqObjPath, ...found.error, dataModelInstUri: '', supportedObjs: [] };
    const below = request.firstLevelOnly ? subObjects(found.value).map((child) => describe(child)) : descendants(found.value).map((child) => describe(child, request));
    return { reqObjPath, errCode: 0, errMsg: '', dataModelInstUri: DATA_MODEL_INST_URI, supportedObjs: [describe(found.value, request), ...below] };
  }),
});
