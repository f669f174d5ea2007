// The USP Msg (TR-369, usp-msg.proto) as plain typed values. Field names are the proto's in
// camelCase. A oneof becomes a field named after the oneof holding `{ type: <member>, ...}`: a
// message member's fields sit beside `type`, a scalar member's value sits under its own name.
// A message that is nothing but a oneof (OperationStatus) is that tagged value itself.

export type StringMap = Record<string, string>;

/** Header msg_type names, by their wire value (0 … 22). */
export const USP_MSG_TYPE_NAMES = [
  'ERROR',
  'GET',
  'GET_RESP',
  'NOTIFY',
  'SET',
  'SET_RESP',
  'OPERATE',
  'OPERATE_RESP',
  'ADD',
  'ADD_RESP',
  'DELETE',
  'DELETE_RESP',
  'GET_SUPPORTED_DM',
  'GET_SUPPORTED_DM_RESP',
  'GET_INSTANCES',
  'GET_INSTANCES_RESP',
  'NOTIFY_RESP',
  'GET_SUPPORTED_PROTO',
  'GET_SUPPORTED_PROTO_RESP',
  'REGISTER',
  'REGISTER_RESP',
  'DEREGISTER',
  'DEREGISTER_RESP',
] as const;
export type UspMsgTypeName = (typeof USP_MSG_TYPE_NAMES)[number];

export type ParamAccessType = 'PARAM_READ_ONLY' | 'PARAM_READ_WRITE' | 'PARAM_WRITE_ONLY';
export type ObjAccessType = 'OBJ_READ_ONLY' | 'OBJ_ADD_DELETE' | 'OBJ_ADD_ONLY' | 'OBJ_DELETE_ONLY';
export type ParamValueType =
  | 'PARAM_UNKNOWN'
  | 'PARAM_BASE_64'
  | 'PARAM_BOOLEAN'
  | 'PARAM_DATE_TIME'
  | 'PARAM_DECIMAL'
  | 'PARAM_HEX_BINARY'
  | 'PARAM_INT'
  | 'PARAM_LONG'
  | 'PARAM_STRING'
  | 'PARAM_UNSIGNED_INT'
  | 'PARAM_UNSIGNED_LONG';
export type ValueChangeType = 'VALUE_CHANGE_UNKNOWN' | 'VALUE_CHANGE_ALLOWED' | 'VALUE_CHANGE_WILL_IGNORE';
export type CmdType = 'CMD_UNKNOWN' | 'CMD_SYNC' | 'CMD_ASYNC';

/** err_code and err_msg: a USP error code (7000-7999) and its text. */
export interface UspErrorFields {
  errCode: number;
  errMsg: string;
}

export interface OperFailure extends UspErrorFields {
  type: 'operFailure';
}

export interface ParamSetting {
  param: string;
  value: string;
  /** A failing required setting fails its whole object. */
  required: boolean;
}

export interface ParameterError extends UspErrorFields {
  param: string;
}

export interface OutputArgsResp {
  type: 'reqOutputArgs';
  outputArgs: StringMap;
}

export interface CmdFailure extends UspErrorFields {
  type: 'cmdFailure';
}

// ---- requests (controller to agent, except Notify and Register/Deregister) ----

export interface Get {
  type: 'Get';
  paramPaths: string[];
  /** 0: no limit. */
  maxDepth: number;
}

export interface GetSupportedDM {
  type: 'GetSupportedDM';
  objPaths: string[];
  firstLevelOnly: boolean;
  returnCommands: boolean;
  returnEvents: boolean;
  returnParams: boolean;
  returnUniqueKeySets: boolean;
}

export interface GetInstances {
  type: 'GetInstances';
  objPaths: string[];
  firstLevelOnly: boolean;
}

// Set and Error carry the Usp prefix so that importing them does not shadow the globals.
export interface UspSet {
  type: 'Set';
  allowPartial: boolean;
  updateObjs: { objPath: string; paramSettings: ParamSetting[] }[];
}

export interface Add {
  type: 'Add';
  allowPartial: boolean;
  createObjs: { objPath: string; paramSettings: ParamSetting[] }[];
}

export interface Delete {
  type: 'Delete';
  allowPartial: boolean;
  objPaths: string[];
}

export interface Operate {
  type: 'Operate';
  command: string;
  commandKey: string;
  sendResp: boolean;
  inputArgs: StringMap;
}

