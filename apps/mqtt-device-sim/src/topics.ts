import { DEFAULT_TOPIC_PREFIX } from '@fleetlog/mqtt-vendors';

/**
 * The levels a simulated device puts in front of its native topics: by default what a mounting broker
 * would add (`fleetlog/<tenant>/<vendor>`), so the ingress sees the same topics either way.
 */
export const prefixOf = (topicPrefix: string | undefined, tenantId: string, vendor: string): string =>
  topicPrefix ?? `${DEFAULT_TOPIC_PREFIX}/${tenantId}/${vendor}`;

export const joinTopic = (prefix: string, nativeTopic: string): string => (prefix === '' ? nativeTopic : `${prefix}/${nativeTopic}`);

/** The native topic of a full one, or undefined when it is not under the prefix. */
export const nativeOf = (prefix: string, topic: string): string | undefined => {
  if (prefix === '') return topic;
  return topic.startsWith(`${prefix}/`) ? topic.slice(prefix.length + 1) : undefined;
};
