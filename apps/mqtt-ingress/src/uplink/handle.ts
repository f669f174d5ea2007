import { toRecord, deterministicEventId, type AnyEvent, type EnvelopeMeta, type EventSource } from '@fleetlog/events';
import { parseTopic, type NativePublish, type UplinkMessage, type VendorRegistry } from '@fleetlog/mqtt-vendors';
import type { CommandDesk } from '../commands/desk.js';
import { isRegistered, isSettled, type Decided, type DeviceTracker, type TrackedDevice } from './devices.js';
import { deviceEventReported, envelopes, ingressRejected, messageIdOf, telemetryReported, type Incoming } from './records.js';

/** What handling a message (or a sweep) decided. The caller records `events`, then does the rest. */
export interface UplinkEffects<T> {
  readonly events: AnyEvent[];
  /** Protocol replies (DJI status_reply, events_reply): sent once `events` are durable. */
  readonly after: readonly NativePublish[];
  /** Requests that make a new device describe itself (Shelly.GetDeviceInfo): sent at once. */
  readonly identify: readonly NativePublish[];
  /** Devices this instance can reach now that it could not before: their pending commands go out. */
  readonly reachable: readonly TrackedDevice[];
  /** Messages whose events are all in `events`: acknowledge them once those are durable. */
  readonly release: readonly T[];
  readonly rejected: readonly string[];
  readonly ignored: readonly string[];
  /** Facts the domain refused to record (logged). */
  readonly refused: readonly { deviceId: string; code: string; message: string }[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer I)[] ? I[] : T[K] };
type Effects<T> = Mutable<UplinkEffects<T>>;

// Shared by the effects of the hot path, which never add to them.
const none: readonly never[] = Object.freeze([]);

type Envelope = (aggregateId: string, chain?: { correlationId: string; causationId: string | null }) => EnvelopeMeta;
/** A message whose acknowledgement waits for `pending` parts of it. */
type Hold<T> = { token: T; pending: number };
/** One message of a vendor's uplink, with where it came from. */
interface Piece<T> {
  tenantId: string;
  vendor: string;
  message: UplinkMessage;
  /** Said by the device now; a retained message replayed at subscribe time is not contact. */
  live: boolean;
  receivedAt: number;
  env: Envelope;
  hold: Hold<T>;
  incoming: Incoming;
}
/** A part of a message waiting for its device's registration. */
type Parked<T> = { run: (out: Effects<T>) => void; contact: boolean };

/** Parts of messages one unregistered device may have waiting; past it the device is registered as it is. */
const MAX_PARKED = 256;

const effects = <T>(): Effects<T> => ({ events: [], after: [], identify: [], reachable: [], release: [], rejected: [], ignored: [], refused: [] });

/**
 * Turns MQTT messages into events: the vendor adapter parses, the device decider decides presence,
 * registration and reports, the command desk settles commands. No I/O: the caller publishes the effects.
 *
 * A device's facts need it registered. A device that was asked to identify itself (Shelly) has its facts
 * wait until its identity arrives or the time is up; other unknown devices are registered at first sight.
 */
