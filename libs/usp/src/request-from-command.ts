import type { CommandArguments, CommandKindOf } from '@fleetlog/domain';
import type { ParamSetting, UspMsg, UspRequestBody } from './messages.js';

export type UspCommandKind = CommandKindOf<'USP'>;

export interface RequestDefaults {
  /** Sent in GetSupportedProtocol when the command leaves the versions out. */
  controllerSupportedProtocolVersions: string;
}

/** The USP versions this codec speaks, as GetSupportedProtocol lists them. */
export const CONTROLLER_SUPPORTED_PROTOCOL_VERSIONS = '1.3';

const DEFAULTS: RequestDefaults = { controllerSupportedProtocolVersions: CONTROLLER_SUPPORTED_PROTOCOL_VERSIONS };

// Every setting is required: the operator asked for exactly these values on that object, so an
// object is updated or created with all of them or not at all (allowPartial decides across objects).
const settings = (params: Readonly<Record<string, string>> = {}): ParamSetting[] =>
  Object.entries(params).map(([param, value]) => ({ param, value, required: true }));

const requestBuilders: { readonly [K in UspCommandKind]: (args: CommandArguments<K>, defaults: RequestDefaults) => UspRequestBody } = {
  'usp.Get': (args) => ({ type: 'Get', paramPaths: [...args.paths], maxDepth: args.maxDepth ?? 0 }),
  'usp.Set': (args) => ({
    type: 'Set',
    allowPartial: args.allowPartial,
    updateObjs: args.updates.map((update) => ({ objPath: update.objPath, paramSettings: settings(update.params) })),
  }),
  'usp.Add': (args) => ({
    type: 'Add',
    allowPartial: args.allowPartial,
    createObjs: args.creates.map((create) => ({ objPath: create.objPath, paramSettings: settings(create.params) })),
  }),
  'usp.Delete': (args) => ({ type: 'Delete', allowPartial: args.allowPartial, objPaths: [...args.objPaths] }),
  'usp.Operate': (args) => ({ type: 'Operate', command: args.command, commandKey: args.commandKey, sendResp: args.sendResp, inputArgs: { ...args.inputArgs } }),
  'usp.GetInstances': (args) => ({ type: 'GetInstances', objPaths: [...args.objPaths], firstLevelOnly: args.firstLevelOnly }),
  // What the command leaves out is not restricted: the whole subtree, with everything in it.
  'usp.GetSupportedDM': (args) => ({
    type: 'GetSupportedDM',
    objPaths: [...args.objPaths],
    firstLevelOnly: args.firstLevelOnly ?? false,
    returnCommands: args.returnCommands ?? true,
    returnEvents: args.returnEvents ?? true,
    returnParams: args.returnParams ?? true,
    returnUniqueKeySets: args.returnUniqueKeySets ?? true,
  }),
  'usp.GetSupportedProtocol': (args, defaults) => ({
    type: 'GetSupportedProtocol',
    controllerSupportedProtocolVersions: args.controllerSupportedProtocolVersions ?? defaults.controllerSupportedProtocolVersions,
  }),
};

/** The USP request Msg for a validated domain command of a USP kind. Pure: msgId comes from the caller. */
export const requestFromCommand = <K extends UspCommandKind>(
  kind: K,
  args: CommandArguments<K>,
  msgId: string,
  defaults: RequestDefaults = DEFAULTS,
): UspMsg<UspRequestBody> => ({ msgId, body: requestBuilders[kind](args, defaults) });
