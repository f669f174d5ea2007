/** 5 is MQTT 5 (the norm), 4 is MQTT 3.1.1 (the protocol level of its CONNECT). */
export type MqttProtocolVersion = 5 | 4;

export interface UspTopics {
  /** The agent's own topic, which it subscribes to: `usp/agent/<endpointId>`. */
  agent: string;
  /** Where the controller listens for this agent: `usp/controller/<tenantId>/<endpointId>` (the broker's ACL ties the last level to the client id). */
  controller: string;
}

/** TR-369 MQTT content type of a USP Record. */
export const USP_CONTENT_TYPE = 'usp.msg';

export const uspTopics = (tenantId: string, endpointId: string): UspTopics => ({
  agent: `usp/agent/${endpointId}`,
  controller: `usp/controller/${tenantId}/${endpointId}`,
});

export interface Publication {
  topic: string;
  properties?: { responseTopic: string; contentType: string };
}

/**
 * Where a Record goes and how the controller learns where to answer: MQTT 5 carries the agent's
 * topic in the Response Topic property; MQTT 3.1.1 has no properties, so it rides in the topic
 * name as `/reply-to=` with every '/' escaped as %2F.
 */
export const publicationOf = (topics: UspTopics, version: MqttProtocolVersion): Publication =>
  version === 5
    ? { topic: topics.controller, properties: { responseTopic: topics.agent, contentType: USP_CONTENT_TYPE } }
    : { topic: `${topics.controller}/reply-to=${topics.agent.replaceAll('/', '%2F')}` };
