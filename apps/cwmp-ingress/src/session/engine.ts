import { decideCommand, deviceIdOf, type CommandEvent as DomainCommandEvent, type CommandLifecycleCommand } from '@fleetlog/domain';
import type { AcsMessage, CpeMessage, CwmpEnvelope, Inform, ParameterValueStruct } from '@fleetlog/cwmp';
import { deterministicEventId, toRecord, type AnyEvent, type CommandAccepted, type EventSource } from '@fleetlog/events';
import { commandKeyOf, outcomeOf, rpcFor } from '../commands/rpc.js';
import type { CommandQueue, QueuedCommand } from '@fleetlog/platform';
import type { DeviceDirectory } from './device-directory.js';

/** One CWMP session: from the Inform to the ACS's empty answer. Lives on the instance that got the Inform. */
export interface Session {
  id: string;
  tenantId: string;
  deviceId: string;
  namespace: CwmpEnvelope['namespace'];
  startedAt: number;
  lastActivity: number;
  remoteAddress: string | null;
  messagesIn: number;
  messagesOut: number;
  rpcsDispatched: number;
  /** Counter for deterministic event ids: (session id, message index). */
  seq: number;
  inflight: { commandId: string; rpc: AcsMessage } | null;
}

export type Reply =
  | { kind: 'envelope'; envelope: CwmpEnvelope<AcsMessage> }
  /** Empty 204: the session is over. */
  | { kind: 'end' }
  | { kind: 'bad-request'; code: string; reason: string };

export interface EngineDeps {
  queue: CommandQueue;
  devices: DeviceDirectory;
  /** Resolves once the events are durably on Kafka; rejects (retriable) when Kafka is unavailable. */
  publish: (events: AnyEvent[]) => Promise<void>;
  now: () => number;
  newSessionId: () => string;
  source: EventSource;
  periodicIntervalParameter?: string;
}

const ACS_METHODS = ['Inform', 'GetRPCMethods', 'TransferComplete', 'AutonomousTransferComplete'];
const param = (params: ParameterValueStruct[], suffix: string) => params.find((p) => p.name.endsWith(suffix))?.value ?? null;

