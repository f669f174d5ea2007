import mqtt from 'mqtt';
import type { MqttClient } from 'mqtt';
import { assertNever } from '@fleetlog/domain';
import { DEFAULT_USP_VERSION, decodeMsg, decodeRecord, disconnectRecord, encodeRecord, errorMsg, mqttConnectRecord, noSessionRecord } from '@fleetlog/usp';
import type { DecodedUspRecord, Notify, UspMsg, UspRecord } from '@fleetlog/usp';
import { createDataModel } from '../data-model/data-model.js';
import type { DataModel } from '../data-model/data-model.js';
import { tr181Definition } from '../data-model/tr181.js';
import { UspSimError, isUspSimError, messageOf } from '../errors.js';
import { notificationsOf } from '../notify/notifications.js';
import type { Occurrence } from '../notify/notifications.js';
import { knownControllers } from '../notify/subscriptions.js';
import type { AgentEffect, RebootCause } from '../requests/effects.js';
import { handleRequest } from '../requests/handle-request.js';
import type { RequestOutcome } from '../requests/handle-request.js';
import { createAgentLog } from './agent-log.js';
import type { IgnoreReason, IgnoredRecord, SentRecord, WaitOptions } from './agent-log.js';
import { isRequestMsg, judgeRequest } from './fault-injection.js';
import type { FaultInjection } from './fault-injection.js';
import { createNotifier } from './notifier.js';
import { optionProblems, resolveOptions } from './options.js';
import type { UspAgentOptions } from './options.js';
import { seededRandom } from './random.js';
import { createTimers } from './timers.js';
import { publicationOf, uspTopics } from './topics.js';
import type { UspTopics } from './topics.js';

export interface UspAgent {
  readonly endpointId: string;
  readonly tenantId: string;
  readonly controllerId: string;
  readonly topics: UspTopics;
  /** The live TR-181 data model. */
  readonly model: DataModel;
  /** Connected to the broker and announced (mqtt_connect Record sent). */
  readonly online: boolean;
  /** How many times the agent has come up and sent its Boot! (1 after start(), +1 per reboot). */
  readonly boots: number;
  /** Every Msg the controller sent that reached the agent, NotifyResps included, in order. */
  readonly received: readonly UspMsg[];
  /** Every Record the agent published, in order. */
  readonly sent: readonly SentRecord[];
  /** Records the agent dropped, and why. */
  readonly ignored: readonly IgnoredRecord[];
  /** Notify messages sent again because no NotifyResp had come. */
  readonly notifyRetries: number;
  /** NotifyResp messages received (matching a pending Notify or not). */
  readonly notifyResps: number;
  /** Notify messages still waiting for their NotifyResp. */
  readonly pendingNotifies: readonly UspMsg<Notify>[];
  /**
   * Powers the agent on: connects, sends its mqtt_connect Record and Boot! (Cause LocalReboot).
   * Rejects with USP_SIM_BROKER_UNREACHABLE after startTimeoutMs; the agent keeps trying until stop().
   */
  start(): Promise<void>;
  /** Disconnects and clears every timer; pending waits fail with USP_SIM_STOPPED. */
  stop(): Promise<void>;
  /** Resolves with what `probe` returns once it is neither undefined nor false; probed after every change. */
  waitFor<T>(probe: () => T | undefined | false, options?: WaitOptions): Promise<T>;
  /**
   * A change made on the device itself; ValueChange subscriptions covering the parameter are
   * notified. Throws USP_SIM_INVALID_CHANGE for an unknown or computed parameter or a bad value.
   */
  changeValue(path: string, value: string): void;
  /** Replaces the injected faults. */
  setFaults(faults: FaultInjection): void;
  /** A reboot the device decides on itself: Boot! with Cause LocalReboot. */
  reboot(): Promise<void>;
}

/** The Msgs inside what the agent sent, in order. */
export const sentMsgs = (agent: Pick<UspAgent, 'sent'>): UspMsg[] => agent.sent.flatMap((s) => (s.msg === undefined ? [] : [s.msg]));

const hex = (random: () => number) => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');

