import type { VendorAdapter } from '../adapter.js';
import type { VendorLimits } from '../limits.js';
import { createDjiAdapter } from './dji/adapter.js';
import { createGenericAdapter } from './generic/adapter.js';
import { createShellyAdapter } from './shelly/adapter.js';

/** The adapters Fleetlog ships: generic, shelly, dji. */
export const createBuiltInAdapters = (options: { limits?: Partial<VendorLimits> } = {}): VendorAdapter[] => [
  createGenericAdapter(options),
  createShellyAdapter(options),
  createDjiAdapter(options),
];
