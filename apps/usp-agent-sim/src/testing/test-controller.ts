import mqtt from 'mqtt';
import { decodeMsg, decodeRecord, encodeRecord, noSessionRecord } from '@fleetlog/usp';
import type { DecodedUspRecord, UspBody, UspMsg } from '@fleetlog/usp';
import { DEFAULT_CONTROLLER_ID } from '../agent/options.js';

/** One Record an agent published to the controller's topics, as the controller sees it. */
export interface ControllerInboxEntry {
  index: number;
  topic: string;
  /** MQTT 5 PUBLISH properties. */
  responseTopic: string | undefined;
  contentType: string | undefined;
  /** Where to answer: the Response Topic, or the topic's `/reply-to=` (MQTT 3.1.1). */
  replyTo: string | undefined;
  record: DecodedUspRecord;
  /** The Msg of a no_session_context Record. */
  msg: UspMsg | undefined;
}

let controllers = 0;

/**
 * A minimal USP controller for integration tests: it subscribes to one tenant's controller topics
 * on the real broker, keeps what agents publish, and sends requests to an agent's reply-to topic.
 */
export const startTestController = async ({ brokerUrl, tenantId, controllerId = DEFAULT_CONTROLLER_ID }: { brokerUrl: string; tenantId: string; controllerId?: string }) => {
  const client = await mqtt.connectAsync(brokerUrl, { protocolVersion: 5, clientId: `fleetlog-test-controller-${process.pid}-${++controllers}`, clean: true, reconnectPeriod: 0 });
  await client.subscribeAsync(`usp/controller/${tenantId}/#`, { qos: 1 });
  const inbox: ControllerInboxEntry[] = [];
  const waiters = new Set<() => void>();
  let requests = 0;

  client.on('message', (topic, payload, packet) => {
    const record = decodeRecord(new Uint8Array(payload));
    if (!record.ok) return;
    const recordType = record.value.recordType;
    const msg = recordType.type === 'noSessionContext' ? decodeMsg(recordType.payload) : undefined;
    const responseTopic = packet.properties?.responseTopic;
    const replyTo = responseTopic ?? /\/reply-to=(.+)$/.exec(topic)?.[1]?.replaceAll('%2F', '/');
    inbox.push({ index: inbox.length, topic, responseTopic, contentType: packet.properties?.contentType, replyTo, record: record.value, msg: msg?.ok ? msg.value : undefined });
    for (const waiter of [...waiters]) waiter();
  });

  /** The first entry (from `since` on, past ones included) that matches. */
  const waitFor = (predicate: (entry: ControllerInboxEntry) => boolean, { since = 0, timeoutMs = 10_000 }: { since?: number; timeoutMs?: number } = {}): Promise<ControllerInboxEntry> =>
    new Promise((resolve, reject) => {
      const look = () => {
        const found = inbox.find((entry) => entry.index >= since && predicate(entry));
        if (found === undefined) return false;
        waiters.delete(look);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(look);
        reject(new Error(`no matching record within ${timeoutMs} ms; inbox: ${inbox.map((e) => e.msg?.body.type ?? e.record.recordType.type).join(', ')}`));
      }, timeoutMs);
      if (!look()) waiters.add(look);
    });

  /** Publishes a Record with this Msg to an agent's topic. */
  const send = async (agent: { endpointId: string; topic: string }, msg: UspMsg, record?: Partial<{ toId: string; fromId: string }>) => {
    const bytes = encodeRecord(noSessionRecord({ toId: record?.toId ?? agent.endpointId, fromId: record?.fromId ?? controllerId, msg }));
    await client.publishAsync(agent.topic, Buffer.from(bytes), { qos: 1 });
  };

  return {
    inbox: inbox as readonly ControllerInboxEntry[],
    waitFor,
    send,
    /** Raw bytes to a topic, for what no codec would write. */
    publishRaw: async (topic: string, bytes: Uint8Array) => {
      await client.publishAsync(topic, Buffer.from(bytes), { qos: 1 });
    },
    /** Sends a request and resolves with the agent's answer (response or Error, same msg_id). */
    async request(agent: { endpointId: string; topic: string }, body: UspBody, options: { timeoutMs?: number } = {}): Promise<UspMsg> {
      const msgId = `test-${process.pid}-${++requests}`;
      const since = inbox.length;
      await send(agent, { msgId, body });
      const answer = await waitFor((entry) => entry.msg?.msgId === msgId, { since, ...options });
      return answer.msg as UspMsg;
    },
    close: () => client.endAsync(),
  };
};

export type TestController = Awaited<ReturnType<typeof startTestController>>;
