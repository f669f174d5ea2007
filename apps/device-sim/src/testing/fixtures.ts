import { createDataModel } from '../data-model/data-model.js';
import type { DataModel } from '../data-model/data-model.js';
import type { DeviceIdentity, ManagementSettings } from '../data-model/device-profile.js';
import { tr181Definition } from '../data-model/tr181.js';

// Shared by the unit tests: one known device, so expectations can name its values.
export const testIdentity: DeviceIdentity = {
  manufacturer: 'Fleetlog',
  oui: '00D09E',
  productClass: 'SimGateway',
  serialNumber: 'SIM000001',
  softwareVersion: '1.0.0',
  hardwareVersion: 'HW1',
  provisioningCode: '',
};

export const testManagement: ManagementSettings = {
  url: 'http://127.0.0.1:7547/',
  username: 'cpe',
  password: 'secret',
  periodicInformEnable: true,
  periodicInformInterval: 300,
  connectionRequestUsername: 'cr-user',
  connectionRequestPassword: 'cr-pass',
};

export const testModel = (now: () => number = () => 1_000_000): DataModel => createDataModel(tr181Definition(testIdentity, testManagement), { now });
