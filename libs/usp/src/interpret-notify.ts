import { assertNever } from '@fleetlog/domain';
import type { UspParameter } from './interpret-response.js';
import type { Notify, StringMap, UspErrorFields, UspMsg } from './messages.js';

/** TR-181 Boot! Cause values; agents may send others, which are passed on as they are. */
export const BOOT_CAUSES = ['LocalReboot', 'RemoteReboot', 'LocalFactoryReset', 'RemoteFactoryReset'] as const;
export type BootCause = (typeof BOOT_CAUSES)[number];

interface NotificationBase {
  msgId: string;
  subscriptionId: string;
  /** The agent retries until it gets notifyResp(msg). */
  sendResp: boolean;
}

export interface BootNotification {
  type: 'boot';
  objPath: string;
  /** BootCause, or whatever else the agent sent. */
  cause: string;
  /** The command_key of the request that caused the reboot; empty for an ordinary boot. */
  commandKey: string;
  firmwareUpdated: boolean;
  /** ParameterMap: the values the Boot! subscription asked for, by absolute path. */
  parameters: UspParameter[];
  /** Arguments that were malformed and read leniently (ParameterMap not JSON, FirmwareUpdated not a boolean, …). */
  problems: string[];
  /** Every argument as sent. */
  params: StringMap;
}

export type UspNotification = NotificationBase &
  (
    | BootNotification
    | { type: 'event'; objPath: string; eventName: string; params: StringMap }
    | { type: 'valueChange'; path: string; value: string }
    | { type: 'objectCreation'; objPath: string; uniqueKeys: StringMap }
    | { type: 'objectDeletion'; objPath: string }
    | {
        type: 'operationComplete';
        objPath: string;
        commandName: string;
        commandKey: string;
        result: { status: 'succeeded'; outputArgs: StringMap } | (UspErrorFields & { status: 'failed' });
      }
    | { type: 'onBoardRequest'; oui: string; productClass: string; serialNumber: string; agentSupportedProtocolVersions: string[] }
  );

const isBootEvent = (objPath: string, eventName: string): boolean => eventName === 'Boot!' && (objPath === 'Device.' || objPath === 'Device');

const readFirmwareUpdated = (text: string | undefined, problems: string[]): boolean => {
  if (text === undefined || text === '' || text === 'false' || text === '0') return false;
  if (text === 'true' || text === '1') return true;
  problems.push(`FirmwareUpdated ${JSON.stringify(text)} is not a boolean; read as false`);
  return false;
};

// ParameterMap is a JSON object of path -> value string. Numbers and booleans are accepted as text.
const readParameterMap = (text: string | undefined, problems: string[]): UspParameter[] => {
  if (text === undefined || text.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push('ParameterMap is not JSON');
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push('ParameterMap is not a JSON object');
    return [];
  }
  const parameters: UspParameter[] = [];
  for (const [path, value] of Object.entries(parsed)) {
    if (typeof value === 'string') parameters.push({ path, value });
    else if (typeof value === 'number' || typeof value === 'boolean') parameters.push({ path, value: String(value) });
    else problems.push(`ParameterMap value of ${JSON.stringify(path)} is not a string`);
  }
  return parameters;
};

const bootNotification = (objPath: string, params: StringMap): BootNotification => {
  const problems: string[] = [];
  const firmwareUpdated = readFirmwareUpdated(params['FirmwareUpdated'], problems);
  const parameters = readParameterMap(params['ParameterMap'], problems);
  return { type: 'boot', objPath, cause: params['Cause'] ?? '', commandKey: params['CommandKey'] ?? '', firmwareUpdated, parameters, problems, params };
};

const splitVersions = (versions: string): string[] =>
  versions
    .split(',')
    .map((version) => version.trim())
    .filter((version) => version !== '');

/** A Notify as a typed notification: Boot! with its arguments parsed, or one of the other kinds. */
export const interpretNotify = (msg: UspMsg<Notify>): UspNotification => {
  const { subscriptionId, sendResp, notification: n } = msg.body;
  const base: NotificationBase = { msgId: msg.msgId, subscriptionId, sendResp };
  switch (n.type) {
    case 'event':
      if (isBootEvent(n.objPath, n.eventName)) return { ...base, ...bootNotification(n.objPath, n.params) };
      return { ...base, type: 'event', objPath: n.objPath, eventName: n.eventName, params: n.params };
    case 'valueChange':
      return { ...base, type: 'valueChange', path: n.paramPath, value: n.paramValue };
    case 'objCreation':
      return { ...base, type: 'objectCreation', objPath: n.objPath, uniqueKeys: n.uniqueKeys };
    case 'objDeletion':
      return { ...base, type: 'objectDeletion', objPath: n.objPath };
    case 'operComplete': {
      const resp = n.operationResp;
      const result =
        resp.type === 'reqOutputArgs'
          ? { status: 'succeeded' as const, outputArgs: resp.outputArgs }
          : { status: 'failed' as const, errCode: resp.errCode, errMsg: resp.errMsg };
      return { ...base, type: 'operationComplete', objPath: n.objPath, commandName: n.commandName, commandKey: n.commandKey, result };
    }
    case 'onBoardReq':
      return {
        ...base,
        type: 'onBoardRequest',
        oui: n.oui,
        productClass: n.productClass,
        serialNumber: n.serialNumber,
        agentSupportedProtocolVersions: splitVersions(n.agentSupportedProtocolVersions),
      };
    default:
      return assertNever(n);
  }
};
