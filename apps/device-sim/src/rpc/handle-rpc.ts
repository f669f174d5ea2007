import { assertNever } from '@fleetlog/domain';
import type { CpeMessage, Download, Upload } from '@fleetlog/cwmp';
import type { DataModel } from '../data-model/data-model.js';
import { UNKNOWN_TIME } from '../session/inform.js';
import { cpeFault, toSoapFault } from './cpe-fault.js';
import type { CpeFault } from './cpe-fault.js';
import { ACS_RPC_NAMES, injectedFaultFor } from './fault-injection.js';
import type { AcsRpc, FaultInjection } from './fault-injection.js';

/** What an RPC asks the CPE to do once the session is over (TR-069: Reboot and the like wait for it). */
export type DeferredEffect =
  | { type: 'reboot'; commandKey: string }
  | { type: 'factory-reset' }
  | {
      type: 'transfer';
      direction: 'download' | 'upload';
      commandKey: string;
      fileType: string;
      url: string;
      targetFileName: string;
      delaySeconds: number;
    }
  | { type: 'schedule-inform'; commandKey: string; delaySeconds: number }
  /** The ACS changed these parameters: the CPE re-reads its settings (periodic inform, ACS URL). */
  | { type: 'parameters-changed'; names: string[] };

export interface RpcContext {
  model: DataModel;
  faults: FaultInjection;
}

export interface RpcOutcome {
  response: CpeMessage;
  effect?: DeferredEffect;
}

const fault = (f: CpeFault): RpcOutcome => ({ response: toSoapFault(f) });

// TR-069 A.3.2.8 file types a CPE may download; 'X <OUI> <name>' are vendor types.
const downloadFileTypes = /^(?:[1-5] \S.*|X [0-9A-F]{6} \S.*)$/;
// A.4.1.5 upload types: configuration and log files, optionally per instance ('3 Vendor Configuration File 2').
const uploadFileTypes = /^(?:[1-4] \S.*|X [0-9A-F]{6} \S.*)$/;
const transferSchemes = new Set(['http:', 'https:', 'ftp:', 'tftp:']);

const transferProblem = (rpc: Download | Upload, fileTypes: RegExp): CpeFault | undefined => {
  if (!fileTypes.test(rpc.fileType)) return cpeFault(9003, `unsupported FileType ${JSON.stringify(rpc.fileType)}`);
  if (rpc.delaySeconds < 0) return cpeFault(9003, 'DelaySeconds must not be negative');
  let scheme: string;
  try {
    scheme = new URL(rpc.url).protocol;
  } catch {
    return cpeFault(9003, `URL ${JSON.stringify(rpc.url)} is not absolute`);
  }
  return transferSchemes.has(scheme) ? undefined : cpeFault(9013, scheme);
};

/**
 * Answers one ACS RPC against the data model. Data-model changes happen here, within the session;
 * what TR-069 lets a CPE do after the session (reboot, reset, transfers, scheduled informs) comes
 * back as a DeferredEffect for the caller to carry out.
 */
export const handleRpc = (rpc: AcsRpc, { model, faults }: RpcContext): RpcOutcome => {
  const injected = injectedFaultFor(faults, rpc);
  if (injected !== undefined) return fault(injected);

  switch (rpc.type) {
    case 'GetRPCMethods':
      return { response: { type: 'GetRPCMethodsResponse', methods: ACS_RPC_NAMES.filter((m) => !faults.unsupportedMethods?.includes(m)) } };

    case 'GetParameterValues': {
      const result = model.getParameterValues(rpc.names);
      return result.ok ? { response: { type: 'GetParameterValuesResponse', parameters: result.value } } : fault(result.error);
    }

    case 'SetParameterValues': {
      const result = model.setParameterValues(rpc.parameters, rpc.parameterKey);
      if (!result.ok) return fault(result.error);
      return { response: { type: 'SetParameterValuesResponse', status: 0 }, effect: { type: 'parameters-changed', names: result.value } };
    }

    case 'GetParameterNames': {
      const result = model.getParameterNames(rpc.parameterPath, rpc.nextLevel);
      return result.ok ? { response: { type: 'GetParameterNamesResponse', parameters: result.value } } : fault(result.error);
    }

    case 'GetParameterAttributes': {
      const result = model.getParameterAttributes(rpc.names);
      return result.ok ? { response: { type: 'GetParameterAttributesResponse', parameters: result.value } } : fault(result.error);
    }

    case 'SetParameterAttributes': {
      const result = model.setParameterAttributes(rpc.parameters);
      return result.ok ? { response: { type: 'SetParameterAttributesResponse' } } : fault(result.error);
    }

    case 'AddObject': {
      const result = model.addObject(rpc.objectName, rpc.parameterKey);
      if (!result.ok) return fault(result.error);
      return {
        response: { type: 'AddObjectResponse', instanceNumber: result.value, status: 0 },
        effect: { type: 'parameters-changed', names: [`${rpc.objectName}${result.value}.`] },
      };
    }

    case 'DeleteObject': {
      const result = model.deleteObject(rpc.objectName, rpc.parameterKey);
      if (!result.ok) return fault(result.error);
      return { response: { type: 'DeleteObjectResponse', status: 0 }, effect: { type: 'parameters-changed', names: [rpc.objectName] } };
    }

    case 'Reboot':
      return { response: { type: 'RebootResponse' }, effect: { type: 'reboot', commandKey: rpc.commandKey } };

    case 'FactoryReset':
      return { response: { type: 'FactoryResetResponse' }, effect: { type: 'factory-reset' } };

    case 'Download':
    case 'Upload': {
      const problem = transferProblem(rpc, rpc.type === 'Download' ? downloadFileTypes : uploadFileTypes);
      if (problem !== undefined) return fault(problem);
      // Status 1: not done yet; the outcome follows in a TransferComplete (TR-069 A.3.2.8).
      const pending = { status: 1, startTime: UNKNOWN_TIME, completeTime: UNKNOWN_TIME };
      return {
        response: rpc.type === 'Download' ? { type: 'DownloadResponse', ...pending } : { type: 'UploadResponse', ...pending },
        effect: {
          type: 'transfer',
          direction: rpc.type === 'Download' ? 'download' : 'upload',
          commandKey: rpc.commandKey,
          fileType: rpc.fileType,
          url: rpc.url,
          targetFileName: rpc.type === 'Download' ? rpc.targetFileName : '',
          delaySeconds: rpc.delaySeconds,
        },
      };
    }

    case 'ScheduleInform':
      // A.4.1.4: DelaySeconds MUST be greater than zero.
      if (!(rpc.delaySeconds > 0)) return fault(cpeFault(9003, 'DelaySeconds must be greater than zero'));
      return { response: { type: 'ScheduleInformResponse' }, effect: { type: 'schedule-inform', commandKey: rpc.commandKey, delaySeconds: rpc.delaySeconds } };

    default:
      return assertNever(rpc);
  }
};
