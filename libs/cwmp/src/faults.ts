import { ACS_FAULTS, CPE_FAULTS } from './messages.js';
import type { Fault, SetParameterValuesFault } from './messages.js';

// TR-069 Tables 91 and 92 say, per fault code, whether the SOAP faultcode is Client or Server; these
// are the Client ones (the request itself was wrong). Every other code, vendor ones included, is Server.
const CLIENT_FAULT_CODES: ReadonlySet<number> = new Set([8003, 9003, 9005, 9006, 9007, 9008]);

/** A CWMP fault as TR-069 wants it sent: faultcode by table, faultstring "CWMP fault", the standard text by default. */
export function createFault(faultCode: number, faultString?: string, setParameterValuesFaults: readonly SetParameterValuesFault[] = []): Fault {
  return {
    type: 'Fault',
    soapFaultCode: CLIENT_FAULT_CODES.has(faultCode) ? 'Client' : 'Server',
    soapFaultString: 'CWMP fault',
    cwmpFault: { faultCode, faultString: faultString ?? CPE_FAULTS[faultCode] ?? ACS_FAULTS[faultCode] ?? 'Fault', setParameterValuesFaults: [...setParameterValuesFaults] },
  };
}
