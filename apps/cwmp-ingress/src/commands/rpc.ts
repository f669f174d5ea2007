import { createHash } from 'node:crypto';
import { ACS_RPC_RESPONSES, type AcsMessage, type CpeMessage, type ParameterValueStruct, type XsdType } from '@fleetlog/cwmp';

/**
 * The CWMP CommandKey Fleetlog sends with Reboot, Download, Upload and ScheduleInform when the
 * operator gave none: derived from the command id (CommandKey holds at most 32 characters), so a
 * TransferComplete or an 'M Reboot' event in a later session finds its command again, even after
 * a restart.
 */
export const commandKeyOf = (commandId: string): string => createHash('sha1').update(commandId).digest('hex').slice(0, 32);

type Args = Record<string, unknown>;
const str = (v: unknown, fallback = '') => (typeof v === 'string' ? v : fallback);
const num = (v: unknown, fallback = 0) => (typeof v === 'number' ? v : fallback);

/** The ACS RPC that carries out a validated CWMP command. */
export const rpcFor = (kind: string, args: Args, commandId: string): AcsMessage => {
  const key = str(args.commandKey, commandKeyOf(commandId));
  switch (kind) {
    case 'cwmp.GetParameterValues':
      return { type: 'GetParameterValues', names: args.names as string[] };
    case 'cwmp.SetParameterValues':
      return {
        type: 'SetParameterValues',
        parameters: (args.values as { path: string; value: string; valueType: XsdType }[]).map((v) => ({ name: v.path, value: v.value, type: v.valueType })),
        parameterKey: str(args.parameterKey),
      };
    case 'cwmp.GetParameterNames':
      return { type: 'GetParameterNames', parameterPath: str(args.path), nextLevel: Boolean(args.nextLevel) };
    case 'cwmp.GetParameterAttributes':
      return { type: 'GetParameterAttributes', names: args.names as string[] };
    case 'cwmp.SetParameterAttributes':
      return { type: 'SetParameterAttributes', parameters: args.attributes as never };
    case 'cwmp.AddObject':
      return { type: 'AddObject', objectName: str(args.objectName), parameterKey: str(args.parameterKey) };
    case 'cwmp.DeleteObject':
      return { type: 'DeleteObject', objectName: str(args.objectName), parameterKey: str(args.parameterKey) };
    case 'cwmp.Reboot':
      return { type: 'Reboot', commandKey: key };
    case 'cwmp.FactoryReset':
      return { type: 'FactoryReset' };
    case 'cwmp.Download':
      return {
        type: 'Download',
        commandKey: key,
        fileType: str(args.fileType),
        url: str(args.url),
        username: str(args.username),
        password: str(args.password),
        fileSize: num(args.fileSize),
        targetFileName: str(args.targetFileName),
        delaySeconds: num(args.delaySeconds),
        successURL: '',
        failureURL: '',
      };
    case 'cwmp.Upload':
      return { type: 'Upload', commandKey: key, fileType: str(args.fileType), url: str(args.url), username: str(args.username), password: str(args.password), delaySeconds: num(args.delaySeconds) };
    case 'cwmp.ScheduleInform':
      return { type: 'ScheduleInform', delaySeconds: num(args.delaySeconds), commandKey: key };
    default:
      throw new Error(`no CWMP RPC for command kind ${kind}`);
  }
};

export type RpcOutcome =
  /** The command is done; result is its JSON result; reported are parameter values learnt from it. */
  | { kind: 'succeeded'; result: Record<string, unknown>; reported: ParameterValueStruct[]; reportOrigin: 'get' | 'set' }
  /** The CPE accepted a transfer that completes later with TransferComplete. */
  | { kind: 'awaiting-transfer'; result: Record<string, unknown> }
  | { kind: 'failed'; code: string; message: string; faultCode: number | null }
  /** Not the answer to this RPC. */
  | { kind: 'unexpected' };

/** What the CPE's answer to an RPC means for its command. */
export const outcomeOf = (rpc: AcsMessage, answer: CpeMessage): RpcOutcome => {
  if (answer.type === 'Fault') {
    const code = answer.cwmpFault.faultCode;
    return {
      kind: 'failed',
      code: 'CWMP_FAULT',
      message: [`${code} ${answer.cwmpFault.faultString}`.trim(), ...answer.cwmpFault.setParameterValuesFaults.map((f) => `${f.parameterName}: ${f.faultCode} ${f.faultString}`)].join('; '),
      faultCode: Number.isInteger(code) && code > 0 ? code : null,
    };
  }
  if ((ACS_RPC_RESPONSES as Record<string, string>)[rpc.type] !== answer.type) return { kind: 'unexpected' };
  switch (answer.type) {
    case 'GetParameterValuesResponse':
      return { kind: 'succeeded', result: { parameters: answer.parameters }, reported: answer.parameters, reportOrigin: 'get' };
    case 'SetParameterValuesResponse':
      // The values the CPE accepted are now its values.
      return { kind: 'succeeded', result: { status: answer.status }, reported: rpc.type === 'SetParameterValues' ? rpc.parameters : [], reportOrigin: 'set' };
    case 'GetParameterNamesResponse':
      return { kind: 'succeeded', result: { parameters: answer.parameters }, reported: [], reportOrigin: 'get' };
    case 'GetParameterAttributesResponse':
      return { kind: 'succeeded', result: { parameters: answer.parameters }, reported: [], reportOrigin: 'get' };
    case 'AddObjectResponse':
      return { kind: 'succeeded', result: { instanceNumber: answer.instanceNumber, status: answer.status }, reported: [], reportOrigin: 'get' };
    case 'DeleteObjectResponse':
      return { kind: 'succeeded', result: { status: answer.status }, reported: [], reportOrigin: 'get' };
    case 'DownloadResponse':
    case 'UploadResponse':
      return answer.status === 1
        ? { kind: 'awaiting-transfer', result: { status: 1 } }
        : { kind: 'succeeded', result: { status: answer.status, startTime: answer.startTime, completeTime: answer.completeTime }, reported: [], reportOrigin: 'get' };
    default:
      return { kind: 'succeeded', result: {}, reported: [], reportOrigin: 'get' };
  }
};
