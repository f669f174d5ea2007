import { array, boolean, integer, object, optional, refine, string } from '../shape.js';
import { isInstancePath, parameterPathProblem } from '../parameter-path.js';
import { valueProblem, valueTypes, isValueType } from '../value-type.js';
import { kindSpec } from './kind-spec.js';

// TR-069 Annex A RPCs that an ACS sends to a CPE. String limits are TR-069's.

const anyPath = string({ problem: (value) => parameterPathProblem(value, 'any') });
const parameterPath = string({ problem: (value) => parameterPathProblem(value, 'parameter') });
// GetParameterNames takes "" for the whole tree.
const pathOrRoot = string({ problem: (value) => (value === '' ? undefined : parameterPathProblem(value, 'any')) });
const tablePath = string({
  problem: (value) =>
    parameterPathProblem(value, 'object') ??
    (isInstancePath(value) ? 'must name a table (e.g. Device.IP.Interface.), not an instance' : undefined),
});
const instancePath = string({
  problem: (value) =>
    parameterPathProblem(value, 'object') ?? (isInstancePath(value) ? undefined : 'must name an instance (e.g. Device.IP.Interface.3.)'),
});
const valueType = string({ problem: (value) => (isValueType(value) ? undefined : `must be one of ${valueTypes.join(', ')}`) });
const key32 = optional(string({ maxLength: 32 }));
const unsignedInt = integer({ min: 0, max: 4294967295 });
const text256 = optional(string({ maxLength: 256 }));

// "1 Firmware Upgrade Image", "3 Vendor Configuration File", or vendor "X 00D09E My Type".
const fileType = string({
  minLength: 1,
  maxLength: 64,
  problem: (value) => (/^(?:[1-9][0-9]* \S.*|X [0-9A-F]{6} \S.*)$/.test(value) ? undefined : 'must be "<n> <name>" or "X <OUI> <name>"'),
});

const transferSchemes = ['http:', 'https:', 'ftp:', 'ftps:', 'sftp:', 'tftp:'];
const url = string({
  minLength: 1,
  maxLength: 256,
  problem: (value) => {
    try {
      return transferSchemes.includes(new URL(value).protocol) ? undefined : `must use one of ${transferSchemes.join(' ')}`;
    } catch {
      return 'must be an absolute URL';
    }
  },
});

const setParameterValuesArgs = refine(
  object({
    values: array(object({ path: parameterPath, value: string(), valueType }), { minItems: 1 }),
    parameterKey: key32,
  }),
  (args, at) => {
    const problems: string[] = [];
    const seen = new Set<string>();
    args.values.forEach(({ path, value, valueType: type }, index) => {
      // The shape has already checked that the type is known.
      const problem = isValueType(type) ? valueProblem(type, value) : undefined;
      if (problem !== undefined) problems.push(`${at}.values[${index}].value: ${problem}`);
      // TR-069 fault 9003: a parameter may appear only once per SetParameterValues.
      if (seen.has(path)) problems.push(`${at}.values[${index}].path: ${path} appears more than once`);
      seen.add(path);
    });
    return problems;
  },
);

export const cwmpCommandKinds = {
  'cwmp.GetParameterValues': kindSpec('CWMP', object({ names: array(anyPath, { minItems: 1 }) })),
  'cwmp.SetParameterValues': kindSpec('CWMP', setParameterValuesArgs),
  'cwmp.GetParameterNames': kindSpec('CWMP', object({ path: pathOrRoot, nextLevel: boolean() })),
  'cwmp.GetParameterAttributes': kindSpec('CWMP', object({ names: array(anyPath, { minItems: 1 }) })),
  'cwmp.SetParameterAttributes': kindSpec(
    'CWMP',
    object({
      attributes: array(
        object({
          name: anyPath,
          notificationChange: boolean(),
          // 0 off, 1 passive, 2 active; 3-6 are the lightweight variants of later amendments.
          notification: integer({ min: 0, max: 6 }),
          accessListChange: boolean(),
          accessList: array(string({ minLength: 1, maxLength: 64 })),
        }),
        { minItems: 1 },
      ),
    }),
  ),
  'cwmp.AddObject': kindSpec('CWMP', object({ objectName: tablePath, parameterKey: key32 })),
  'cwmp.DeleteObject': kindSpec('CWMP', object({ objectName: instancePath, parameterKey: key32 })),
  'cwmp.Reboot': kindSpec('CWMP', object({ commandKey: key32 })),
  'cwmp.FactoryReset': kindSpec('CWMP', object({})),
  'cwmp.Download': kindSpec(
    'CWMP',
    object({
      fileType,
      url,
      username: text256,
      password: text256,
      fileSize: optional(unsignedInt),
      targetFileName: text256,
      delaySeconds: optional(unsignedInt),
      commandKey: key32,
    }),
  ),
  'cwmp.Upload': kindSpec(
    'CWMP',
    object({ fileType, url, username: text256, password: text256, delaySeconds: optional(unsignedInt), commandKey: key32 }),
  ),
  // DelaySeconds is unsignedInt[1:] in TR-069.
  'cwmp.ScheduleInform': kindSpec('CWMP', object({ delaySeconds: integer({ min: 1, max: 4294967295 }), commandKey: key32 })),
} as const;