export const createUplinkHandler = <T>(deps: {
  registry: VendorRegistry;
  tracker: DeviceTracker;
  desk: CommandDesk;
  source: EventSource;
  identifyTimeoutMs: number;
}) => {
  const { registry, tracker, desk, source } = deps;
  const parked = new Map<TrackedDevice, Parked<T>[]>();
  let rejects = 0;

  const release = (out: Effects<T>, hold: Hold<T>) => {
    if (--hold.pending === 0) out.release.push(hold.token);
  };

  const reject = (out: Effects<T>, incoming: Incoming, tenantId: string | null, reasonCode: string, reason: string) => {
    const eventId = deterministicEventId('mqtt-reject', source.instance, incoming.receivedAt, rejects++);
    out.events.push(ingressRejected(incoming, { tenantId, reasonCode, reason }, { eventId, recordedAt: incoming.receivedAt, source }));
    out.rejected.push(reasonCode);
  };

  const record = (out: Effects<T>, env: Envelope, device: TrackedDevice, decided: Decided) => {
    if (decided.refused) out.refused.push({ deviceId: device.deviceId, code: decided.refused.code, message: decided.refused.message });
    for (const e of decided.events) {
      const meta = env(device.deviceId);
      // The same id whoever registers the device first: a repeat (a restart, another instance) is recognisable.
      if (e.type === 'DeviceRegistered') meta.eventId = deterministicEventId('mqtt-registered', device.tenantId, device.deviceId);
      out.events.push(toRecord(e, meta));
    }
  };

  /** Facts that waited for the registration, in the order they arrived. */
  const replay = (out: Effects<T>, device: TrackedDevice) => {
    const waiting = parked.get(device);
    if (!waiting || !isRegistered(device)) return;
    parked.delete(device);
    for (const p of waiting) p.run(out);
  };

  const registerAsIs = (out: Effects<T>, env: Envelope, device: TrackedDevice, at: number) => {
    record(out, env, device, tracker.register(device, null, at));
    replay(out, device);
  };

  const park = (out: Effects<T>, piece: Piece<T>, device: TrackedDevice, run: Parked<T>['run'], contact: boolean) => {
    const waiting = parked.get(device) ?? [];
    // Many reports in a row make one contact.
    if (contact && waiting.at(-1)?.contact) return;
    piece.hold.pending += 1;
    waiting.push({ contact, run: (later) => (run(later), release(later, piece.hold)) });
    parked.set(device, waiting);
    if (waiting.length >= MAX_PARKED) registerAsIs(out, piece.env, device, piece.message.at);
  };

  /** True when the device is registered (registering it now if nothing is awaited); otherwise `run` waits for it. */
  const registered = (out: Effects<T>, piece: Piece<T>, device: TrackedDevice, run: Parked<T>['run'], contact = false): boolean => {
    if (isRegistered(device)) return true;
    if (device.identifyUntil !== null) {
      park(out, piece, device, run, contact);
      return false;
    }
    registerAsIs(out, piece.env, device, piece.message.at);
    return isRegistered(device);
  };

  /** Anything a device says now is contact: an offline device comes online. */
  const contact = (out: Effects<T>, piece: Piece<T>, device: TrackedDevice, expectedIntervalSeconds: number | null = null) => {
    if (!piece.live && piece.message.type !== 'presence') return;
    const run = (o: Effects<T>) => {
      const decided = tracker.contact(device, piece.message.at, piece.receivedAt, expectedIntervalSeconds);
      record(o, piece.env, device, decided);
      if (decided.became) o.reachable.push(device);
    };
    if (registered(out, piece, device, run, true)) run(out);
  };

  /**
   * One part of a message. What only says the device is there (telemetry, reports, answers) is contact,
   * taken once per device after the whole message: a message that announces the device (its identity, its
   * presence with an interval) says it better, so it is not taken from the rest of that message.
   */
  const process = (out: Effects<T>, piece: Piece<T>, touched: Map<TrackedDevice, Piece<T>>, announced: Set<TrackedDevice>) => {
    const { message: m, tenantId, vendor, env } = piece;
    const { device, first } = tracker.see(tenantId, m, vendor);
    if (first && !isRegistered(device)) {
      const asks = registry.identify(tenantId, m.deviceId, new Date(piece.receivedAt));
      if (asks.ok && asks.value.length > 0) {
        out.identify.push(...asks.value);
        device.identifyUntil = piece.receivedAt + deps.identifyTimeoutMs;
      }
    }
    const again = (o: Effects<T>) => processAll(o, [piece]);
    switch (m.type) {
      case 'telemetry':
        out.events.push(telemetryReported(env(m.deviceId), m));
        touched.set(device, piece);
        return;
      case 'identity':
        announced.add(device);
        record(out, env, device, tracker.register(device, m.identity, m.at));
        replay(out, device);
        return;
      case 'presence':
        announced.add(device);
        if (!registered(out, piece, device, again)) return;
        if (m.state === 'online') contact(out, piece, device, m.expectedIntervalSeconds);
        else record(out, env, device, tracker.offline(device, m.reason, m.at));
        return;
      case 'parameters':
        if (!registered(out, piece, device, again)) return;
        record(out, env, device, tracker.report(device, m));
        touched.set(device, piece);
        return;
      case 'event':
        if (!registered(out, piece, device, again)) return;
        out.events.push(deviceEventReported(env(m.deviceId, desk.chainOf(tenantId, m.deviceId, m.correlationKey)), vendor, m));
        touched.set(device, piece);
        return;
      case 'commandResult': {
        const verdict = desk.result(tenantId, m.deviceId, m, piece.receivedAt);
        if (verdict.kind === 'recorded') out.events.push(...verdict.events);
        else if (verdict.kind === 'rejected') reject(out, piece.incoming, tenantId, verdict.reasonCode, verdict.reason);
        else out.ignored.push('repeated-command-result');
        touched.set(device, piece);
        return;
      }
      case 'topology':
        for (const gone of tracker.topology(device, m.subDevices, m.at)) record(out, env, gone.device, gone.decided);
        touched.set(device, piece);
        return;
    }
  };

  const processAll = (out: Effects<T>, pieces: readonly Piece<T>[]) => {
    const touched = new Map<TrackedDevice, Piece<T>>();
    const announced = new Set<TrackedDevice>();
    for (const piece of pieces) process(out, piece, touched, announced);
    for (const [device, piece] of touched) if (!announced.has(device)) contact(out, piece, device);
  };

  return {
    /** One message from the broker; `token` comes back in `release` once its events are all decided. */
    handle: (incoming: Incoming, token: T): UplinkEffects<T> => {
      // An empty payload is how a retained message is cleared: nothing was said.
      if (incoming.payload.length === 0) {
        const out = effects<T>();
        out.ignored.push('empty-payload');
        out.release.push(token);
        return out;
      }
      const routed = registry.parseUplink(incoming.topic, incoming.payload, new Date(incoming.receivedAt));
      if (!routed.ok) {
        const out = effects<T>();
        const topic = parseTopic(incoming.topic, registry.prefix);
        reject(out, incoming, topic.ok ? topic.value.tenantId : null, routed.error.code, routed.error.message);
        out.release.push(token);
        return out;
      }
      const { tenantId, vendor, messages, replies } = routed.value;
      const [only] = messages;
      // The hot path: a report of a device that is registered, online and reachable only adds telemetry.
      if (only?.type === 'telemetry' && messages.length === 1 && replies.length === 0 && !incoming.retained) {
        const device = tracker.get(tenantId, only.deviceId);
        if (device && isSettled(device)) {
          tracker.heard(device, incoming.receivedAt);
          const meta = envelopes(messageIdOf(incoming, only.at), tenantId, incoming.receivedAt, source)(only.deviceId);
          return { events: [telemetryReported(meta, only)], after: none, identify: none, reachable: none, release: [token], rejected: none, ignored: none, refused: none };
        }
      }
      const out = effects<T>();
      if (messages.length === 0) out.ignored.push('nothing-to-record');
      out.after.push(...replies);
      const env = envelopes(messageIdOf(incoming, messages[0]?.at ?? incoming.receivedAt), tenantId, incoming.receivedAt, source);
      const hold: Hold<T> = { token, pending: 1 };
      processAll(
        out,
        messages.map((message) => ({ tenantId, vendor, message, live: !incoming.retained, receivedAt: incoming.receivedAt, env, hold, incoming })),
      );
      release(out, hold);
      return out;
    },

    /** Time-driven facts: devices that never identified themselves are registered as they are; silent ones go offline. */
    sweep: (now: number): UplinkEffects<T> => {
      const out = effects<T>();
      const envOf = (device: TrackedDevice, what: string) => envelopes(deterministicEventId('mqtt-sweep', device.tenantId, device.deviceId, what, now), device.tenantId, now, source);
      for (const device of tracker.unidentified(now)) registerAsIs(out, envOf(device, 'identify-timeout'), device, now);
      for (const device of tracker.silent(now)) record(out, envOf(device, 'silent'), device, tracker.offline(device, 'missed-contact-window', now));
      return out;
    },

    /** Parts of messages waiting for a registration. */
    parked: () => [...parked.values()].reduce((n, waiting) => n + waiting.length, 0),
  };
};

export type UplinkHandler<T> = ReturnType<typeof createUplinkHandler<T>>;
