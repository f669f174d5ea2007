-- Up Migration

-- How many device events the projector applied to each device. Besides telling operators how busy
-- a device is, it is the one column that is not idempotent: an event applied twice shows here.
ALTER TABLE devices ADD COLUMN event_count bigint NOT NULL DEFAULT 0;

-- Down Migration
ALTER TABLE devices DROP COLUMN event_count;
