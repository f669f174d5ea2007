-- Up Migration

-- The CWMP ingress's own memory of CPEs: whether it registered them, and the connection request
-- URL they last reported (to ask them for a session when a command arrives).
CREATE TABLE cwmp_devices (
  tenant_id              text        NOT NULL,
  device_id              text        NOT NULL,
  connection_request_url text,
  registered_at          timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, device_id)
);

-- Down Migration
DROP TABLE cwmp_devices;
