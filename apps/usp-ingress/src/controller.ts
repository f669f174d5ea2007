import { decideCommand, deviceIdOf, type CommandEvent as DomainCommandEvent, type CommandLifecycleCommand } from '@fleetlog/domain';
import {
  deterministicEventId,
  REJECT_RAW_LIMIT,
  toRecord,
  type AnyEvent,
  type CommandAccepted,
  type CommandEvent,
  type EventSource,
  type IngressRejected,
  type Logger,
} from '@fleetlog/events';
import type { CommandQueue, QueuedCommand } from '@fleetlog/platform';
import {
  decodeMsg,
  decodeRecord,
  disconnectFor,
  encodeRecord,
  errorMsg,
  interpretNotify,
  interpretResponse,
  isNotifyMsg,
  isResponseMsg,
  noSessionRecord,
  notifyResp,
  requestFromCommand,
  type DecodedUspRecord,
  type UspCodecLimits,
  type UspCommandKind,
  type UspMsg,
  type UspNotification,
  type UspOutcome,
  type UspRecord,
} from '@fleetlog/usp';
import type { AgentDirectory, KnownAgent } from './agents.js';
import { controllerTopicOf, parseControllerTopic } from './topics.js';

/** One MQTT PUBLISH the controller received. */
export interface Incoming {
  topic: string;
  payload: Buffer;
  /** MQTT 5 Response Topic property: the agent's own topic. */
  responseTopic?: string | undefined;
}

/** One PUBLISH to an agent: with MQTT 5 properties (content type, response topic) or as plain 3.1.1. */
export interface Outgoing {
  topic: string;
  payload: Uint8Array;
  mqtt5: boolean;
  responseTopic: string;
}

export interface ControllerDeps {
  endpointId: string;
  topicPrefix: string;
  /** Tenants served; empty serves every tenant. */
  tenants: ReadonlySet<string>;
  agentTopicTemplate: string;
  limits: UspCodecLimits;
  responseTimeoutMs: number;
  queue: CommandQueue;
  agents: AgentDirectory;
  /** Resolves once the events are durably on Kafka. */
  publish: (events: AnyEvent[]) => Promise<void>;
  reject: (event: IngressRejected) => Promise<void>;
  send: (out: Outgoing) => Promise<void>;
  now: () => number;
  source: EventSource;
  logger: Logger;
}

/** What is known about the agent a record came from, for the length of handling it. */
interface Agent {
  tenantId: string;
  endpointId: string;
  deviceId: string;
  known: KnownAgent | undefined;
  /** Where to answer, and how. */
  replyTopic: string | null;
  mqtt5: boolean;
}

/** A request sent and not answered yet: when, so a silent agent gets it again when it reconnects. */
interface InFlight {
  commandId: string;
  sentAt: number;
}

const USP_KINDS = new Set(['usp.Get', 'usp.Set', 'usp.Add', 'usp.Delete', 'usp.Operate', 'usp.GetInstances', 'usp.GetSupportedDM', 'usp.GetSupportedProtocol']);

/** A USP error code as the command's error code, e.g. USP_7016. */
const uspCode = (code: number) => `USP_${code}`;

/**
 * The USP controller's logic, free of MQTT and Kafka: a record in, events and replies out; a
 * command event in, requests out. Every record ends as events, a reject event, or both.
 */
