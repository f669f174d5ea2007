import { encodeEventCursor } from '../live/event-cursor.js';
import { maskSecrets } from '@fleetlog/domain';
import type { TimelineRow } from './rows.js';

/** A timeline row as a DeviceEvent; its cursor resumes a subscription right after it. */
export const timelineEventOf = (r: TimelineRow) => ({
  id: r.event_id,
  type: r.event_type,
  deviceId: r.device_id,
  aggregateId: r.aggregate_id,
  occurredAt: r.occurred_at.toISOString(),
  recordedAt: r.recorded_at.toISOString(),
  correlationId: r.correlation_id,
  causationId: r.causation_id,
  sourceApp: r.source_app,
  payload: maskSecrets(r.summary),
  cursor: encodeEventCursor({ recordedAt: r.recorded_at.getTime(), topic: r.log_topic, partition: r.log_partition, offset: String(r.log_offset) }),
});
export type DeviceEventView = ReturnType<typeof timelineEventOf>;
