import { decideCommand, isTerminal, type CommandLifecycleCommand, type JsonValue } from '@fleetlog/domain';
import { deterministicEventId, toRecord, type AnyEvent, type CommandEvent, type EventSource } from '@fleetlog/events';
import type { CommandResultMessage, NativePublish, VendorRegistry } from '@fleetlog/mqtt-vendors';
import type { CommandQueue, QueuedCommand } from '@fleetlog/platform';

/** What delivering a device's commands decided: events to record, and the downlinks to send once they are durable. */
export interface Delivery {
  events: AnyEvent[];
  downlinks: NativePublish[];
  /** Decisions the domain refused (logged). */
  refused: { commandId: string; code: string; message: string }[];
}

export type ResultVerdict =
  | { kind: 'recorded'; events: AnyEvent[] }
  | { kind: 'rejected'; reasonCode: string; reason: string }
  /** An answer to a command that is already settled: a repeat of what is recorded. */
  | { kind: 'repeated' };

// Fleetlog failure codes are upper-case words; Avro's int bounds a fault code.
const maxFaultCode = 2_147_483_647;

/**
 * The MQTT side of the command lifecycle, without I/O: which pending commands go to a device, what its
 * answers mean, and when commands expire. Every transition goes through the domain's command decider;
 * event ids are derived from the command, so instances that decide the same thing write the same ids.
 */
