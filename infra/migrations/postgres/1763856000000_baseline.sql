-- Up Migration

-- Projectors keep the next offset to read per partition here, written in the same transaction as
-- the rows an event produced, so every event takes effect exactly once.
CREATE TABLE projection_offsets (
  projector   text        NOT NULL,
  topic       text        NOT NULL,
  partition   integer     NOT NULL,
  next_offset bigint      NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (projector, topic, partition)
);

-- The GraphQL API connects as this role; read models enable and force row-level security for it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fleetlog_api') THEN
    CREATE ROLE fleetlog_api NOLOGIN;
  END IF;
END
$$;

-- Down Migration
DROP TABLE projection_offsets;