// Answer in the Record version the controller used when we speak it.
const replyVersion = (record: DecodedUspRecord): string => (['1.3', '1.4'].includes(record.version) ? record.version : DEFAULT_USP_VERSION);

/** A TR-369 USP agent on MQTT: one simulated device, for tests (as a library) and demos (main.ts). */
export const createUspAgent = (input: UspAgentOptions): UspAgent => {
  const options = resolveOptions(input);
  const problems = optionProblems(options);
  if (problems.length > 0) throw new UspSimError('USP_SIM_CONFIG_INVALID', `invalid USP agent options:\n  ${problems.join('\n  ')}`, false);
  const { endpointId, controllerId, logger, now } = options;
  const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  const model = createDataModel(tr181Definition(options.identity, { endpointId, controllerId }), { now });
  const topics = uspTopics(options.tenantId, endpointId);
  const publication = publicationOf(topics, options.mqttVersion);
  const log = createAgentLog();
  const timers = createTimers();

  let client: MqttClient | undefined;
  let online = false;
  let stopped = false;
  let boots = 0;
  let notifyRetries = 0;
  let notifyResps = 0;
  let faults = options.faults;
  /** What the next coming-online announces in Boot!; undefined once announced. */
  let bootCause: { cause: RebootCause; commandKey: string } | undefined = { cause: 'LocalReboot', commandKey: '' };
  let startup: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  const inFlight = new Set<string>();
  // Agent-originated msg_ids: unique per run, and across runs unless seeded alike.
  const msgIdPrefix = hex(random);
  let msgCounter = 0;
  const nextMsgId = () => `${msgIdPrefix}-${++msgCounter}`;

  const publish = async (record: UspRecord, msg?: UspMsg): Promise<boolean> => {
    const c = client;
    if (c === undefined || !c.connected) return false;
    log.addSent({ topic: publication.topic, record, ...(msg === undefined ? {} : { msg }), at: now() });
    try {
      await c.publishAsync(publication.topic, Buffer.from(encodeRecord(record)), { qos: 1, ...(publication.properties === undefined ? {} : { properties: publication.properties }) });
      return true;
    } catch (error) {
      logger.warn({ endpointId, err: messageOf(error) }, 'publish failed');
      return false;
    }
  };

  const sendMsg = (msg: UspMsg, toId = controllerId, version = DEFAULT_USP_VERSION) => publish(noSessionRecord({ toId, fromId: endpointId, msg, version }), msg);

  const notifier = createNotifier({
    send: (msg) => sendMsg(msg),
    timers,
    retryMs: options.notifyRetryMs,
    onRetry: (msg) => {
      notifyRetries += 1;
      logger.debug({ endpointId, msgId: msg.msgId }, 'Notify sent again');
      log.changed();
    },
  });

  const tell = (occurrence: Occurrence) => {
    for (const msg of notificationsOf(model, occurrence, nextMsgId)) notifier.notify(msg);
  };

  const ignore = (reason: IgnoreReason, detail: string) => {
    logger.debug({ endpointId, reason, detail }, 'record ignored');
    log.addIgnored({ reason, detail, at: now() });
  };

  // ---- power ----

  const goodbye = (reason: string) => disconnectRecord({ toId: controllerId, fromId: endpointId, reason, reasonCode: 0 });

  /** Tells the controller it is going away, then leaves (no will is sent on a clean disconnect). */
  const leave = async (c: MqttClient | undefined, reason: string) => {
    if (c?.connected) await publish(goodbye(reason));
    await c?.endAsync(!c.connected).catch(() => undefined);
  };

  const connect = () => {
    const c = mqtt.connect(options.brokerUrl, {
      clientId: endpointId,
      protocolVersion: options.mqttVersion,
      clean: true,
      // A connection lost without a goodbye: the broker delivers the disconnect record for us.
      will: {
        topic: publication.topic,
        payload: Buffer.from(encodeRecord(goodbye('connection lost'))),
        qos: 1,
        retain: false,
        ...(publication.properties === undefined ? {} : { properties: publication.properties }),
      },
      // The agent subscribes itself on every connection, before announcing itself.
      resubscribe: false,
      reconnectPeriod: options.reconnectMs,
      connectTimeout: Math.max(1_000, Math.min(options.startTimeoutMs, 30_000)),
      ...(options.credentials ?? {}),
    });
    client = c;
    c.on('connect', () => {
      // Small records go out at once, as on a device that answers promptly.
      (c.stream as { setNoDelay?: (on: boolean) => void }).setNoDelay?.(true);
      void cameOnline(c);
    });
    c.on('message', (_topic, payload) => void onRecord(payload));
    c.on('close', () => {
      if (client !== c || !online) return;
      online = false;
      logger.info({ endpointId }, 'offline');
      log.changed();
    });
    c.on('error', (error) => logger.warn({ endpointId, err: error.message }, 'MQTT error'));
  };

  const cameOnline = async (c: MqttClient) => {
    try {
      await c.subscribeAsync(topics.agent, { qos: 1 });
      if (client !== c) return;
      const mqttVersion = options.mqttVersion === 5 ? 'V5' : 'V3_1_1';
      await publish(mqttConnectRecord({ toId: controllerId, fromId: endpointId, mqttVersion, subscribedTopic: topics.agent }));
      online = true;
      logger.info({ endpointId, topics }, 'online');
      const boot = bootCause;
      if (boot !== undefined) {
        bootCause = undefined;
        tell({ type: 'booted', ...boot, firmwareUpdated: false });
        boots += 1;
      }
      log.changed();
    } catch (error) {
      logger.warn({ endpointId, err: messageOf(error) }, 'could not announce the agent');
    }
  };

  // Reboot and FactoryReset: away for rebootDelayMs, then Boot! with the cause and command key.
  const powerCycle = async (cause: RebootCause, commandKey: string) => {
    notifier.clear();
    timers.cancelAll();
    online = false;
    const c = client;
    log.changed();
    await leave(c, 'rebooting');
    client = undefined;
    if (cause === 'RemoteFactoryReset' || cause === 'LocalFactoryReset') model.reset();
    else forgetOnReboot();
    bootCause = { cause, commandKey };
    logger.info({ endpointId, cause, commandKey }, 'rebooting');
    timers.later(options.rebootDelayMs, () => {
      if (stopped) return;
      model.markBooted(now());
      connect();
    });
  };

  // Running operations die with the device; so do subscriptions that asked not to persist.
  const forgetOnReboot = () => {
    for (const path of ['Device.LocalAgent.Request.*.', 'Device.LocalAgent.Subscription.[Persistent==false].']) {
      const resolved = model.resolve(path);
      if (resolved.ok && resolved.value.target === 'object') resolved.value.objects.forEach((instance) => model.deleteInstance(instance));
    }
  };

  // ---- requests ----

  const completeOperation = (effect: Extract<AgentEffect, { type: 'operationStarted' }>) => {
    const request = model.resolve(effect.requestPath);
    if (request.ok && request.value.target === 'object') request.value.objects.forEach((instance) => model.deleteInstance(instance));
    const { objPath, commandName, commandKey, result } = effect;
    tell({ type: 'operationCompleted', objPath, commandName, commandKey, result });
  };

  const carryOut = async (effects: readonly AgentEffect[]) => {
    let reboot: Extract<AgentEffect, { type: 'reboot' }> | undefined;
    for (const effect of effects) {
      switch (effect.type) {
        case 'valueChanged':
        case 'objectCreated':
        case 'objectDeleted':
          tell(effect);
          break;
        case 'operationStarted':
          timers.later(options.operationMs, () => completeOperation(effect));
          break;
        case 'reboot':
          reboot = effect;
          break;
        default:
          assertNever(effect);
      }
    }
    if (reboot !== undefined) await powerCycle(reboot.cause, reboot.commandKey);
  };

  const serve = async (msg: UspMsg, record: DecodedUspRecord) => {
    // Responses and Errors from the controller need no answer (its NotifyResps were handled on arrival).
    if (!isRequestMsg(msg)) return;
    const { verdict, remaining } = judgeRequest(faults, msg.body.type);
    faults = remaining;
    const servedBy = client;
    if (verdict.delayMs > 0) await new Promise<void>((resolve) => timers.later(verdict.delayMs, resolve));
    // A reboot or stop() during the delay loses the request, as it would on a device.
    if (stopped || client !== servedBy) return;
    const outcome: RequestOutcome =
      verdict.error === undefined
        ? handleRequest(msg, { model, controllerId: record.fromId, random, commandFailure: verdict.commandFailure })
        : { response: errorMsg(msg.msgId, verdict.error.errCode, verdict.error.errMsg), effects: [] };
    if (outcome.response !== undefined && !verdict.drop) await sendMsg(outcome.response, record.fromId, replyVersion(record));
    await carryOut(outcome.effects);
  };

  const onRecord = async (payload: Buffer) => {
    try {
      const decoded = decodeRecord(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
      if (!decoded.ok) return ignore('undecodable-record', decoded.error.message);
      const record = decoded.value;
      if (record.toId !== endpointId) return ignore('not-for-this-agent', `to_id ${JSON.stringify(record.toId)}`);
      if (!knownControllers(model).includes(record.fromId)) return ignore('unknown-controller', `from_id ${JSON.stringify(record.fromId)}`);
      if (record.recordType.type !== 'noSessionContext') return ignore('no-msg', `${record.recordType.type} record from ${record.fromId}`);
      const decodedMsg = decodeMsg(record.recordType.payload);
      if (!decodedMsg.ok) {
        ignore('undecodable-msg', decodedMsg.error.message);
        const { msgId, uspErrorCode, message } = decodedMsg.error;
        if (msgId !== undefined && msgId !== '') await sendMsg(errorMsg(msgId, uspErrorCode, message), record.fromId, replyVersion(record));
        return;
      }
      const msg = decodedMsg.value;
      if (msg.body.type === 'NotifyResp') {
        notifyResps += 1;
        notifier.acknowledge({ msgId: msg.msgId, body: msg.body });
        log.addReceived(msg);
        return;
      }
      log.addReceived(msg);
      if (inFlight.has(msg.msgId)) return ignore('duplicate', `msg_id ${msg.msgId} is still being handled`);
      inFlight.add(msg.msgId);
      try {
        await serve(msg, record);
      } finally {
        inFlight.delete(msg.msgId);
      }
    } catch (error) {
      logger.error({ endpointId, err: messageOf(error) }, 'handling a record failed');
    }
  };

  return {
    endpointId,
    tenantId: options.tenantId,
    controllerId,
    topics,
    model,
    get online() {
      return online;
    },
    get boots() {
      return boots;
    },
    received: log.received,
    sent: log.sent,
    ignored: log.ignored,
    get notifyRetries() {
      return notifyRetries;
    },
    get notifyResps() {
      return notifyResps;
    },
    get pendingNotifies() {
      return notifier.pending();
    },

    start() {
      if (stopped) return Promise.reject(new UspSimError('USP_SIM_STOPPED', 'the simulated agent stopped', false));
      startup ??= (async () => {
        model.markBooted(now());
        connect();
        try {
          await log.waitFor(() => boots > 0, { timeoutMs: options.startTimeoutMs });
        } catch (error) {
          if (!isUspSimError(error, 'USP_SIM_WAIT_TIMEOUT')) throw error;
          throw new UspSimError('USP_SIM_BROKER_UNREACHABLE', `${endpointId} could not come online at ${options.brokerUrl} within ${options.startTimeoutMs} ms`, true);
        }
      })();
      return startup;
    },

    stop() {
      stopping ??= (async () => {
        stopped = true;
        online = false;
        timers.close();
        notifier.clear();
        await leave(client, 'shutting down');
        client = undefined;
        log.close();
      })();
      return stopping;
    },

    waitFor: (probe, waitOptions) => log.waitFor(probe, waitOptions),

    changeValue(path, value) {
      const result = model.setLocal(path, value);
      if (!result.ok) throw new UspSimError('USP_SIM_INVALID_CHANGE', result.error.errMsg, false);
      if (result.value.changed) tell({ type: 'valueChanged', path, value: model.get(path) ?? value });
    },

    setFaults(next) {
      faults = next;
    },

    reboot: () => powerCycle('LocalReboot', ''),
  };
};
