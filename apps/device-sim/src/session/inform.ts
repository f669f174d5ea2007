import type { EventStruct, Inform, ParameterValueStruct } from '@fleetlog/cwmp';
import type { DataModel } from '../data-model/data-model.js';

/** xsd:dateTime in UTC without milliseconds, as CPEs write it. */
export const xsdDateTime = (epochMillis: number): string => new Date(epochMillis).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** TR-069's "unknown time", used for transfers that have not happened yet. */
export const UNKNOWN_TIME = '0001-01-01T00:00:00Z';

export interface InformInput {
  model: DataModel;
  events: readonly EventStruct[];
  /** Parameters whose value changed under notification since the last delivered Inform. */
  valueChanges: readonly string[];
  retryCount: number;
  now: number;
}

/**
 * The Inform of a session: the DeviceIdStruct from DeviceInfo, the events, and the forced inform
 * parameters followed by the changed ones (TR-069 A.3.3.1), each once.
 */
export const buildInform = ({ model, events, valueChanges, retryCount, now }: InformInput): Inform => {
  const root = model.rootName;
  const info = (name: string) => model.get(`${root}.DeviceInfo.${name}`) ?? '';
  const names = [...new Set([...model.informParameterNames(), ...valueChanges])];
  const parameters: ParameterValueStruct[] = [];
  for (const name of names) {
    // As the ACS may read it (passwords empty); a changed parameter deleted since has nothing left to report.
    const read = model.getParameterValues([name]);
    if (read.ok && read.value.length === 1 && read.value[0] !== undefined) parameters.push(read.value[0]);
  }
  return {
    type: 'Inform',
    deviceId: { manufacturer: info('Manufacturer'), oui: info('ManufacturerOUI'), productClass: info('ProductClass'), serialNumber: info('SerialNumber') },
    events: [...events],
    maxEnvelopes: 1,
    currentTime: xsdDateTime(now),
    retryCount,
    parameters,
  };
};
