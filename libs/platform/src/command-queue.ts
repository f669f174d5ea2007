import { evolveCommand, initialCommandState, type CommandState } from '@fleetlog/domain';
import { toDomainEvent, type CommandEvent as CommandRecord } from '@fleetlog/events';

/** A command as an ingress knows it, with what it needs to continue its causal chain. */
export interface QueuedCommand {
  commandId: string;
  tenantId: string;
  deviceId: string;
  kind: string;
  args: Record<string, unknown>;
  deadline: number;
  correlationId: string;
  /** eventId of the latest event of this command: the cause of the next one. */
  lastEventId: string;
  state: CommandState;
  /** The device accepted it and reports completion later (TransferComplete). */
  accepted: boolean;
  requestedAt: number;
}

const deviceKey = (tenantId: string, deviceId: string) => `${tenantId}/${deviceId}`;

/**
 * Pending commands of one protocol per device, folded from the command topic (event-sourced: a
 * restart replays the topic and loses nothing). Events the ingress publishes are applied at once
 * and again when they come back from Kafka; each event applies only once (by eventId).
 */
export const createCommandQueue = (protocol: 'CWMP' | 'USP' | 'MQTT') => {
  const byDevice = new Map<string, Map<string, QueuedCommand>>();
  const byId = new Map<string, QueuedCommand>();
  const applied = new Set<string>();

  const apply = (record: CommandRecord): QueuedCommand | undefined => {
    if (applied.has(record.eventId)) return byId.get(record.aggregateId);
    applied.add(record.eventId);
    if (record.type === 'CommandRequested') {
      if (record.payload.protocol !== protocol || byId.has(record.aggregateId)) return undefined;
      const cmd: QueuedCommand = {
        commandId: record.aggregateId,
        tenantId: record.tenantId,
        deviceId: record.payload.deviceId,
        kind: record.payload.kind,
        args: parseArgs(record.payload.arguments),
        deadline: record.payload.deadline,
        correlationId: record.correlationId,
        lastEventId: record.eventId,
        state: evolveCommand(initialCommandState(), toDomainEvent(record)),
        accepted: false,
        requestedAt: record.occurredAt,
      };
      byId.set(cmd.commandId, cmd);
      const key = deviceKey(cmd.tenantId, cmd.deviceId);
      if (!byDevice.has(key)) byDevice.set(key, new Map());
      byDevice.get(key)!.set(cmd.commandId, cmd);
      return cmd;
    }
    const cmd = byId.get(record.aggregateId);
    if (!cmd) return undefined;
    cmd.lastEventId = record.eventId;
    if (record.type === 'CommandAccepted') cmd.accepted = true;
    else cmd.state = evolveCommand(cmd.state, toDomainEvent(record));
    if (['succeeded', 'failed', 'expired', 'cancelled'].includes(cmd.state.status)) {
      // Terminal: nothing more to deliver. Keep the id so late duplicates stay ignored.
      byDevice.get(deviceKey(cmd.tenantId, cmd.deviceId))?.delete(cmd.commandId);
    }
    return cmd;
  };

  return {
    apply,
    get: (commandId: string) => byId.get(commandId),
    /** Commands to deliver, in request order: requested, or dispatched but never answered. */
    deliverable: (tenantId: string, deviceId: string): QueuedCommand[] =>
      [...(byDevice.get(deviceKey(tenantId, deviceId))?.values() ?? [])]
        .filter((c) => !c.accepted && (c.state.status === 'requested' || c.state.status === 'dispatched'))
        .sort((a, b) => a.requestedAt - b.requestedAt),
    /** Accepted commands waiting for their completion (a CWMP TransferComplete, a USP OperationComplete), by the key they were sent with. */
    awaitingCompletion: (tenantId: string, deviceId: string, commandKey: string, keyOf: (c: QueuedCommand) => string): QueuedCommand | undefined =>
      [...(byDevice.get(deviceKey(tenantId, deviceId))?.values() ?? [])].find((c) => c.accepted && keyOf(c) === commandKey),
    size: () => byDevice.size,
  };
};

export type CommandQueue = ReturnType<typeof createCommandQueue>;

const parseArgs = (json: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
