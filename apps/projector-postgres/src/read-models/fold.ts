import { maskJsonText, maskSecrets } from '@fleetlog/domain';
import type { AnyEvent, CommandEvent, DeviceEvent, TenantEvent } from '@fleetlog/events';
import type { ReadModel } from './models.js';

/** An event with its place in the log. */
export interface PositionedEvent {
  event: AnyEvent;
  topic: string;
  partition: number;
  offset: string;
}

/** A field left undefined is not changed by the batch; `null` is never written over a value. */
export interface DevicePatch {
  tenantId: string;
  deviceId: string;
  protocol?: string;
  manufacturer?: string | null;
  oui?: string | null;
  productClass?: string | null;
  serialNumber?: string | null;
  endpointId?: string | null;
  vendor?: string | null;
  clientId?: string | null;
  softwareVersion?: string | null;
  hardwareVersion?: string | null;
  connectionRequestUrl?: string | null;
  firstSeenAt?: number;
  lastContactAt?: number;
  online?: { value: boolean; at: number };
  expectedIntervalSeconds?: number;
  /** Net tag changes of the batch: the last operation on a tag wins. */
  tags: Map<string, 'add' | 'remove'>;
  /** Device events folded into this patch. */
  events: number;
  updatedAt: number;
  lastEventId: string;
}

export interface ParameterReport {
  tenantId: string;
  deviceId: string;
  path: string;
  value: string;
  valueType: string;
  writable: boolean | null;
  at: number;
  origin: string;
  eventId: string;
  /** Position in the log: breaks ties between changes at the same time. */
  position: bigint;
}

export type CommandStatus = 'REQUESTED' | 'DISPATCHED' | 'ACCEPTED' | 'SUCCEEDED' | 'FAILED' | 'EXPIRED' | 'CANCELLED';

export interface CommandPatch {
  tenantId: string;
  commandId: string;
  deviceId: string;
  correlationId: string;
  status: CommandStatus;
  protocol?: string;
  kind?: string;
  arguments?: string;
  requestedBy?: string;
  batchId?: string | null;
  requestedAt?: number;
  deadline?: number;
  dispatchedAt?: number;
  attempts?: number;
  acceptedAt?: number;
  acceptedDetail?: string;
  completedAt?: number;
  result?: string;
  errorCode?: string;
  errorMessage?: string;
  faultCode?: number | null;
  cancelledBy?: string;
  cancelReason?: string | null;
  updatedAt: number;
  lastEventId: string;
}

export interface SessionPatch {
  tenantId: string;
  sessionId: string;
  deviceId: string;
  channel?: string;
  remoteAddress?: string | null;
  startedAt: number;
  endedAt?: number;
  outcome?: string;
  messagesIn?: number;
  messagesOut?: number;
  rpcsDispatched?: number;
}

export interface TimelineRow {
  tenantId: string;
  deviceId: string;
  recordedAt: number;
  eventId: string;
  eventType: string;
  occurredAt: number;
  aggregateId: string;
  correlationId: string;
  causationId: string | null;
  sourceApp: string;
  summary: string;
  topic: string;
  partition: number;
  offset: string;
}

export interface TenantPatch {
  tenantId: string;
  name: string;
  createdAt: number;
  lastEventId: string;
}

export interface ApiKeyPatch {
  tenantId: string;
  keyId: string;
  name?: string;
  keyHash?: string;
  role?: string;
  issuedAt?: number;
  revokedAt?: number;
}

/** What one batch of events changes in the read models, folded so each row is written once. */
export interface Changes {
  tenants: Map<string, TenantPatch>;
  apiKeys: Map<string, ApiKeyPatch>;
  devices: Map<string, DevicePatch>;
  parameters: ParameterReport[];
  commands: Map<string, CommandPatch>;
  sessions: Map<string, SessionPatch>;
  timeline: TimelineRow[];
}

/** A coded error for an event that cannot be applied: it goes to the DLQ with this reason. */
export class ProjectionError extends Error {
  constructor(
    readonly code: 'PROJECTION_INVALID_EVENT',
    message: string,
  ) {
    super(message);
    this.name = 'ProjectionError';
  }
}

const PERIODIC_INTERVAL = /(^|\.)ManagementServer\.PeriodicInformInterval$/;
/** The device's own description, whichever protocol reported it (TR-181, TR-098, an MQTT adapter's DeviceInfo). */
const DEVICE_INFO = /^(?:Device\.|InternetGatewayDevice\.)?DeviceInfo\.(Manufacturer|ManufacturerOUI|ProductClass|SerialNumber|SoftwareVersion|HardwareVersion)$/;
const DEVICE_INFO_FIELDS = {
  Manufacturer: 'manufacturer',
  ManufacturerOUI: 'oui',
  ProductClass: 'productClass',
  SerialNumber: 'serialNumber',
  SoftwareVersion: 'softwareVersion',
  HardwareVersion: 'hardwareVersion',
} as const;
const MAX_INTERVAL_SECONDS = 31 * 24 * 3600;

