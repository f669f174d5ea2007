import { decideDevice, evolveDevice, initialDeviceState, parseDeviceId, type DeviceEvent, type DeviceState, type DomainError, type OfflineReason } from '@fleetlog/domain';
import type { IdentityFields, ParametersMessage } from '@fleetlog/mqtt-vendors';

/** A device of the devices read model, as the ingress needs it at start. */
export interface KnownDevice {
  tenantId: string;
  deviceId: string;
  online: boolean;
  expectedIntervalSeconds: number | null;
}

/** What this instance knows about one device, kept in memory and decided on through the device decider. */
export interface TrackedDevice {
  readonly tenantId: string;
  readonly deviceId: string;
  readonly vendor: string;
  readonly clientId: string;
  /** The decider's state; parameters are not folded into it (the ingress never decides on them). */
  state: DeviceState;
  /** Set while a device that was asked to identify itself has not answered: its facts wait until then. */
  identifyUntil: number | null;
  /** Latest contact of a device that is not registered yet, recorded once it is. */
  pendingContactAt: number | null;
  /** When this instance last heard from the device itself (not a retained message). */
  lastSeenAt: number | null;
  /** This instance heard from it since it last went offline: downlinks can go out. */
  reachable: boolean;
  /** Counts the times it became reachable, so a command sent and not answered is sent again after a reconnect. */
  epoch: number;
  expectedIntervalSeconds: number | null;
  /** The last parameter report recorded, to drop repeats (DJI osd text every 2 s). */
  lastReport: string | null;
  /** A gateway's relayed devices at its last topology report. */
  subDevices: ReadonlySet<string> | null;
}

export interface Decided {
  events: DeviceEvent[];
  /** Why the decider refused, when it did (logged; nothing is recorded). */
  refused?: DomainError;
}

const VIA = 'mqtt';

/** A function, not a property test, so that checks after a decision are not narrowed away by the one before it. */
export const isRegistered = (device: TrackedDevice): boolean => device.state.status === 'registered';

/** Registered, online and reachable from here: a report from it changes nothing about the device itself. */
export const isSettled = (device: TrackedDevice): boolean => device.reachable && device.state.status === 'registered' && device.state.online;

const identityOf = (vendor: string, clientId: string, fields: IdentityFields | null) => ({
  vendor,
  clientId,
  manufacturer: fields?.manufacturer ?? null,
  productClass: fields?.productClass ?? null,
  serialNumber: fields?.serialNumber ?? null,
});

const reportSignature = (m: ParametersMessage): string => `${m.origin}\n${m.parameters.map((p) => `${p.path}\u0000${p.valueType}\u0000${p.value}`).join('\n')}`;

/**
 * Every device this instance has seen, with presence, registration and report de-duplication decided
 * through the domain's device decider. Pure: time comes in as arguments, nothing is published here.
 */