export const createCommandDesk = (deps: {
  queue: CommandQueue;
  registry: VendorRegistry;
  source: EventSource;
  /** Whether this instance can reach the device now, and how often it became reachable. */
  reachability: (tenantId: string, deviceId: string) => { reachable: boolean; epoch: number } | undefined;
}) => {
  const { queue, registry, source } = deps;
  /** Device epoch each command was last sent in: sent again only after the device reconnects. */
  const sentIn = new Map<string, number>();
  /** Decided to end (answered, failed, expired) and waiting for the event to be durable. */
  const settling = new Set<string>();
  /** Devices with MQTT commands, for the expiry sweep. */
  const devices = new Map<string, { tenantId: string; deviceId: string }>();

  const decide = (cmd: QueuedCommand, command: CommandLifecycleCommand, refused: Delivery['refused'], recordedAt: number): AnyEvent[] => {
    const decision = decideCommand(command, cmd.state);
    if (!decision.ok) {
      refused.push({ commandId: cmd.commandId, code: decision.error.code, message: decision.error.message });
      return [];
    }
    let cause = cmd.lastEventId;
    return decision.value.map((e) => {
      const attempt = e.type === 'CommandDispatched' ? e.data.attempt : 0;
      const record = toRecord(e, {
        eventId: deterministicEventId('mqtt-command', cmd.commandId, e.type, attempt),
        tenantId: cmd.tenantId,
        aggregateId: cmd.commandId,
        recordedAt,
        correlationId: cmd.correlationId,
        causationId: cause,
        source,
      });
      cause = record.eventId;
      return record;
    });
  };

  const settle = (cmd: QueuedCommand, command: CommandLifecycleCommand, refused: Delivery['refused'], recordedAt: number): AnyEvent[] => {
    const events = decide(cmd, command, refused, recordedAt);
    if (events.length > 0) settling.add(cmd.commandId);
    return events;
  };

  return {
    /** Folds a command event (from the topic, or one of ours once durable). */
    apply: (record: CommandEvent): QueuedCommand | undefined => {
      const cmd = queue.apply(record);
      if (!cmd) return undefined;
      const key = `${cmd.tenantId}/${cmd.deviceId}`;
      if (isTerminal(cmd.state)) {
        settling.delete(cmd.commandId);
        sentIn.delete(cmd.commandId);
      } else devices.set(key, { tenantId: cmd.tenantId, deviceId: cmd.deviceId });
      return cmd;
    },

    /**
     * The device's pending commands, encoded for it, when this instance can reach it: requested ones,
     * and dispatched ones it did not answer before it last went away. Overdue ones expire instead.
     */
    deliver: (tenantId: string, deviceId: string, now: number): Delivery => {
      const out: Delivery = { events: [], downlinks: [], refused: [] };
      const device = deps.reachability(tenantId, deviceId);
      if (!device?.reachable) return out;
      for (const cmd of queue.deliverable(tenantId, deviceId)) {
        if (settling.has(cmd.commandId) || sentIn.get(cmd.commandId) === device.epoch) continue;
        if (now >= cmd.deadline) {
          out.events.push(...settle(cmd, { type: 'ExpireCommand', data: { now } }, out.refused, now));
          continue;
        }
        const encoded = registry.encodeDownlink(tenantId, deviceId, (cmd.args['payload'] ?? null) as JsonValue, cmd.commandId, new Date(now));
        if (!encoded.ok) {
          out.events.push(...settle(cmd, { type: 'FailCommand', data: { code: encoded.error.code, message: encoded.error.message, faultCode: null, now } }, out.refused, now));
          continue;
        }
        const dispatched = decide(cmd, { type: 'DispatchCommand', data: { channel: 'mqtt', now } }, out.refused, now);
        if (dispatched.length === 0) continue;
        sentIn.set(cmd.commandId, device.epoch);
        out.events.push(...dispatched);
        out.downlinks.push(encoded.value);
      }
      return out;
    },

    /** A device's answer, matched by the correlation key it was sent with (the command id). */
    result: (tenantId: string, deviceId: string, m: CommandResultMessage, now: number): ResultVerdict => {
      const cmd = queue.get(m.correlationKey);
      if (!cmd || cmd.tenantId !== tenantId) return { kind: 'rejected', reasonCode: 'MQTT_COMMAND_UNKNOWN', reason: `no MQTT command ${JSON.stringify(m.correlationKey)} for this tenant` };
      if (cmd.deviceId !== deviceId) return { kind: 'rejected', reasonCode: 'MQTT_COMMAND_MISMATCH', reason: `command ${cmd.commandId} was sent to ${cmd.deviceId}, not ${deviceId}` };
      if (settling.has(cmd.commandId) || isTerminal(cmd.state)) return { kind: 'repeated' };
      const refused: Delivery['refused'] = [];
      const { outcome } = m;
      let events: AnyEvent[];
      if (outcome.status === 'success') events = settle(cmd, { type: 'CompleteCommand', data: { result: outcome.output, now: m.at } }, refused, now);
      else {
        const fault = outcome.faultCode !== null && outcome.faultCode >= 0 && outcome.faultCode <= maxFaultCode ? outcome.faultCode : null;
        // A negative vendor code (Shelly's -103) cannot be a faultCode; the message keeps it.
        const message = fault === null && outcome.faultCode !== null ? `${outcome.message} (code ${outcome.faultCode})` : outcome.message;
        events = settle(cmd, { type: 'FailCommand', data: { code: outcome.code, message, faultCode: fault, now: m.at } }, refused, now);
      }
      const [why] = refused;
      return why ? { kind: 'rejected', reasonCode: `MQTT_${why.code}`, reason: why.message } : { kind: 'recorded', events };
    },

    /** The causal chain of a pending command that a device event names (a DJI event's bid). */
    chainOf: (tenantId: string, deviceId: string, key: string | null): { correlationId: string; causationId: string | null } | undefined => {
      const cmd = key === null ? undefined : queue.get(key);
      return cmd && cmd.tenantId === tenantId && cmd.deviceId === deviceId ? { correlationId: cmd.correlationId, causationId: cmd.lastEventId } : undefined;
    },

    /** Commands whose deadline passed, whether or not their device is reachable. */
    expire: (now: number): Delivery => {
      const out: Delivery = { events: [], downlinks: [], refused: [] };
      for (const [key, { tenantId, deviceId }] of devices) {
        const pending = queue.deliverable(tenantId, deviceId);
        if (pending.length === 0) devices.delete(key);
        for (const cmd of pending) {
          if (now >= cmd.deadline && !settling.has(cmd.commandId)) out.events.push(...settle(cmd, { type: 'ExpireCommand', data: { now } }, out.refused, now));
        }
      }
      return out;
    },
  };
};

export type CommandDesk = ReturnType<typeof createCommandDesk>;
