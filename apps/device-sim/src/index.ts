/**
 * The CWMP (TR-069) CPE simulator: simulated home gateways that talk to an ACS over HTTP, for
 * tests and demos. `createSimulatedCpe` makes one, `createFleet` many.
 */
export { createSimulatedCpe } from './cpe/simulated-cpe.js';
export type { SimulatedCpe } from './cpe/simulated-cpe.js';
export { createFleet, fleetSerial } from './cpe/fleet.js';
export type { Fleet, FleetOptions } from './cpe/fleet.js';
export { DEFAULT_CR_PASSWORD, DEFAULT_CR_USERNAME, DEFAULT_OUI, DEFAULT_PRODUCT_CLASS, DEFAULT_TIMINGS } from './cpe/options.js';
export type { SimulatedCpeOptions, Timings } from './cpe/options.js';
export type { SessionPredicate, SessionRecord, WaitOptions } from './cpe/session-log.js';
export type { SessionError } from './cpe/session-runner.js';
export type { DataModel, ParameterView } from './data-model/data-model.js';
export type { AcsRpc, AcsRpcName, FaultInjection, InjectedFault } from './rpc/fault-injection.js';
export { EventCodes } from './session/events.js';
export { SimError, isSimError } from './errors.js';
export type { SimErrorCode } from './errors.js';
export type { Logger } from './logger.js';