export type Notification =
  | { type: 'event'; objPath: string; eventName: string; params: StringMap }
  | { type: 'valueChange'; paramPath: string; paramValue: string }
  | { type: 'objCreation'; objPath: string; uniqueKeys: StringMap }
  | { type: 'objDeletion'; objPath: string }
  | { type: 'operComplete'; objPath: string; commandName: string; commandKey: string; operationResp: OutputArgsResp | CmdFailure }
  | { type: 'onBoardReq'; oui: string; productClass: string; serialNumber: string; agentSupportedProtocolVersions: string };

export interface Notify {
  type: 'Notify';
  subscriptionId: string;
  /** The agent retries until it gets a NotifyResp. */
  sendResp: boolean;
  notification: Notification;
}

export interface GetSupportedProtocol {
  type: 'GetSupportedProtocol';
  /** Comma-separated, e.g. "1.2,1.3". */
  controllerSupportedProtocolVersions: string;
}

export interface Register {
  type: 'Register';
  allowPartial: boolean;
  regPaths: { path: string }[];
}

export interface Deregister {
  type: 'Deregister';
  paths: string[];
}

// ---- responses ----

export interface ResolvedPathResult {
  resolvedPath: string;
  /** Keyed by the parameter name relative to resolvedPath. */
  resultParams: StringMap;
}

export interface GetResp {
  type: 'GetResp';
  reqPathResults: (UspErrorFields & { requestedPath: string; resolvedPathResults: ResolvedPathResult[] })[];
}

export interface SupportedParamResult {
  paramName: string;
  access: ParamAccessType;
  valueType: ParamValueType;
  valueChange: ValueChangeType;
}

export interface SupportedCommandResult {
  commandName: string;
  inputArgNames: string[];
  outputArgNames: string[];
  commandType: CmdType;
}

export interface SupportedEventResult {
  eventName: string;
  argNames: string[];
}

export interface SupportedObjectResult {
  supportedObjPath: string;
  access: ObjAccessType;
  isMultiInstance: boolean;
  supportedCommands: SupportedCommandResult[];
  supportedEvents: SupportedEventResult[];
  supportedParams: SupportedParamResult[];
  divergentPaths: string[];
  uniqueKeySets: { keyNames: string[] }[];
}

export interface GetSupportedDMResp {
  type: 'GetSupportedDMResp';
  reqObjResults: (UspErrorFields & { reqObjPath: string; dataModelInstUri: string; supportedObjs: SupportedObjectResult[] })[];
}

export interface GetInstancesResp {
  type: 'GetInstancesResp';
  reqPathResults: (UspErrorFields & { requestedPath: string; currInsts: { instantiatedObjPath: string; uniqueKeys: StringMap }[] })[];
}

export interface UpdatedInstance {
  affectedPath: string;
  paramErrs: ParameterError[];
}

export interface SetResp {
  type: 'SetResp';
  updatedObjResults: {
    requestedPath: string;
    operStatus:
      | (OperFailure & { updatedInstFailures: UpdatedInstance[] })
      | { type: 'operSuccess'; updatedInstResults: (UpdatedInstance & { updatedParams: StringMap })[] };
  }[];
}

export interface AddResp {
  type: 'AddResp';
  createdObjResults: {
    requestedPath: string;
    operStatus: OperFailure | { type: 'operSuccess'; instantiatedPath: string; paramErrs: ParameterError[]; uniqueKeys: StringMap };
  }[];
}

export interface DeleteResp {
  type: 'DeleteResp';
  deletedObjResults: {
    requestedPath: string;
    operStatus:
      | OperFailure
      | { type: 'operSuccess'; affectedPaths: string[]; unaffectedPathErrs: (UspErrorFields & { unaffectedPath: string })[] };
  }[];
}

export interface OperateResp {
  type: 'OperateResp';
  operationResults: {
    executedCommand: string;
    /** reqObjPath: the command runs asynchronously, tracked by that LocalAgent.Request instance. */
    operationResp: { type: 'reqObjPath'; reqObjPath: string } | OutputArgsResp | CmdFailure;
  }[];
}

export interface NotifyResp {
  type: 'NotifyResp';
  subscriptionId: string;
}

export interface GetSupportedProtocolResp {
  type: 'GetSupportedProtocolResp';
  agentSupportedProtocolVersions: string;
}