/** JSON text as stored for operators: secrets replaced (see maskSecrets), everything else as sent. */
export const maskedJson = (text: string): string => JSON.stringify(maskJsonText(text));

const isDeviceEvent = (e: AnyEvent): e is DeviceEvent => e.type.startsWith('Device');
const isCommandEvent = (e: AnyEvent): e is CommandEvent => e.type.startsWith('Command');
const isTenantEvent = (e: AnyEvent): e is TenantEvent => e.type.startsWith('Tenant');

const checkTime = (name: string, ms: number) => {
  // Postgres timestamptz spans far more, but a time outside years 1970–9999 is a broken clock.
  if (!Number.isFinite(ms) || ms < 0 || ms > 253_402_300_799_999) throw new ProjectionError('PROJECTION_INVALID_EVENT', `${name} ${ms} is not a usable time`);
  return ms;
};

/** The timeline's copy of a payload: JSON texts inside it (arguments, results) unfolded, secrets masked. */
const summaryOf = (e: DeviceEvent | CommandEvent): unknown => {
  switch (e.type) {
    case 'CommandRequested':
      return { ...e.payload, arguments: maskJsonText(e.payload.arguments) };
    case 'CommandSucceeded':
      return { ...e.payload, result: maskJsonText(e.payload.result) };
    case 'CommandAccepted':
      return { ...e.payload, detail: maskJsonText(e.payload.detail) };
    default:
      return maskSecrets(e.payload);
  }
};

/**
 * Folds events, in log order, into the rows they change. Pure: the parameters' change detection,
 * which needs the stored values, happens in foldParameters.
 */
export const foldEvents = (events: PositionedEvent[], models: ReadonlySet<ReadModel>): Changes => {
  const changes: Changes = { tenants: new Map(), apiKeys: new Map(), devices: new Map(), parameters: [], commands: new Map(), sessions: new Map(), timeline: [] };
  for (const positioned of events) foldOne(changes, positioned, models);
  return changes;
};

const foldOne = (c: Changes, { event: e, topic, partition, offset }: PositionedEvent, models: ReadonlySet<ReadModel>) => {
  checkTime('recordedAt', e.recordedAt);
  if (isTenantEvent(e)) {
    if (models.has('tenants')) foldTenant(c, e);
    return;
  }
  if (!isDeviceEvent(e) && !isCommandEvent(e)) return;
  checkTime('occurredAt', e.occurredAt);
  const deviceId = isDeviceEvent(e) ? e.aggregateId : e.payload.deviceId;
  if (!deviceId) throw new ProjectionError('PROJECTION_INVALID_EVENT', `${e.type} ${e.eventId} names no device`);
  if (models.has('timeline')) {
    c.timeline.push({
      tenantId: e.tenantId,
      deviceId,
      recordedAt: e.recordedAt,
      eventId: e.eventId,
      eventType: e.type,
      occurredAt: e.occurredAt,
      aggregateId: e.aggregateId,
      correlationId: e.correlationId,
      causationId: e.causationId,
      sourceApp: e.source.app,
      summary: JSON.stringify(summaryOf(e)),
      topic,
      partition,
      offset,
    });
  }
  if (isCommandEvent(e)) {
    if (models.has('commands')) foldCommand(c, e);
    return;
  }
  if (models.has('devices')) foldDevice(c, e);
  if (models.has('sessions')) foldSession(c, e);
  if (models.has('parameters') && e.type === 'DeviceParametersReported') {
    const position = BigInt(offset);
    // A path reported twice in one event: the last report is what the device said.
    const lastByPath = new Map(e.payload.parameters.map((p) => [p.path, p]));
    for (const p of lastByPath.values()) {
      // A CPE that reports a passphrase in clear does not get it stored in clear.
      const value = String((maskSecrets({ path: p.path, value: p.value }) as { value: string }).value);
      c.parameters.push({ tenantId: e.tenantId, deviceId: e.aggregateId, path: p.path, value, valueType: p.valueType, writable: p.writable, at: e.occurredAt, origin: e.payload.origin, eventId: e.eventId, position });
    }
  }
};

const key = (...parts: string[]) => parts.join('\u0000');

