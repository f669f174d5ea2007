import type pg from 'pg';
import { decideDevice, type Protocol, type RegisteredDevice } from '@fleetlog/domain';
import { deterministicEventId, toRecord, type AnyEvent, type EventSource, type Logger } from '@fleetlog/events';

export interface PresenceSettings {
  defaultIntervalSeconds: number;
  missedIntervals: number;
  graceSeconds: number;
}

interface Row {
  tenant_id: string;
  device_id: string;
  protocol: Protocol;
  online: boolean;
  last_contact_at: Date;
  expected_interval_seconds: number | null;
}

const VIA: Record<Protocol, string> = { CWMP: 'cwmp-session', USP: 'usp-mqtt', MQTT: 'mqtt' };
// Any lock number works as long as every projector instance uses the same one.
const PRESENCE_LOCK = 0x666c_7072;

/**
 * Turns silence into events: a device that missed its contact window goes offline (except MQTT devices,
 * whose presence mqtt-ingress records itself from last wills, status topics and their reporting interval:
 * their telemetry, the contact that shows they are there, never reaches this read model), one that made
 * contact since it went offline (or never was online) comes online. Decisions go through the
 * device decider; event ids derive from the device and its last contact, so a repeat is
 * recognisable. One projector instance at a time runs it (an advisory lock).
 */
export const createPresenceWatcher = (deps: {
  pool: pg.Pool;
  schema: string;
  publish: (events: AnyEvent[]) => Promise<void>;
  now: () => number;
  settings: PresenceSettings;
  source: EventSource;
  logger: Logger;
  batchSize?: number;
}) => {
  const { settings } = deps;
  const limit = deps.batchSize ?? 1000;

  /** The part of the device's state that connectivity decisions read, from its read-model row. */
  const stateOf = (r: Row): RegisteredDevice => ({
    status: 'registered',
    protocol: r.protocol,
    identity: { manufacturer: null, oui: null, productClass: null, serialNumber: null, endpointId: null, vendor: null, clientId: null },
    registeredAt: r.last_contact_at.getTime(),
    online: r.online,
    lastContactAt: r.last_contact_at.getTime(),
    expectedIntervalSeconds: r.expected_interval_seconds,
    tags: new Set(),
    parameters: new Map(),
  });

  const record = (r: Row, now: number): AnyEvent[] => {
    const lastContact = r.last_contact_at.getTime();
    const decision = r.online
      ? decideDevice({ type: 'MarkOffline', data: { reason: 'missed-contact-window', lastContactAt: lastContact, now } }, stateOf(r))
      : decideDevice({ type: 'RecordContact', data: { via: VIA[r.protocol], expectedIntervalSeconds: r.expected_interval_seconds, now: lastContact } }, stateOf(r));
    if (!decision.ok) {
      deps.logger.warn({ tenantId: r.tenant_id, deviceId: r.device_id, code: decision.error.code }, decision.error.message);
      return [];
    }
    return decision.value.map((e) =>
      toRecord(e, {
        eventId: deterministicEventId('presence', r.tenant_id, r.device_id, e.type, lastContact),
        tenantId: r.tenant_id,
        aggregateId: r.device_id,
        recordedAt: now,
        correlationId: deterministicEventId('presence', r.tenant_id, r.device_id, lastContact),
        causationId: null,
        source: deps.source,
      }),
    );
  };

  /**
   * One pass; returns the events it recorded. 'contacts' looks only for devices heard from since
   * they went offline, which is cheap and worth doing after every batch; 'all' also looks for
   * silence.
   */
  const check = async (scope: 'all' | 'contacts' = 'all'): Promise<AnyEvent[]> => {
    const client = await deps.pool.connect();
    try {
      const { rows: lock } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [PRESENCE_LOCK]);
      if (!lock[0]?.ok) return [];
      try {
        const table = `${client.escapeIdentifier(deps.schema)}.devices`;
        const now = deps.now();
        const columns = 'tenant_id, device_id, protocol, online, last_contact_at, expected_interval_seconds';
        // The predicate is the partial index devices_contact_since_offline's, word for word.
        const contacts = `SELECT ${columns} FROM ${table}
             WHERE NOT online AND protocol IS NOT NULL AND last_contact_at IS NOT NULL
               AND last_contact_at > coalesce(online_changed_at, '-infinity'::timestamptz)
             LIMIT $1`;
        const { rows } =
          scope === 'contacts'
            ? await client.query<Row>(contacts, [limit])
            : await client.query<Row>(
                `(${contacts})
                 UNION ALL
                 (SELECT ${columns} FROM ${table}
                   WHERE online AND protocol IS DISTINCT FROM 'MQTT' AND last_contact_at < to_timestamp($2 / 1000.0)
                     - make_interval(secs => coalesce(expected_interval_seconds, $3) * $4 + $5)
                   LIMIT $1)`,
                [limit, now, settings.defaultIntervalSeconds, settings.missedIntervals, settings.graceSeconds],
              );
        const events = rows.flatMap((r) => record(r, now));
        if (events.length > 0) await deps.publish(events);
        return events;
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [PRESENCE_LOCK]);
      }
    } finally {
      client.release();
    }
  };

  return { check };
};