export interface RegisterResp {
  type: 'RegisterResp';
  registeredPathResults: { requestedPath: string; operStatus: OperFailure | { type: 'operSuccess'; registeredPath: string } }[];
}

export interface DeregisterResp {
  type: 'DeregisterResp';
  deregisteredPathResults: { requestedPath: string; operStatus: OperFailure | { type: 'operSuccess'; deregisteredPath: string[] } }[];
}

/** The Error message: the whole request failed. */
export interface UspError extends UspErrorFields {
  type: 'Error';
  paramErrs: (UspErrorFields & { paramPath: string })[];
}

export type UspRequestBody = Get | GetSupportedDM | GetInstances | UspSet | Add | Delete | Operate | Notify | GetSupportedProtocol | Register | Deregister;
export type UspResponseBody =
  | GetResp
  | GetSupportedDMResp
  | GetInstancesResp
  | SetResp
  | AddResp
  | DeleteResp
  | OperateResp
  | NotifyResp
  | GetSupportedProtocolResp
  | RegisterResp
  | DeregisterResp;
export type UspBody = UspRequestBody | UspResponseBody | UspError;
export type UspBodyType = UspBody['type'];

/** A USP Msg; the header's msg_type is derived from the body, so the two cannot disagree. */
export interface UspMsg<B extends UspBody = UspBody> {
  msgId: string;
  body: B;
}

export type UspBodyKind = 'request' | 'response' | 'error';

/** For each body type: request, response or error, and the header msg_type it travels under. */
export const USP_BODY_TYPES = {
  Get: { kind: 'request', msgType: 'GET' },
  GetSupportedDM: { kind: 'request', msgType: 'GET_SUPPORTED_DM' },
  GetInstances: { kind: 'request', msgType: 'GET_INSTANCES' },
  Set: { kind: 'request', msgType: 'SET' },
  Add: { kind: 'request', msgType: 'ADD' },
  Delete: { kind: 'request', msgType: 'DELETE' },
  Operate: { kind: 'request', msgType: 'OPERATE' },
  Notify: { kind: 'request', msgType: 'NOTIFY' },
  GetSupportedProtocol: { kind: 'request', msgType: 'GET_SUPPORTED_PROTO' },
  Register: { kind: 'request', msgType: 'REGISTER' },
  Deregister: { kind: 'request', msgType: 'DEREGISTER' },
  GetResp: { kind: 'response', msgType: 'GET_RESP' },
  GetSupportedDMResp: { kind: 'response', msgType: 'GET_SUPPORTED_DM_RESP' },
  GetInstancesResp: { kind: 'response', msgType: 'GET_INSTANCES_RESP' },
  SetResp: { kind: 'response', msgType: 'SET_RESP' },
  AddResp: { kind: 'response', msgType: 'ADD_RESP' },
  DeleteResp: { kind: 'response', msgType: 'DELETE_RESP' },
  OperateResp: { kind: 'response', msgType: 'OPERATE_RESP' },
  NotifyResp: { kind: 'response', msgType: 'NOTIFY_RESP' },
  GetSupportedProtocolResp: { kind: 'response', msgType: 'GET_SUPPORTED_PROTO_RESP' },
  RegisterResp: { kind: 'response', msgType: 'REGISTER_RESP' },
  DeregisterResp: { kind: 'response', msgType: 'DEREGISTER_RESP' },
  Error: { kind: 'error', msgType: 'ERROR' },
} as const satisfies {
  readonly [T in UspBodyType]: {
    readonly kind: T extends UspRequestBody['type'] ? 'request' : T extends UspResponseBody['type'] ? 'response' : 'error';
    readonly msgType: UspMsgTypeName;
  };
};

export const USP_BODY_TYPE_NAMES = Object.keys(USP_BODY_TYPES) as UspBodyType[];

export const isUspBodyType = (value: unknown): value is UspBodyType => typeof value === 'string' && Object.hasOwn(USP_BODY_TYPES, value);

/** A response or an Error: what interpretResponse takes. */
export const isResponseMsg = (msg: UspMsg): msg is UspMsg<UspResponseBody | UspError> => USP_BODY_TYPES[msg.body.type].kind !== 'request';

export const isNotifyMsg = (msg: UspMsg): msg is UspMsg<Notify> => msg.body.type === 'Notify';
