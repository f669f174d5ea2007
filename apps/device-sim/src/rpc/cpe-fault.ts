import { CPE_FAULTS, createFault } from '@fleetlog/cwmp';
import type { Fault, SetParameterValuesFault } from '@fleetlog/cwmp';
import type { Result } from '@fleetlog/domain';

/**
 * A CPE fault (TR-069 Table 91) as a value: data-model operations and RPC handlers return it
 * instead of throwing, and the session turns it into a SOAP Fault.
 */
export interface CpeFault {
  faultCode: number;
  faultString: string;
  /** Only for 9003 answering SetParameterValues: the parameters in error. */
  setParameterValuesFaults: SetParameterValuesFault[];
}

export type CpeResult<T> = Result<T, CpeFault>;

export const faultText = (faultCode: number, detail?: string): string => {
  const base = CPE_FAULTS[faultCode] ?? 'Vendor fault';
  return detail === undefined ? base : `${base}: ${detail}`;
};

export const cpeFault = (faultCode: number, detail?: string, setParameterValuesFaults: SetParameterValuesFault[] = []): CpeFault => ({
  faultCode,
  faultString: faultText(faultCode, detail),
  setParameterValuesFaults,
});

/** The SOAP Fault that carries it; the codec picks Client or Server by TR-069 Table 91. */
export const toSoapFault = (fault: CpeFault): Fault => createFault(fault.faultCode, fault.faultString, fault.setParameterValuesFaults);