export const createDeviceTracker = (settings: { missedIntervals: number; graceSeconds: number }) => {
  // By tenant, then device: a lookup on the hot path builds no key string.
  const tenants = new Map<string, Map<string, TrackedDevice>>();
  const lookup = (tenantId: string, deviceId: string) => tenants.get(tenantId)?.get(deviceId);
  const store = (device: TrackedDevice) => {
    const devices = tenants.get(device.tenantId) ?? tenants.set(device.tenantId, new Map()).get(device.tenantId)!;
    devices.set(device.deviceId, device);
  };
  let count = 0;
  function* all(): Generator<TrackedDevice> {
    for (const devices of tenants.values()) yield* devices.values();
  }

  const decide = (device: TrackedDevice, command: Parameters<typeof decideDevice>[0], fold = true): Decided => {
    const decision = decideDevice(command, device.state);
    if (!decision.ok) return { events: [], refused: decision.error };
    const events = [...decision.value];
    if (fold) for (const event of events) device.state = evolveDevice(device.state, event);
    return { events };
  };

  const entry = (tenantId: string, deviceId: string, vendor: string, clientId: string): TrackedDevice => ({
    tenantId,
    deviceId,
    vendor,
    clientId,
    state: initialDeviceState(),
    identifyUntil: null,
    pendingContactAt: null,
    lastSeenAt: null,
    reachable: false,
    epoch: 0,
    expectedIntervalSeconds: null,
    lastReport: null,
    subDevices: null,
  });

  const heard = (device: TrackedDevice, now: number) => {
    device.lastSeenAt = Math.max(device.lastSeenAt ?? now, now);
  };

  const offline = (device: TrackedDevice, reason: OfflineReason, at: number): Decided => {
    device.reachable = false;
    return decide(device, { type: 'MarkOffline', data: { reason, now: at, lastContactAt: device.lastSeenAt } });
  };

  return {
    /** Devices registered before this instance started, so they are not registered again. */
    seed: (known: readonly KnownDevice[], now: number) => {
      for (const k of known) {
        const id = parseDeviceId(k.deviceId);
        if (!id.ok || id.value.protocol !== 'MQTT') continue;
        const device = entry(k.tenantId, k.deviceId, id.value.vendor, id.value.clientId);
        device.state = {
          status: 'registered',
          protocol: 'MQTT',
          identity: { ...identityOf(id.value.vendor, id.value.clientId, null), oui: null, endpointId: null },
          registeredAt: now,
          online: k.online,
          lastContactAt: null,
          expectedIntervalSeconds: k.expectedIntervalSeconds,
          tags: new Set(),
          parameters: new Map(),
        };
        device.expectedIntervalSeconds = k.expectedIntervalSeconds;
        // Silence is counted from now: telemetry, the usual contact, never reaches the read model.
        device.lastSeenAt = k.online ? now : null;
        if (!lookup(k.tenantId, k.deviceId)) count += 1;
        store(device);
      }
    },

    get: lookup,

    /** The device a message is about; `first` when this instance never saw it before. */
    see: (tenantId: string, ref: { deviceId: string; clientId: string }, vendor: string): { device: TrackedDevice; first: boolean } => {
      const known = lookup(tenantId, ref.deviceId);
      if (known) return { device: known, first: false };
      const device = entry(tenantId, ref.deviceId, vendor, ref.clientId);
      store(device);
      count += 1;
      return { device, first: true };
    },

    /** RegisterDevice with what the device said about itself, or with only its vendor and client id. */
    register: (device: TrackedDevice, fields: IdentityFields | null, at: number): Decided => {
      const command = (identity: IdentityFields | null) =>
        ({ type: 'RegisterDevice', data: { tenantId: device.tenantId, deviceId: device.deviceId, protocol: 'MQTT', identity: identityOf(device.vendor, device.clientId, identity), now: at } }) as const;
      if (isRegistered(device)) return { events: [] };
      let decided = decide(device, command(fields));
      // An identity the domain refuses still leaves the device registrable by its topic alone.
      if (decided.refused && fields !== null) decided = decide(device, command(null));
      if (isRegistered(device)) device.identifyUntil = null;
      return decided;
    },

    /**
     * The device made contact at `at`: RecordContact, which brings an offline device online. `became`
     * tells that this instance can now send it downlinks (it could not before).
     */
    contact: (device: TrackedDevice, at: number, now: number, expectedIntervalSeconds: number | null): Decided & { became: boolean } => {
      heard(device, now);
      if (expectedIntervalSeconds !== null) device.expectedIntervalSeconds = expectedIntervalSeconds;
      if (device.state.status !== 'registered') {
        device.pendingContactAt = Math.max(device.pendingContactAt ?? at, at);
        return { events: [], became: false };
      }
      const decided = device.state.online
        ? { events: [] }
        : decide(device, { type: 'RecordContact', data: { via: VIA, expectedIntervalSeconds: expectedIntervalSeconds ?? device.expectedIntervalSeconds, now: at } });
      const became = !device.reachable;
      if (became) {
        device.reachable = true;
        device.epoch += 1;
      }
      return { ...decided, became };
    },

    offline,

    /** The device said something that needs no decision (the telemetry of a settled device). */
    heard,

    /** ReportParameters, unless the report is the same as the last one recorded for the device. */
    report: (device: TrackedDevice, m: ParametersMessage): Decided => {
      const signature = reportSignature(m);
      if (signature === device.lastReport) return { events: [] };
      // Not folded: the state would grow with every parameter, and nothing here decides on them.
      const decided = decide(device, { type: 'ReportParameters', data: { origin: m.origin, parameters: m.parameters, now: m.at } }, false);
      if (!decided.refused) device.lastReport = signature;
      return decided;
    },

    /** A gateway's new list of relayed devices: those it no longer lists went offline. */
    topology: (gateway: TrackedDevice, subDevices: readonly string[], at: number): { device: TrackedDevice; decided: Decided }[] => {
      const before = gateway.subDevices ?? new Set<string>();
      gateway.subDevices = new Set(subDevices);
      const gone: { device: TrackedDevice; decided: Decided }[] = [];
      for (const deviceId of before) {
        const device = lookup(gateway.tenantId, deviceId);
        if (device && !gateway.subDevices.has(deviceId)) gone.push({ device, decided: offline(device, 'disconnected', at) });
      }
      return gone;
    },

    /** Online devices with a reporting interval that have been silent for too long. */
    silent: (now: number): TrackedDevice[] =>
      [...all()].filter((d) => {
        if (d.state.status !== 'registered' || !d.state.online || d.expectedIntervalSeconds === null || d.lastSeenAt === null) return false;
        return now - d.lastSeenAt > (d.expectedIntervalSeconds * settings.missedIntervals + settings.graceSeconds) * 1000;
      }),

    /** Devices asked to identify themselves that did not answer in time. */
    unidentified: (now: number): TrackedDevice[] => [...all()].filter((d) => d.identifyUntil !== null && d.identifyUntil <= now),

    size: () => count,
  };
};

export type DeviceTracker = ReturnType<typeof createDeviceTracker>;
