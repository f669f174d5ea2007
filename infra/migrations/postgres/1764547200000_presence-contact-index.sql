-- Up Migration
-- Devices heard from since they went offline: the projector looks for them after every batch of
-- device events, so this stays an index lookup however many devices are offline.
CREATE INDEX IF NOT EXISTS devices_contact_since_offline ON devices (tenant_id, device_id)
  WHERE NOT online AND protocol IS NOT NULL AND last_contact_at IS NOT NULL
    AND last_contact_at > coalesce(online_changed_at, '-infinity'::timestamptz);

-- Down Migration
DROP INDEX IF EXISTS devices_contact_since_offline;
