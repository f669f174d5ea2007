import { createDataModel } from '../data-model/data-model.js';
import type { DataModel } from '../data-model/data-model.js';
import { tr181Definition } from '../data-model/tr181.js';
import type { AgentIdentity } from '../data-model/tr181.js';

// Shared by the unit tests: one known agent, so expectations can name its values.
export const testIdentity: AgentIdentity = {
  manufacturer: 'Fleetlog',
  oui: 'F1EE70',
  modelName: 'Fleetlog USP Simulator',
  productClass: 'FleetlogUspGW',
  serialNumber: 'usp-test-1',
  softwareVersion: '1.0.0',
  hardwareVersion: 'SIM-1',
};

export const TEST_ENDPOINT_ID = 'proto::usp-test-1';
export const TEST_CONTROLLER_ID = 'proto::fleetlog-controller';

export const testModel = (now: () => number = () => 1_700_000_000_000): DataModel =>
  createDataModel(tr181Definition(testIdentity, { endpointId: TEST_ENDPOINT_ID, controllerId: TEST_CONTROLLER_ID }), { now });
