import { ACS_RPC_RESPONSES } from '@fleetlog/cwmp';
import type { AcsMessage } from '@fleetlog/cwmp';
import { cpeFault, faultText } from './cpe-fault.js';
import type { CpeFault } from './cpe-fault.js';

/** The RPCs an ACS may call on a CPE. */
export type AcsRpcName = keyof typeof ACS_RPC_RESPONSES;
export type AcsRpc = Extract<AcsMessage, { type: AcsRpcName }>;

export const ACS_RPC_NAMES = Object.keys(ACS_RPC_RESPONSES) as AcsRpcName[];

export const isAcsRpc = (message: { type: string }): message is AcsRpc => Object.hasOwn(ACS_RPC_RESPONSES, message.type);

export interface InjectedFault {
  faultCode: number;
  /** Defaults to the TR-069 text of the code. */
  faultString?: string;
}

/**
 * Faults a test can make the CPE answer with, to see how the ACS copes. Read at every RPC, so a
 * test may change them between sessions (`cpe.setFaults`).
 */
export interface FaultInjection {
  /** Not implemented by this CPE: answered with 9000 and left out of GetRPCMethodsResponse. */
  unsupportedMethods?: readonly AcsRpcName[];
  /** Every call of the method fails with this fault. */
  methods?: Partial<Record<AcsRpcName, InjectedFault>>;
  /**
   * Any request naming this path, something under it (path ends in '.'), or a partial path
   * above it fails with this fault. In SetParameterValues, 9005-9008 become per-parameter faults of a 9003.
   */
  paths?: Record<string, InjectedFault>;
  /** Download and Upload report this fault in their TransferComplete instead of success. */
  transfer?: InjectedFault;
}

export const toCpeFault = (injected: InjectedFault): CpeFault =>
  injected.faultString === undefined ? cpeFault(injected.faultCode) : { faultCode: injected.faultCode, faultString: injected.faultString, setParameterValuesFaults: [] };

/** Whether a requested name and an injected path overlap ('' is the whole tree). */
const overlaps = (name: string, path: string): boolean =>
  name === '' || name === path || (path.endsWith('.') && name.startsWith(path)) || (name.endsWith('.') && path.startsWith(name));

export const pathFaultFor = (faults: FaultInjection, name: string): InjectedFault | undefined => {
  for (const [path, fault] of Object.entries(faults.paths ?? {})) if (overlaps(name, path)) return fault;
  return undefined;
};

const perParameterCodes = new Set([9005, 9006, 9007, 9008]);

/** The fault an injected configuration imposes on this RPC, if any. */
export const injectedFaultFor = (faults: FaultInjection, rpc: AcsRpc): CpeFault | undefined => {
  if (faults.unsupportedMethods?.includes(rpc.type)) return cpeFault(9000, rpc.type);
  const methodFault = faults.methods?.[rpc.type];
  if (methodFault !== undefined) return toCpeFault(methodFault);
  if (rpc.type === 'SetParameterValues') {
    const hits = rpc.parameters.flatMap((p) => {
      const fault = pathFaultFor(faults, p.name);
      return fault === undefined ? [] : [{ name: p.name, fault }];
    });
    if (hits.length === 0) return undefined;
    const general = hits.find((h) => !perParameterCodes.has(h.fault.faultCode));
    if (general !== undefined) return toCpeFault(general.fault);
    return cpeFault(
      9003,
      `${hits.length} parameter(s) in error`,
      hits.map(({ name, fault }) => ({ parameterName: name, faultCode: fault.faultCode, faultString: fault.faultString ?? faultText(fault.faultCode, name) })),
    );
  }
  for (const name of namesOf(rpc)) {
    const fault = pathFaultFor(faults, name);
    if (fault !== undefined) return toCpeFault(fault);
  }
  return undefined;
};

const namesOf = (rpc: AcsRpc): string[] => {
  switch (rpc.type) {
    case 'GetParameterValues':
    case 'GetParameterAttributes':
      return rpc.names;
    case 'SetParameterAttributes':
      return rpc.parameters.map((p) => p.name);
    case 'GetParameterNames':
      return [rpc.parameterPath];
    case 'AddObject':
    case 'DeleteObject':
      return [rpc.objectName];
    default:
      return [];
  }
};