const foldTenant = (c: Changes, e: TenantEvent) => {
  switch (e.type) {
    case 'TenantCreated':
      c.tenants.set(e.tenantId, { tenantId: e.tenantId, name: e.payload.name, createdAt: checkTime('occurredAt', e.occurredAt), lastEventId: e.eventId });
      return;
    case 'TenantApiKeyIssued':
    case 'TenantApiKeyRevoked': {
      const k = key(e.tenantId, e.payload.keyId);
      const patch = c.apiKeys.get(k) ?? { tenantId: e.tenantId, keyId: e.payload.keyId };
      if (e.type === 'TenantApiKeyIssued') Object.assign(patch, { name: e.payload.name, keyHash: e.payload.keyHash, role: e.payload.role, issuedAt: e.occurredAt });
      else patch.revokedAt = e.occurredAt;
      c.apiKeys.set(k, patch);
      return;
    }
    default:
      // CWMP credentials are the ACS's business; no read model shows them.
      return;
  }
};

/** Events a device sends (or that record it talking to us) count as contact. */
const CONTACT: ReadonlySet<string> = new Set(['DeviceInformed', 'DeviceSessionStarted', 'DeviceSessionEnded', 'DeviceParametersReported', 'DeviceTransferCompleted', 'DeviceEventReported', 'DeviceWentOnline']);

const foldDevice = (c: Changes, e: DeviceEvent) => {
  const k = key(e.tenantId, e.aggregateId);
  const d: DevicePatch = c.devices.get(k) ?? { tenantId: e.tenantId, deviceId: e.aggregateId, tags: new Map(), events: 0, updatedAt: e.recordedAt, lastEventId: e.eventId };
  d.events += 1;
  d.updatedAt = Math.max(d.updatedAt, e.recordedAt);
  d.lastEventId = e.eventId;
  if (CONTACT.has(e.type)) d.lastContactAt = Math.max(d.lastContactAt ?? 0, e.occurredAt);
  switch (e.type) {
    case 'DeviceRegistered': {
      const id = e.payload.identity;
      Object.assign(d, {
        protocol: e.payload.protocol,
        manufacturer: id.manufacturer,
        oui: id.oui,
        productClass: id.productClass,
        serialNumber: id.serialNumber,
        endpointId: id.endpointId,
        vendor: id.vendor,
        clientId: id.clientId,
      });
      d.firstSeenAt = Math.min(d.firstSeenAt ?? e.occurredAt, e.occurredAt);
      break;
    }
    case 'DeviceInformed':
      if (e.payload.manufacturer) d.manufacturer = e.payload.manufacturer;
      if (e.payload.softwareVersion !== null) d.softwareVersion = e.payload.softwareVersion;
      if (e.payload.hardwareVersion !== null) d.hardwareVersion = e.payload.hardwareVersion;
      if (e.payload.connectionRequestUrl !== null) d.connectionRequestUrl = e.payload.connectionRequestUrl;
      break;
    case 'DeviceParametersReported':
      for (const p of e.payload.parameters) {
        const info = DEVICE_INFO.exec(p.path)?.[1] as keyof typeof DEVICE_INFO_FIELDS | undefined;
        if (info && p.value !== '') d[DEVICE_INFO_FIELDS[info]] = p.value;
        if (!PERIODIC_INTERVAL.test(p.path)) continue;
        const seconds = Number(p.value);
        if (Number.isInteger(seconds) && seconds >= 1 && seconds <= MAX_INTERVAL_SECONDS) d.expectedIntervalSeconds = seconds;
      }
      break;
    case 'DeviceWentOnline':
      d.online = { value: true, at: e.occurredAt };
      if (e.payload.expectedIntervalSeconds !== null) d.expectedIntervalSeconds = e.payload.expectedIntervalSeconds;
      break;
    case 'DeviceWentOffline':
      d.online = { value: false, at: e.occurredAt };
      break;
    case 'DeviceTagged':
      d.tags.set(e.payload.tag, 'add');
      break;
    case 'DeviceUntagged':
      d.tags.set(e.payload.tag, 'remove');
      break;
    default:
      break;
  }
  c.devices.set(k, d);
};

const foldSession = (c: Changes, e: DeviceEvent) => {
  if (e.type !== 'DeviceSessionStarted' && e.type !== 'DeviceSessionEnded') return;
  const k = key(e.tenantId, e.payload.sessionId);
  const s: SessionPatch = c.sessions.get(k) ?? { tenantId: e.tenantId, sessionId: e.payload.sessionId, deviceId: e.aggregateId, startedAt: e.occurredAt };
  // The earliest start wins, as the upsert does across batches: the result cannot depend on where batches split.
  if (e.type === 'DeviceSessionStarted') {
    Object.assign(s, { channel: e.payload.channel, remoteAddress: e.payload.remoteAddress, startedAt: Math.min(s.startedAt, e.occurredAt) });
  } else {
    Object.assign(s, {
      startedAt: Math.min(s.startedAt, checkTime('startedAt', e.payload.startedAt)),
      endedAt: e.occurredAt,
      outcome: e.payload.outcome,
      messagesIn: e.payload.messagesIn,
      messagesOut: e.payload.messagesOut,
      rpcsDispatched: e.payload.rpcsDispatched,
    });
  }
  c.sessions.set(k, s);
};

