/** Where a record came from, as the controller topic it was published to says. */
export interface ControllerTopic {
  tenantId: string;
  /** The agent's endpoint id: the broker's ACL ties this level to the client that published. */
  agentId: string;
  /** MQTT 3.1.1 agents name their own topic in the topic name: `.../reply-to=<topic, '/' as %2F>`. */
  replyTo: string | null;
}

const TENANT = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `<prefix>/<tenant>/<agent endpoint id>[/reply-to=<escaped topic>]`, or a reason it is not one. */
export const parseControllerTopic = (topic: string, prefix: string): { ok: true; value: ControllerTopic } | { ok: false; reason: string } => {
  if (!topic.startsWith(`${prefix}/`)) return { ok: false, reason: `topic ${JSON.stringify(topic)} is not under ${prefix}/` };
  const levels = topic.slice(prefix.length + 1).split('/');
  const [tenantId, agentId, replyLevel, ...rest] = levels;
  if (!tenantId || !TENANT.test(tenantId)) return { ok: false, reason: `topic ${JSON.stringify(topic)} names no valid tenant` };
  if (!agentId) return { ok: false, reason: `topic ${JSON.stringify(topic)} names no agent` };
  if (rest.length > 0 || (replyLevel !== undefined && !replyLevel.startsWith('reply-to='))) {
    return { ok: false, reason: `topic ${JSON.stringify(topic)} has levels after the agent other than reply-to=` };
  }
  let replyTo: string | null = null;
  if (replyLevel !== undefined) {
    try {
      replyTo = decodeURIComponent(replyLevel.slice('reply-to='.length));
    } catch {
      return { ok: false, reason: `topic ${JSON.stringify(topic)} has a reply-to that is not percent-encoded` };
    }
    if (replyTo === '' || /[#+]/.test(replyTo)) return { ok: false, reason: `topic ${JSON.stringify(topic)} has an unusable reply-to` };
  }
  return { ok: true, value: { tenantId, agentId, replyTo } };
};

/** The topic the controller listens on for one agent: where the agent is provisioned to publish. */
export const controllerTopicOf = (prefix: string, tenantId: string, agentId: string) => `${prefix}/${tenantId}/${agentId}`;
