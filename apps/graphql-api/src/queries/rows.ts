// Read-model rows as the schema's types.
import { maskSecrets } from '@fleetlog/domain';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export interface DeviceRow {
  device_id: string;
  protocol: string | null;
  manufacturer: string | null;
  oui: string | null;
  product_class: string | null;
  serial_number: string | null;
  endpoint_id: string | null;
  software_version: string | null;
  hardware_version: string | null;
  first_seen_at: Date | null;
  last_contact_at: Date | null;
  online: boolean;
  online_changed_at: Date | null;
  expected_interval_seconds: number | null;
  tags: string[];
  event_count: string;
}

export const DEVICE_COLUMNS =
  'd.device_id, d.protocol, d.manufacturer, d.oui, d.product_class, d.serial_number, d.endpoint_id, d.software_version, d.hardware_version, d.first_seen_at, d.last_contact_at, d.online, d.online_changed_at, d.expected_interval_seconds, d.tags, d.event_count';

export const deviceOf = (r: DeviceRow) => ({
  id: r.device_id,
  protocol: r.protocol,
  manufacturer: r.manufacturer,
  oui: r.oui,
  productClass: r.product_class,
  serialNumber: r.serial_number,
  endpointId: r.endpoint_id,
  softwareVersion: r.software_version,
  hardwareVersion: r.hardware_version,
  firstSeenAt: iso(r.first_seen_at),
  lastContactAt: iso(r.last_contact_at),
  online: r.online,
  onlineChangedAt: iso(r.online_changed_at),
  expectedIntervalSeconds: r.expected_interval_seconds,
  tags: r.tags,
  eventCount: Number(r.event_count),
});
export type Device = ReturnType<typeof deviceOf>;

export interface ParameterRow {
  device_id: string;
  path: string;
  value: string;
  value_type: string;
  writable: boolean | null;
  reported_at: Date;
  changed_at: Date;
}
export const parameterOf = (r: ParameterRow) => ({
  path: r.path,
  value: r.value,
  valueType: r.value_type,
  writable: r.writable,
  reportedAt: iso(r.reported_at),
  changedAt: iso(r.changed_at),
});

export interface HistoryRow {
  path: string;
  value: string;
  value_type: string;
  valid_from: Date;
  log_position: string;
  origin: string | null;
}
export const historyOf = (r: HistoryRow) => ({ path: r.path, value: r.value, valueType: r.value_type, validFrom: iso(r.valid_from), origin: r.origin });

export interface CommandRow {
  command_id: string;
  device_id: string;
  protocol: string | null;
  kind: string | null;
  arguments: unknown;
  status: string;
  requested_by: string | null;
  batch_id: string | null;
  correlation_id: string;
  requested_at: Date | null;
  deadline: Date | null;
  dispatched_at: Date | null;
  attempts: number;
  accepted_at: Date | null;
  completed_at: Date | null;
  result: unknown;
  error_code: string | null;
  error_message: string | null;
  fault_code: number | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  updated_at: Date;
}
export const commandOf = (r: CommandRow) => ({
  id: r.command_id,
  deviceId: r.device_id,
  protocol: r.protocol,
  kind: r.kind,
  // Masked again here: the read model masks secrets by field name only, not Wi-Fi passphrases or
  // passwords set as parameter values, nor results.
  arguments: maskSecrets(r.arguments),
  status: r.status,
  requestedBy: r.requested_by,
  batchId: r.batch_id,
  correlationId: r.correlation_id,
  requestedAt: iso(r.requested_at),
  deadline: iso(r.deadline),
  dispatchedAt: iso(r.dispatched_at),
  attempts: r.attempts,
  acceptedAt: iso(r.accepted_at),
  completedAt: iso(r.completed_at),
  result: maskSecrets(r.result),
  errorCode: r.error_code,
  errorMessage: r.error_message,
  faultCode: r.fault_code,
  cancelledBy: r.cancelled_by,
  cancelReason: r.cancel_reason,
  updatedAt: iso(r.updated_at),
});

export interface SessionRow {
  session_id: string;
  device_id: string;
  channel: string | null;
  remote_address: string | null;
  started_at: Date;
  ended_at: Date | null;
  outcome: string | null;
  messages_in: number | null;
  messages_out: number | null;
  rpcs_dispatched: number | null;
}
export const sessionOf = (r: SessionRow) => ({
  id: r.session_id,
  deviceId: r.device_id,
  channel: r.channel,
  remoteAddress: r.remote_address,
  startedAt: iso(r.started_at),
  endedAt: iso(r.ended_at),
  outcome: r.outcome,
  messagesIn: r.messages_in,
  messagesOut: r.messages_out,
  rpcsDispatched: r.rpcs_dispatched,
});

export interface TimelineRow {
  device_id: string;
  recorded_at: Date;
  event_id: string;
  event_type: string;
  occurred_at: Date;
  aggregate_id: string;
  correlation_id: string;
  causation_id: string | null;
  source_app: string;
  summary: unknown;
  log_topic: string;
  log_partition: number;
  log_offset: string;
}