const foldCommand = (c: Changes, e: CommandEvent) => {
  const k = key(e.tenantId, e.aggregateId);
  const prev = c.commands.get(k);
  const cmd: CommandPatch = prev ?? { tenantId: e.tenantId, commandId: e.aggregateId, deviceId: e.payload.deviceId, correlationId: e.correlationId, status: 'REQUESTED', updatedAt: e.recordedAt, lastEventId: e.eventId };
  cmd.updatedAt = Math.max(cmd.updatedAt, e.recordedAt);
  cmd.lastEventId = e.eventId;
  switch (e.type) {
    case 'CommandRequested':
      Object.assign(cmd, {
        status: 'REQUESTED',
        protocol: e.payload.protocol,
        kind: e.payload.kind,
        arguments: maskedJson(e.payload.arguments),
        requestedBy: e.payload.requestedBy,
        batchId: e.payload.batchId,
        requestedAt: e.occurredAt,
        deadline: checkTime('deadline', e.payload.deadline),
        correlationId: e.correlationId,
      });
      break;
    case 'CommandDispatched':
      Object.assign(cmd, { status: 'DISPATCHED', dispatchedAt: e.occurredAt, attempts: Math.max(cmd.attempts ?? 0, e.payload.attempt) });
      break;
    case 'CommandAccepted':
      Object.assign(cmd, { status: 'ACCEPTED', acceptedAt: e.occurredAt, acceptedDetail: maskedJson(e.payload.detail) });
      break;
    case 'CommandSucceeded':
      Object.assign(cmd, { status: 'SUCCEEDED', completedAt: e.occurredAt, result: maskedJson(e.payload.result) });
      break;
    case 'CommandFailed':
      Object.assign(cmd, { status: 'FAILED', completedAt: e.occurredAt, errorCode: e.payload.code, errorMessage: e.payload.message, faultCode: e.payload.faultCode });
      break;
    case 'CommandExpired':
      Object.assign(cmd, { status: 'EXPIRED', completedAt: e.occurredAt });
      break;
    case 'CommandCancelled':
      Object.assign(cmd, { status: 'CANCELLED', completedAt: e.occurredAt, cancelledBy: e.payload.cancelledBy, cancelReason: e.payload.reason });
      break;
  }
  c.commands.set(k, cmd);
};

export interface CurrentParameterRow {
  value: string;
  valueType: string;
  writable: boolean | null;
  reportedAt: number;
  changedAt: number;
  eventId: string;
}

export interface HistoryRow {
  tenantId: string;
  deviceId: string;
  path: string;
  validFrom: number;
  position: bigint;
  value: string;
  valueType: string;
  origin: string;
  eventId: string;
}

export const parameterKey = (tenantId: string, deviceId: string, path: string) => key(tenantId, deviceId, path);

/**
 * Applies parameter reports, in log order, to the stored current values: every report refreshes
 * the current row; a report whose value or type differs from the current one is a change and
 * goes into the history.
 */
export const foldParameters = (
  stored: ReadonlyMap<string, CurrentParameterRow>,
  reports: readonly ParameterReport[],
): { current: Map<string, CurrentParameterRow & { tenantId: string; deviceId: string; path: string }>; history: HistoryRow[] } => {
  const current = new Map<string, CurrentParameterRow & { tenantId: string; deviceId: string; path: string }>();
  const history: HistoryRow[] = [];
  for (const r of reports) {
    const k = parameterKey(r.tenantId, r.deviceId, r.path);
    const before = current.get(k) ?? stored.get(k);
    const changed = !before || before.value !== r.value || before.valueType !== r.valueType;
    if (changed) history.push({ tenantId: r.tenantId, deviceId: r.deviceId, path: r.path, validFrom: r.at, position: r.position, value: r.value, valueType: r.valueType, origin: r.origin, eventId: r.eventId });
    current.set(k, {
      tenantId: r.tenantId,
      deviceId: r.deviceId,
      path: r.path,
      value: r.value,
      valueType: r.valueType,
      // A report without writability (an Inform) keeps what an earlier report said.
      writable: r.writable ?? before?.writable ?? null,
      reportedAt: Math.max(r.at, before?.reportedAt ?? r.at),
      changedAt: changed ? r.at : before.changedAt,
      eventId: changed ? r.eventId : before.eventId,
    });
  }
  return { current, history };
};
