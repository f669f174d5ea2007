import { array, boolean, integer, object, optional, string, stringRecord } from '../shape.js';
import { relativeNameProblem, uspPathProblem } from '../usp-path.js';
import { kindSpec } from './kind-spec.js';

// TR-369 request messages a Controller sends to an Agent. Names follow usp-msg.proto in camelCase.

const anyPath = string({ problem: (value) => uspPathProblem(value, 'any') });
const objectPath = string({ problem: (value) => uspPathProblem(value, 'object') });
const commandPath = string({ problem: (value) => uspPathProblem(value, 'command') });
const objPaths = array(objectPath, { minItems: 1 });
const settings = (minKeys: number) => stringRecord({ minKeys, keyProblem: relativeNameProblem });
const versions = string({
  problem: (value) => (/^[0-9]+\.[0-9]+(?:,[0-9]+\.[0-9]+)*$/.test(value) ? undefined : 'must be a comma-separated list like "1.2,1.3"'),
});

export const uspCommandKinds = {
  'usp.Get': kindSpec('USP', object({ paths: array(anyPath, { minItems: 1 }), maxDepth: optional(integer({ min: 0, max: 4294967295 })) })),
  'usp.Set': kindSpec(
    'USP',
    object({ updates: array(object({ objPath: objectPath, params: settings(1) }), { minItems: 1 }), allowPartial: boolean() }),
  ),
  'usp.Add': kindSpec(
    'USP',
    object({ creates: array(object({ objPath: objectPath, params: optional(settings(0)) }), { minItems: 1 }), allowPartial: boolean() }),
  ),
  'usp.Delete': kindSpec('USP', object({ objPaths, allowPartial: boolean() })),
  'usp.Operate': kindSpec(
    'USP',
    object({ command: commandPath, commandKey: string({ maxLength: 64 }), sendResp: boolean(), inputArgs: settings(0) }),
  ),
  'usp.GetInstances': kindSpec('USP', object({ objPaths, firstLevelOnly: boolean() })),
  'usp.GetSupportedDM': kindSpec(
    'USP',
    object({
      objPaths,
      firstLevelOnly: optional(boolean()),
      returnCommands: optional(boolean()),
      returnEvents: optional(boolean()),
      returnParams: optional(boolean()),
      returnUniqueKeySets: optional(boolean()),
    }),
  ),
  // Omitted versions mean "the versions this Controller supports", filled in by usp-ingress.
  'usp.GetSupportedProtocol': kindSpec('USP', object({ controllerSupportedProtocolVersions: optional(versions) })),
} as const;