export const createSessionEngine = (deps: EngineDeps) => {
  const { queue, devices, source } = deps;

  const envelopeMeta = (s: Session, aggregateId: string, correlationId: string, causationId: string | null) => ({
    eventId: deterministicEventId('cwmp', s.id, s.seq++),
    tenantId: s.tenantId,
    aggregateId,
    recordedAt: deps.now(),
    correlationId,
    causationId,
    source,
  });

  /** Runs a lifecycle command through the domain decider and wraps what it decides. */
  const decide = (s: Session, cmd: QueuedCommand, command: CommandLifecycleCommand): AnyEvent[] => {
    const decision = decideCommand(command, cmd.state);
    if (!decision.ok) return [];
    let cause = cmd.lastEventId;
    return decision.value.map((e: DomainCommandEvent) => {
      const record = toRecord(e, envelopeMeta(s, cmd.commandId, cmd.correlationId, cause));
      cause = record.eventId;
      return record;
    });
  };

  /** Publishes, then folds the command events into the queue (only once they are durable). */
  const commit = async (events: AnyEvent[]) => {
    if (events.length === 0) return;
    await deps.publish(events);
    for (const e of events) if (e.type.startsWith('Command')) queue.apply(e as never);
  };

  const deviceEvent = <T extends AnyEvent['type']>(s: Session, type: T, payload: unknown, occurredAt = deps.now()) =>
    ({ ...envelopeMeta(s, s.deviceId, s.id, null), type, occurredAt, payload }) as unknown as AnyEvent;

  const reply = (s: Session, message: AcsMessage, id: string | null): Reply => {
    s.messagesOut += 1;
    return { kind: 'envelope', envelope: { namespace: s.namespace, id, holdRequests: false, message } };
  };

  /** Inform: the session begins; the CPE is registered on first contact. */
  const inform = async (env: CwmpEnvelope<Inform>, ctx: { tenantId: string; remoteAddress: string | null }): Promise<{ session?: Session; reply: Reply }> => {
    const m = env.message;
    const derived = deviceIdOf({ protocol: 'CWMP', oui: m.deviceId.oui, productClass: m.deviceId.productClass || null, serialNumber: m.deviceId.serialNumber });
    if (!derived.ok) return { reply: { kind: 'bad-request', code: 'CWMP_INVALID_DEVICE_ID', reason: derived.error.message } };
    const now = deps.now();
    const s: Session = {
      id: deps.newSessionId(),
      tenantId: ctx.tenantId,
      deviceId: derived.value,
      namespace: env.namespace,
      startedAt: now,
      lastActivity: now,
      remoteAddress: ctx.remoteAddress,
      messagesIn: 1,
      messagesOut: 0,
      rpcsDispatched: 0,
      seq: 0,
      inflight: null,
    };
    const known = await devices.lookup(s.tenantId, s.deviceId);
    const crUrl = param(m.parameters, 'ManagementServer.ConnectionRequestURL');
    const events: AnyEvent[] = [];
    if (!known) {
      events.push({
        ...deviceEvent(s, 'DeviceRegistered', {
          protocol: 'CWMP',
          identity: { manufacturer: m.deviceId.manufacturer, oui: m.deviceId.oui, productClass: m.deviceId.productClass || null, serialNumber: m.deviceId.serialNumber, endpointId: null, vendor: null, clientId: null },
        }),
        // The same id whichever session first reports the device: a repeat after a crash is recognisable.
        eventId: deterministicEventId('cwmp-registered', s.tenantId, s.deviceId),
      } as AnyEvent);
    }
    events.push(deviceEvent(s, 'DeviceSessionStarted', { sessionId: s.id, channel: 'cwmp-session', remoteAddress: s.remoteAddress }));
    events.push(
      deviceEvent(s, 'DeviceInformed', {
        sessionId: s.id,
        events: m.events.map((e) => ({ eventCode: e.eventCode, commandKey: e.commandKey })),
        manufacturer: m.deviceId.manufacturer,
        softwareVersion: param(m.parameters, 'DeviceInfo.SoftwareVersion'),
        hardwareVersion: param(m.parameters, 'DeviceInfo.HardwareVersion'),
        connectionRequestUrl: crUrl,
        retryCount: m.retryCount,
        deviceTime: m.currentTime || null,
      }),
    );
    if (m.parameters.length > 0) {
      events.push(deviceEvent(s, 'DeviceParametersReported', { origin: 'inform', parameters: m.parameters.map((p) => ({ path: p.name, value: p.value, valueType: p.type, writable: null })) }));
    }
    await commit(events);
    await devices.remember(s.tenantId, s.deviceId, crUrl ?? known?.connectionRequestUrl ?? null);
    return { session: s, reply: reply(s, { type: 'InformResponse', maxEnvelopes: 1 }, env.id) };
  };

  /** The next queued command as an RPC, or the end of the session. */
  const next = async (s: Session): Promise<Reply> => {
    for (;;) {
      const [cmd] = queue.deliverable(s.tenantId, s.deviceId);
      if (!cmd) break;
      const now = deps.now();
      if (now >= cmd.deadline) {
        await commit(decide(s, cmd, { type: 'ExpireCommand', data: { now } }));
        continue;
      }
      const events = decide(s, cmd, { type: 'DispatchCommand', data: { channel: 'cwmp-session', now } });
      if (events.length === 0) break;
      const rpc = rpcFor(cmd.kind, cmd.args, cmd.commandId);
      await commit(events);
      s.inflight = { commandId: cmd.commandId, rpc };
      s.rpcsDispatched += 1;
      return reply(s, rpc, `fleetlog-${s.seq}`);
    }
    await end(s, 'completed');
    s.messagesOut += 1;
    return { kind: 'end' };
  };

  const end = async (s: Session, outcome: 'completed' | 'timed-out') => {
    await commit([
      deviceEvent(s, 'DeviceSessionEnded', {
        sessionId: s.id,
        startedAt: s.startedAt,
        outcome,
        messagesIn: s.messagesIn,
        messagesOut: s.messagesOut + (outcome === 'completed' ? 1 : 0),
        rpcsDispatched: s.rpcsDispatched,
      }),
    ]);
  };

  /** Any other message in a running session (an empty POST is `null`). */
  const message = async (s: Session, env: CwmpEnvelope<CpeMessage> | null): Promise<Reply> => {
    s.messagesIn += 1;
    s.lastActivity = deps.now();
    const now = deps.now();
    if (env === null) return s.inflight ? answerLost(s) : next(s);
    const m = env.message;
    switch (m.type) {
      case 'Inform':
        return { kind: 'bad-request', code: 'CWMP_INFORM_IN_SESSION', reason: 'an Inform inside a running session' };
      case 'GetRPCMethods':
        return reply(s, { type: 'GetRPCMethodsResponse', methods: ACS_METHODS }, env.id);
      case 'TransferComplete':
      case 'AutonomousTransferComplete': {
        const autonomous = m.type === 'AutonomousTransferComplete';
        const commandKey = m.type === 'TransferComplete' ? m.commandKey : '';
        const events: AnyEvent[] = [
          deviceEvent(s, 'DeviceTransferCompleted', {
            commandKey,
            autonomous,
            fault: m.fault,
            startTime: m.startTime,
            completeTime: m.completeTime,
            fileType: m.type === 'AutonomousTransferComplete' ? m.fileType : null,
          }),
        ];
        const cmd = autonomous ? undefined : queue.awaitingCompletion(s.tenantId, s.deviceId, commandKey, (c) => String(c.args.commandKey ?? commandKeyOf(c.commandId)));
        if (cmd) {
          events.push(
            ...(m.fault.faultCode === 0
              ? decide(s, cmd, { type: 'CompleteCommand', data: { result: { startTime: m.startTime, completeTime: m.completeTime }, now } })
              : decide(s, cmd, { type: 'FailCommand', data: { code: 'CWMP_TRANSFER_FAULT', message: `${m.fault.faultCode} ${m.fault.faultString}`, faultCode: m.fault.faultCode, now } })),
          );
        }
        await commit(events);
        return reply(s, { type: autonomous ? 'AutonomousTransferCompleteResponse' : 'TransferCompleteResponse' }, env.id);
      }
      default: {
        if (!s.inflight) return { kind: 'bad-request', code: 'CWMP_UNEXPECTED_RESPONSE', reason: `${m.type} while no RPC was outstanding` };
        const cmd = queue.get(s.inflight.commandId);
        const outcome = outcomeOf(s.inflight.rpc, m);
        if (!cmd || outcome.kind === 'unexpected') return { kind: 'bad-request', code: 'CWMP_UNEXPECTED_RESPONSE', reason: `${m.type} does not answer ${s.inflight.rpc.type}` };
        const events: AnyEvent[] = [];
        if (outcome.kind === 'succeeded') {
          events.push(...decide(s, cmd, { type: 'CompleteCommand', data: { result: outcome.result, now } }));
          if (outcome.reported.length > 0) {
            events.push({
              ...deviceEvent(s, 'DeviceParametersReported', { origin: outcome.reportOrigin, parameters: outcome.reported.map((p) => ({ path: p.name, value: p.value, valueType: p.type, writable: null })) }),
              correlationId: cmd.correlationId,
              causationId: events.at(-1)?.eventId ?? cmd.lastEventId,
            } as AnyEvent);
          }
        } else if (outcome.kind === 'failed') {
          events.push(...decide(s, cmd, { type: 'FailCommand', data: { code: outcome.code, message: outcome.message, faultCode: outcome.faultCode, now } }));
        } else {
          const accepted: CommandAccepted = {
            ...envelopeMeta(s, cmd.commandId, cmd.correlationId, cmd.lastEventId),
            type: 'CommandAccepted',
            occurredAt: now,
            payload: { deviceId: s.deviceId, detail: JSON.stringify(outcome.result) },
          };
          events.push(accepted);
        }
        s.inflight = null;
        await commit(events);
        return next(s);
      }
    }
  };

  /** An empty POST while an RPC is outstanding: the CPE dropped it; it is delivered again next session. */
  const answerLost = async (s: Session): Promise<Reply> => {
    s.inflight = null;
    await end(s, 'completed');
    s.messagesOut += 1;
    return { kind: 'end' };
  };

  return { inform, message, timeout: (s: Session) => end(s, 'timed-out') };
};

export type SessionEngine = ReturnType<typeof createSessionEngine>;
