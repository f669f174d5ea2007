import type { AnyEvent, CommandEvent, DeviceEvent } from '../generated/index.js';
import { deterministicEventId } from '../envelope.js';

/** A small seeded generator (mulberry32): the same seed gives the same log. */
export const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const PATHS = [
  'Device.DeviceInfo.SoftwareVersion',
  'Device.DeviceInfo.UpTime',
  'Device.WiFi.SSID.1.SSID',
  'Device.WiFi.Radio.1.Channel',
  'Device.ManagementServer.PeriodicInformInterval',
  'Device.Hosts.HostNumberOfEntries',
];

/**
 * A realistic device and command log for one tenant, in the order an ingress and the API would
 * write it: per device, sessions (started, informed, parameters, ended), commands with their
 * lifecycle, tags, now and then a device going offline. Deterministic for a seed; `count` events.
 */
export const syntheticDeviceLog = (opts: { tenantId: string; devices: number; count: number; seed?: number; startAt?: number }): AnyEvent[] => {
  const rnd = seededRandom(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const start = opts.startAt ?? 1_790_000_000_000;
  const out: AnyEvent[] = [];
  const clock = new Map<number, number>();
  const registered = new Set<number>();
  const source = { app: 'synthetic', instance: 'seed' };
  let n = 0;

  const base = (device: number, type: string, aggregateId: string, correlationId: string, causationId: string | null) => {
    const at = (clock.get(device) ?? start + device * 1000) + 1000 + Math.floor(rnd() * 60_000);
    clock.set(device, at);
    return { eventId: deterministicEventId('synthetic', opts.tenantId, opts.seed ?? 1, n++), type, tenantId: opts.tenantId, aggregateId, occurredAt: at, recordedAt: at, correlationId, causationId, source };
  };
  const deviceId = (d: number) => `00D09E-SIM-${String(d).padStart(7, '0')}`;
  const dev = (d: number, type: DeviceEvent['type'], payload: unknown, corr = `s-${opts.tenantId}-${d}-${n}`) => ({ ...base(d, type, deviceId(d), corr, null), payload }) as unknown as DeviceEvent;

  while (out.length < opts.count) {
    const d = Math.floor(rnd() * opts.devices);
    if (!registered.has(d)) {
      registered.add(d);
      out.push(dev(d, 'DeviceRegistered', { protocol: 'CWMP', identity: { manufacturer: 'Example', oui: '00D09E', productClass: pick(['IGD', 'HG8245', 'F660']), serialNumber: `SIM-${d}`, endpointId: null, vendor: null, clientId: null } }));
      continue;
    }
    const roll = rnd();
    if (roll < 0.55) {
      const sessionId = `sess-${opts.tenantId}-${n}`;
      out.push(dev(d, 'DeviceSessionStarted', { sessionId, channel: 'cwmp-session', remoteAddress: '10.0.0.1' }, sessionId));
      out.push(
        dev(d, 'DeviceInformed', { sessionId, events: [{ eventCode: '2 PERIODIC', commandKey: '' }], manufacturer: 'Example', softwareVersion: pick(['1.0', '1.1', '2.0']), hardwareVersion: 'HW1', connectionRequestUrl: `http://10.0.${d % 250}.1:7548/`, retryCount: 0, deviceTime: null }, sessionId),
      );
      const parameters = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => {
        const path = pick(PATHS);
        return { path, value: path.endsWith('Interval') ? pick(['300', '600', '3600']) : String(Math.floor(rnd() * 5)), valueType: path.endsWith('SSID') || path.endsWith('Version') ? 'string' : 'unsignedInt', writable: rnd() < 0.5 ? null : rnd() < 0.5 };
      });
      out.push(dev(d, 'DeviceParametersReported', { origin: pick(['inform', 'get']), parameters }, sessionId));
      out.push(dev(d, 'DeviceSessionEnded', { sessionId, startedAt: clock.get(d)! - 500, outcome: pick(['completed', 'completed', 'timed-out']), messagesIn: 3, messagesOut: 3, rpcsDispatched: 0 }, sessionId));
    } else if (roll < 0.8) {
      const commandId = `cmd-${opts.tenantId}-${n}`;
      const corr = `op-${commandId}`;
      const cmd = (type: CommandEvent['type'], payload: unknown, cause: string | null) => ({ ...base(d, type, commandId, corr, cause), payload }) as unknown as CommandEvent;
      const requested = cmd('CommandRequested', { deviceId: deviceId(d), protocol: 'CWMP', kind: 'cwmp.Reboot', arguments: JSON.stringify({ commandKey: commandId, password: 'secret' }), deadline: start + 10 * 86_400_000, requestedBy: 'user:synthetic', batchId: rnd() < 0.3 ? `batch-${d % 7}` : null }, null);
      out.push(requested);
      const dispatched = cmd('CommandDispatched', { deviceId: deviceId(d), attempt: 1, channel: 'cwmp-session' }, requested.eventId);
      out.push(dispatched);
      out.push(
        rnd() < 0.8
          ? cmd('CommandSucceeded', { deviceId: deviceId(d), result: JSON.stringify({ status: 0 }) }, dispatched.eventId)
          : cmd('CommandFailed', { deviceId: deviceId(d), code: 'CWMP_FAULT', message: '9002 Internal error', faultCode: 9002 }, dispatched.eventId),
      );
    } else if (roll < 0.9) {
      out.push(dev(d, rnd() < 0.7 ? 'DeviceTagged' : 'DeviceUntagged', { tag: pick(['pilot', 'vip', 'north', 'south']) }));
    } else if (roll < 0.95) {
      out.push(dev(d, 'DeviceWentOnline', { via: 'cwmp-session', expectedIntervalSeconds: pick([null, 600, 3600]) }));
    } else {
      out.push(dev(d, 'DeviceWentOffline', { lastContactAt: clock.get(d)! - 1000, reason: 'missed-contact-window' }));
    }
  }
  return out.slice(0, opts.count);
};

/** Five metrics a gateway typically reports, for telemetry tests and benchmarks. */
export const SAMPLE_METRICS: readonly { metric: string; unit: string | null }[] = [
  { metric: 'cpu.load', unit: '%' },
  { metric: 'mem.used', unit: 'MiB' },
  { metric: 'wifi.rssi', unit: 'dBm' },
  { metric: 'wan.rx.rate', unit: 'bit/s' },
  { metric: 'temp.soc', unit: null },
];
