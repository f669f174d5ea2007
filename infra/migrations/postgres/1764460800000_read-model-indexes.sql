-- Up Migration

-- Tenant-wide time scans: a console's "what happened lately" and a live subscription resuming
-- from a point in time read the timeline by tenant and time, not device by device.
CREATE INDEX device_timeline_recent ON device_timeline (tenant_id, recorded_at);
-- The newest commands of a tenant, whatever their status.
CREATE INDEX commands_recent ON commands (tenant_id, requested_at DESC);

-- Down Migration
DROP INDEX device_timeline_recent;
DROP INDEX commands_recent;