export const createController = (deps: ControllerDeps) => {
  const { queue, agents, source } = deps;
  const inFlight = new Map<string, InFlight>();
  let seq = 0;

  const meta = (tenantId: string, aggregateId: string, correlationId: string, causationId: string | null, ...idParts: (string | number)[]) => ({
    eventId: deterministicEventId('usp', deps.endpointId, tenantId, aggregateId, ...idParts),
    tenantId,
    aggregateId,
    recordedAt: deps.now(),
    correlationId,
    causationId,
    source,
  });

  const deviceEvent = (a: Agent, type: AnyEvent['type'], payload: unknown, correlationId: string, causationId: string | null, ...idParts: (string | number)[]) =>
    ({ ...meta(a.tenantId, a.deviceId, correlationId, causationId, type, ...idParts), type, occurredAt: deps.now(), payload }) as unknown as AnyEvent;

  /** A lifecycle command through the domain decider; each event caused by the one before. */
  const decide = (cmd: QueuedCommand, command: CommandLifecycleCommand): AnyEvent[] => {
    const decision = decideCommand(command, cmd.state);
    if (!decision.ok) {
      deps.logger.warn({ commandId: cmd.commandId, code: decision.error.code }, decision.error.message);
      return [];
    }
    let cause = cmd.lastEventId;
    return decision.value.map((e: DomainCommandEvent) => {
      const record = toRecord(e, meta(cmd.tenantId, cmd.commandId, cmd.correlationId, cause, e.type, seq++));
      cause = record.eventId;
      return record;
    });
  };

  /** Publishes, then folds command events into the queue (only once they are durable). */
  const commit = async (events: AnyEvent[]) => {
    if (events.length === 0) return;
    await deps.publish(events);
    for (const e of events) if (e.type.startsWith('Command')) queue.apply(e as CommandEvent);
  };

  const rejectRecord = async (m: Incoming, tenantId: string | null, reasonCode: string, reason: string) => {
    const now = deps.now();
    await deps.reject({
      eventId: deterministicEventId('usp-reject', source.instance, now, seq++),
      type: 'IngressRejected',
      tenantId,
      recordedAt: now,
      correlationId: deterministicEventId('usp-reject-chain', source.instance, now, seq),
      source,
      reasonCode,
      reason: `${reason} (topic ${m.topic})`,
      protocol: 'USP',
      remoteAddress: null,
      contentType: 'usp.msg',
      originalSize: m.payload.length,
      truncated: m.payload.length > REJECT_RAW_LIMIT,
      raw: m.payload.subarray(0, REJECT_RAW_LIMIT),
    });
    deps.logger.warn({ reasonCode, tenantId, topic: m.topic, size: m.payload.length }, reason);
  };

  const sendRecord = async (a: Pick<Agent, 'tenantId' | 'endpointId' | 'replyTopic' | 'mqtt5'>, record: UspRecord) => {
    if (!a.replyTopic) return false;
    await deps.send({ topic: a.replyTopic, payload: encodeRecord(record), mqtt5: a.mqtt5, responseTopic: controllerTopicOf(deps.topicPrefix, a.tenantId, a.endpointId) });
    return true;
  };
  const sendMsg = (a: Pick<Agent, 'tenantId' | 'endpointId' | 'replyTopic' | 'mqtt5'>, msg: UspMsg) =>
    sendRecord(a, noSessionRecord({ toId: a.endpointId, fromId: deps.endpointId, msg }));

  /** Sends the agent what waits for it: requested commands, and sent ones it let time out. */
  const deliver = async (tenantId: string, deviceId: string) => {
    const known = await agents.lookup(tenantId, deviceId);
    if (!known?.replyTopic || !known.connected) return;
    const a = { tenantId, endpointId: deviceId, replyTopic: known.replyTopic, mqtt5: known.mqtt5 };
    for (const cmd of queue.deliverable(tenantId, deviceId)) {
      const now = deps.now();
      if (now >= cmd.deadline) {
        await commit(decide(cmd, { type: 'ExpireCommand', data: { now } }));
        continue;
      }
      const sent = inFlight.get(cmd.commandId);
      if (sent && now - sent.sentAt < deps.responseTimeoutMs) continue;
      // The command id is the msg_id: the answer names its command, also after a restart.
      let request: UspMsg;
      try {
        request = requestFromCommand(cmd.kind as UspCommandKind, cmd.args as never, cmd.commandId);
      } catch (e) {
        await commit(decide(cmd, { type: 'FailCommand', data: { code: 'USP_REQUEST_INVALID', message: (e as Error).message, now } }));
        continue;
      }
      const events = cmd.state.status === 'requested' ? decide(cmd, { type: 'DispatchCommand', data: { channel: 'usp-mqtt', now } }) : [];
      await commit(events);
      inFlight.set(cmd.commandId, { commandId: cmd.commandId, sentAt: now });
      await sendMsg(a, request);
    }
  };

  /** Events of an answered request: the command settles, reported values become parameters. */
  const settle = (a: Agent, cmd: QueuedCommand, outcome: UspOutcome): AnyEvent[] => {
    const now = deps.now();
    if (outcome.status === 'failed') {
      const first = outcome.failures[0];
      const message = first ? `${outcome.errMsg || first.errMsg} (${first.path})` : outcome.errMsg;
      return decide(cmd, { type: 'FailCommand', data: { code: uspCode(outcome.errCode), message: message || `USP error ${outcome.errCode}`, faultCode: outcome.errCode, now } });
    }
    const result = { parameters: outcome.parameters, objects: outcome.objects, ...(outcome.status === 'partial' ? { failures: outcome.failures } : {}) };
    if (outcome.pending.length > 0) {
      const accepted: CommandAccepted = {
        ...meta(a.tenantId, cmd.commandId, cmd.correlationId, cmd.lastEventId, 'CommandAccepted', outcome.msgId),
        type: 'CommandAccepted',
        occurredAt: now,
        payload: { deviceId: a.deviceId, detail: JSON.stringify({ pending: outcome.pending }) },
      };
      return [accepted];
    }
    const events = decide(cmd, { type: 'CompleteCommand', data: { result, now } });
    const origin = cmd.kind === 'usp.Get' ? 'get' : cmd.kind === 'usp.Set' ? 'set' : null;
    if (origin && outcome.parameters.length > 0) {
      const parameters = outcome.parameters.map((p) => ({ path: p.path, value: p.value, valueType: 'string', writable: null }));
      events.push(deviceEvent(a, 'DeviceParametersReported', { origin, parameters }, cmd.correlationId, events.at(-1)?.eventId ?? cmd.lastEventId, outcome.msgId));
    }
    return events;
  };

  /** Device events of a notification; an OperationComplete also settles the Operate it reports on. */
  const notified = (a: Agent, n: UspNotification, correlationId: string): AnyEvent[] => {
    const args = (m: Record<string, string>) => Object.entries(m).map(([name, value]) => ({ name, value }));
    const event = (name: string, path: string | null, argumentsList: { name: string; value: string }[]) =>
      deviceEvent(a, 'DeviceEventReported', { name, path, arguments: argumentsList, subscriptionId: n.subscriptionId || null, protocol: 'USP' }, correlationId, null, n.msgId, name);
    const reported = (parameters: { path: string; value: string }[]) =>
      deviceEvent(a, 'DeviceParametersReported', { origin: 'notify', parameters: parameters.map((p) => ({ path: p.path, value: p.value, valueType: 'string', writable: null })) }, correlationId, null, n.msgId, 'parameters');
    switch (n.type) {
      case 'boot':
        return [event('Boot!', n.objPath, args(n.params)), ...(n.parameters.length > 0 ? [reported(n.parameters)] : [])];
      case 'event':
        return [event(n.eventName, n.objPath, args(n.params))];
      case 'valueChange':
        return [event('ValueChange', n.path, [{ name: 'Value', value: n.value }]), reported([{ path: n.path, value: n.value }])];
      case 'objectCreation':
        return [event('ObjectCreation', n.objPath, args(n.uniqueKeys))];
      case 'objectDeletion':
        return [event('ObjectDeletion', n.objPath, [])];
      case 'onBoardRequest':
        return [
          event('OnBoardRequest', null, [
            { name: 'OUI', value: n.oui },
            { name: 'ProductClass', value: n.productClass },
            { name: 'SerialNumber', value: n.serialNumber },
            { name: 'AgentSupportedProtocolVersions', value: n.agentSupportedProtocolVersions.join(',') },
          ]),
        ];
      case 'operationComplete': {
        const outcome = n.result.status === 'succeeded' ? args(n.result.outputArgs) : [{ name: 'ErrCode', value: String(n.result.errCode) }, { name: 'ErrMsg', value: n.result.errMsg }];
        const events = [event('OperationComplete', `${n.objPath}${n.commandName}`, [{ name: 'CommandKey', value: n.commandKey }, ...outcome])];
        const command = `${n.objPath}${n.commandName}`;
        const cmd = queue.awaitingCompletion(a.tenantId, a.deviceId, n.commandKey, (c) => `${String(c.args['commandKey'] ?? '')}`);
        if (cmd && String(cmd.args['command'] ?? '') === command) {
          const now = deps.now();
          events.push(
            ...(n.result.status === 'succeeded'
              ? decide(cmd, { type: 'CompleteCommand', data: { result: { parameters: Object.entries(n.result.outputArgs).map(([k, value]) => ({ path: `${command}.${k}`, value })) }, now } })
              : decide(cmd, { type: 'FailCommand', data: { code: uspCode(n.result.errCode), message: n.result.errMsg || `USP error ${n.result.errCode}`, faultCode: n.result.errCode, now } })),
          );
        }
        return events;
      }
    }
  };

  /** A no_session_context Msg from a verified agent. */
  const message = async (m: Incoming, a: Agent, bytes: Uint8Array, events: AnyEvent[]): Promise<(() => Promise<unknown>)[]> => {
    const decoded = decodeMsg(bytes, deps.limits);
    if (!decoded.ok) {
      await rejectRecord(m, a.tenantId, decoded.error.code, decoded.error.message);
      const msgId = decoded.error.msgId;
      return msgId ? [() => sendMsg(a, errorMsg(msgId, decoded.error.uspErrorCode, decoded.error.message))] : [];
    }
    const msg = decoded.value;
    if (isNotifyMsg(msg)) {
      const n = interpretNotify(msg);
      events.push(...notified(a, n, deterministicEventId('usp-notify', a.tenantId, a.endpointId, msg.msgId)));
      // Answered once the events are durable: an agent that gets no answer sends the Notify again.
      return n.sendResp ? [() => sendMsg(a, notifyResp(msg))] : [];
    }
    if (isResponseMsg(msg)) {
      const cmd = queue.get(msg.msgId);
      if (!cmd || cmd.tenantId !== a.tenantId || cmd.deviceId !== a.deviceId) {
        await rejectRecord(m, a.tenantId, 'USP_RESPONSE_UNMATCHED', `a ${msg.body.type} for msg_id ${JSON.stringify(msg.msgId)}, which this controller did not send to ${a.endpointId}`);
        return [];
      }
      inFlight.delete(cmd.commandId);
      if (cmd.state.status !== 'dispatched' && cmd.state.status !== 'requested') {
        deps.logger.info({ commandId: cmd.commandId, status: cmd.state.status }, 'a late answer to a settled command; kept in the rejects topic');
        await rejectRecord(m, a.tenantId, 'USP_RESPONSE_LATE', `a ${msg.body.type} for command ${cmd.commandId}, already ${cmd.state.status}`);
        return [];
      }
      events.push(...settle(a, cmd, interpretResponse(msg)));
      return [];
    }
    // A request from the agent (e.g. Register): this controller takes none.
    await rejectRecord(m, a.tenantId, 'USP_REQUEST_UNSUPPORTED', `the agent sent a ${msg.body.type}, which this controller does not serve`);
    return [() => sendMsg(a, errorMsg(msg.msgId, 7001, `${msg.body.type} is not supported by this controller`))];
  };

  /** One PUBLISH on a controller topic. Never throws for anything the agent sent. */
  const handle = async (m: Incoming): Promise<void> => {
    const topic = parseControllerTopic(m.topic, deps.topicPrefix);
    if (!topic.ok) return rejectRecord(m, null, 'USP_TOPIC_UNKNOWN', topic.reason);
    const { tenantId, agentId } = topic.value;
    if (deps.tenants.size > 0 && !deps.tenants.has(tenantId)) return rejectRecord(m, tenantId, 'USP_TENANT_UNKNOWN', `tenant ${tenantId} is not served by this controller`);
    if (m.payload.length > deps.limits.maxRecordBytes) {
      return rejectRecord(m, tenantId, 'USP_RECORD_TOO_LARGE', `a ${m.payload.length}-byte record; the limit is ${deps.limits.maxRecordBytes}`);
    }
    const device = deviceIdOf({ protocol: 'USP', endpointId: agentId });
    if (!device.ok) return rejectRecord(m, tenantId, 'USP_ENDPOINT_ID_INVALID', device.error.message);
    const known = await agents.lookup(tenantId, agentId);
    const template = deps.agentTopicTemplate ? deps.agentTopicTemplate.replaceAll('{endpointId}', agentId) : null;
    const a: Agent = {
      tenantId,
      endpointId: agentId,
      deviceId: device.value,
      known,
      replyTopic: m.responseTopic ?? topic.value.replyTo ?? known?.replyTopic ?? template,
      mqtt5: m.responseTopic !== undefined ? true : topic.value.replyTo !== null ? false : (known?.mqtt5 ?? true),
    };

    const decoded = decodeRecord(m.payload, deps.limits);
    if (!decoded.ok) {
      await rejectRecord(m, tenantId, decoded.error.code, decoded.error.message);
      // A record we understood enough to answer (a session context, encrypted payloads) gets a polite disconnect.
      const header = decoded.error.recordHeader;
      if (header && header.fromId === agentId && header.toId === deps.endpointId) {
        const reply = disconnectFor(decoded.error, { fromId: deps.endpointId });
        if (reply) await sendRecord(a, reply);
      }
      return;
    }
    const record: DecodedUspRecord = decoded.value;
    if (record.toId !== deps.endpointId) return rejectRecord(m, tenantId, 'USP_RECORD_NOT_FOR_THIS_CONTROLLER', `to_id ${JSON.stringify(record.toId)} is not ${deps.endpointId}`);
    if (record.fromId !== agentId) {
      return rejectRecord(m, tenantId, 'USP_FROM_ID_SPOOFED', `from_id ${JSON.stringify(record.fromId)} is not the agent that published (${agentId})`);
    }

    const events: AnyEvent[] = [];
    const contact = deterministicEventId('usp-contact', tenantId, agentId, deps.now());
    if (!known) {
      events.push(
        deviceEvent(a, 'DeviceRegistered', { protocol: 'USP', identity: { manufacturer: null, oui: null, productClass: null, serialNumber: null, endpointId: agentId, vendor: null, clientId: null } }, contact, null, 'registered'),
      );
    }
    let connected = known?.connected ?? true;
    let after: (() => Promise<unknown>)[] = [];
    const r = record.recordType;
    switch (r.type) {
      case 'mqttConnect':
        a.replyTopic = r.subscribedTopic || a.replyTopic;
        a.mqtt5 = r.version === 'V5';
        // Connect and disconnect records are explicit presence: no need to wait for silence to tell.
        if (!known || !known.connected) events.push(deviceEvent(a, 'DeviceWentOnline', { via: 'usp-mqtt', expectedIntervalSeconds: null }, contact, null, 'online', deps.now()));
        connected = true;
        events.push(
          deviceEvent(a, 'DeviceEventReported', { name: 'MqttConnect', path: null, arguments: [{ name: 'SubscribedTopic', value: r.subscribedTopic }, { name: 'Version', value: r.version }], subscriptionId: null, protocol: 'USP' }, contact, null, 'connect', deps.now()),
        );
        break;
      case 'disconnect':
        connected = false;
        events.push(deviceEvent(a, 'DeviceWentOffline', { lastContactAt: deps.now(), reason: 'disconnected' }, contact, null, 'disconnect', deps.now()));
        break;
      case 'noSessionContext':
        connected = true;
        after = await message(m, a, r.payload, events);
        break;
      default:
        await rejectRecord(m, tenantId, 'USP_RECORD_UNSUPPORTED', `a ${r.type} record does not belong on the MQTT MTP`);
        break;
    }
    await commit(events);
    await agents.remember(tenantId, agentId, { replyTopic: a.replyTopic, mqtt5: a.mqtt5, connected });
    for (const f of after) await f();
    if (connected && r.type !== 'noSessionContext') {
      // A (re)connected agent may have missed requests: send them again.
      for (const [id, f] of inFlight) {
        const cmd = queue.get(id);
        if (cmd?.tenantId === a.tenantId && cmd.deviceId === a.deviceId) f.sentAt = 0;
      }
    }
    if (connected) await deliver(tenantId, a.deviceId);
  };

  /** A command event from the command topic: USP commands are queued and sent when their agent can take them. */
  const onCommand = async (record: CommandEvent, live: boolean) => {
    const cmd = queue.apply(record);
    if (!cmd || !live || record.type !== 'CommandRequested' || !USP_KINDS.has(cmd.kind)) return;
    await deliver(cmd.tenantId, cmd.deviceId);
  };

  return { handle, onCommand, deliver };
};

export type Controller = ReturnType<typeof createController>;
