/**
 * The TR-369 USP agent simulator: simulated devices that speak USP over MQTT to a controller,
 * for tests and demos. `createUspAgent` makes one, `createUspAgentFleet` many.
 */
export { createUspAgent, sentMsgs } from './agent/usp-agent.js';
export type { UspAgent } from './agent/usp-agent.js';
export { createUspAgentFleet, fleetEndpointId, DEFAULT_ENDPOINT_ID_PREFIX } from './agent/fleet.js';
export type { UspAgentFleet, UspAgentFleetOptions } from './agent/fleet.js';
export { DEFAULT_CONTROLLER_ID, DEFAULT_OUI, DEFAULT_PRODUCT_CLASS } from './agent/options.js';
export type { UspAgentOptions } from './agent/options.js';
export { uspTopics, publicationOf, USP_CONTENT_TYPE } from './agent/topics.js';
export type { MqttProtocolVersion, UspTopics, Publication } from './agent/topics.js';
export type { FaultInjection, FaultRule, UspRequestType } from './agent/fault-injection.js';
export type { IgnoredRecord, IgnoreReason, SentRecord, WaitOptions } from './agent/agent-log.js';
export type { DataModel } from './data-model/data-model.js';
export type { AgentIdentity } from './data-model/tr181.js';
export { BOOT_SUBSCRIPTION_ID, OPERATION_COMPLETE_SUBSCRIPTION_ID, BOOT_PARAMETERS } from './data-model/tr181.js';
export { AGENT_SUPPORTED_PROTOCOL_VERSIONS } from './requests/handle-request.js';
export { DATA_MODEL_INST_URI } from './requests/get-supported-dm.js';
export { UspErrorCode } from './usp-errors.js';
export { UspSimError, isUspSimError } from './errors.js';
export type { UspSimErrorCode } from './errors.js';
export type { Logger } from './logger.js';
