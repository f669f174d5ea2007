-- Up Migration

-- Read models: projections of the device, command and tenant topics, written by
-- apps/projector-postgres only. Every key starts with tenant_id; the GraphQL API reads them as the
-- role fleetlog_api, which sees only the tenant named in the setting fleetlog.tenant_id.
-- No serial columns and no foreign keys: a rebuild clones these tables (CREATE TABLE … LIKE) and
-- swaps them in, and projections are ordered per device, not across tables.

CREATE TABLE tenants (
  tenant_id     text        NOT NULL,
  name          text        NOT NULL,
  created_at    timestamptz NOT NULL,
  last_event_id text        NOT NULL,
  PRIMARY KEY (tenant_id)
);

CREATE TABLE api_keys (
  tenant_id   text        NOT NULL,
  key_id      text        NOT NULL,
  name        text        NOT NULL,
  -- Only a hash of the key is ever stored.
  key_hash    text        NOT NULL,
  role        text        NOT NULL,
  issued_at   timestamptz NOT NULL,
  revoked_at  timestamptz,
  PRIMARY KEY (tenant_id, key_id)
);
CREATE INDEX api_keys_hash ON api_keys (key_hash);

CREATE TABLE devices (
  tenant_id                 text        NOT NULL,
  device_id                 text        NOT NULL,
  protocol                  text,
  manufacturer              text,
  oui                       text,
  product_class             text,
  serial_number             text,
  endpoint_id               text,
  vendor                    text,
  client_id                 text,
  software_version          text,
  hardware_version          text,
  connection_request_url    text,
  first_seen_at             timestamptz,
  last_contact_at           timestamptz,
  online                    boolean     NOT NULL DEFAULT false,
  online_changed_at         timestamptz,
  expected_interval_seconds integer,
  tags                      text[]      NOT NULL DEFAULT '{}',
  updated_at                timestamptz NOT NULL,
  last_event_id             text        NOT NULL,
  PRIMARY KEY (tenant_id, device_id)
);
CREATE INDEX devices_product_class ON devices (tenant_id, product_class, device_id);
CREATE INDEX devices_software_version ON devices (tenant_id, software_version, device_id);
CREATE INDEX devices_protocol ON devices (tenant_id, protocol, device_id);
CREATE INDEX devices_online ON devices (tenant_id, online, device_id);
CREATE INDEX devices_tags ON devices USING gin (tags);
-- The presence watcher's scan: online devices by last contact.
CREATE INDEX devices_last_contact ON devices (last_contact_at) WHERE online;

-- Current value of every parameter a device reported.
CREATE TABLE device_parameters (
  tenant_id   text        NOT NULL,
  device_id   text        NOT NULL,
  path        text        NOT NULL,
  value       text        NOT NULL,
  value_type  text        NOT NULL,
  writable    boolean,
  -- When the device last reported the parameter, whether or not it changed.
  reported_at timestamptz NOT NULL,
  -- When the current value was set, and the event that set it.
  changed_at  timestamptz NOT NULL,
  event_id    text        NOT NULL,
  PRIMARY KEY (tenant_id, device_id, path)
);
CREATE INDEX device_parameters_value ON device_parameters (tenant_id, path, value);

-- Every change of a parameter's value or type: the value as of time T is the row with the latest
-- valid_from at or before T (ties broken by log position).
CREATE TABLE parameter_history (
  tenant_id    text        NOT NULL,
  device_id    text        NOT NULL,
  path         text        NOT NULL,
  valid_from   timestamptz NOT NULL,
  log_position bigint      NOT NULL,
  value        text        NOT NULL,
  value_type   text        NOT NULL,
  origin       text        NOT NULL,
  event_id     text        NOT NULL,
  PRIMARY KEY (tenant_id, device_id, path, valid_from, log_position)
);

CREATE TABLE commands (
  tenant_id        text        NOT NULL,
  command_id       text        NOT NULL,
  device_id        text        NOT NULL,
  protocol         text,
  kind             text,
  -- Arguments as requested, with secrets (passwords) masked.
  arguments        jsonb,
  status           text        NOT NULL,
  requested_by     text,
  batch_id         text,
  correlation_id   text        NOT NULL,
  requested_at     timestamptz,
  deadline         timestamptz,
  dispatched_at    timestamptz,
  attempts         integer     NOT NULL DEFAULT 0,
  accepted_at      timestamptz,
  accepted_detail  jsonb,
  completed_at     timestamptz,
  result           jsonb,
  error_code       text,
  error_message    text,
  fault_code       integer,
  cancelled_by     text,
  cancel_reason    text,
  updated_at       timestamptz NOT NULL,
  last_event_id    text        NOT NULL,
  PRIMARY KEY (tenant_id, command_id)
);
CREATE INDEX commands_device ON commands (tenant_id, device_id, requested_at DESC);
CREATE INDEX commands_status ON commands (tenant_id, status, updated_at DESC);
CREATE INDEX commands_batch ON commands (tenant_id, batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE device_sessions (
  tenant_id        text        NOT NULL,
  session_id       text        NOT NULL,
  device_id        text        NOT NULL,
  channel          text,
  remote_address   text,
  started_at       timestamptz NOT NULL,
  ended_at         timestamptz,
  outcome          text,
  messages_in      integer,
  messages_out     integer,
  rpcs_dispatched  integer,
  PRIMARY KEY (tenant_id, session_id)
);
CREATE INDEX device_sessions_device ON device_sessions (tenant_id, device_id, started_at DESC);

-- The audit trail: every device and command event of a device, with its causal links.
CREATE TABLE device_timeline (
  tenant_id      text        NOT NULL,
  device_id      text        NOT NULL,
  recorded_at    timestamptz NOT NULL,
  event_id       text        NOT NULL,
  event_type     text        NOT NULL,
  occurred_at    timestamptz NOT NULL,
  aggregate_id   text        NOT NULL,
  correlation_id text        NOT NULL,
  causation_id   text,
  source_app     text        NOT NULL,
  summary        jsonb       NOT NULL,
  log_topic      text        NOT NULL,
  log_partition  integer     NOT NULL,
  log_offset     bigint      NOT NULL,
  PRIMARY KEY (tenant_id, device_id, recorded_at, event_id)
);
CREATE INDEX device_timeline_correlation ON device_timeline (tenant_id, correlation_id);

-- Row-level security: the API role sees one tenant's rows, named per transaction with
-- SET LOCAL fleetlog.tenant_id = '…'. Without the setting it sees nothing.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenants', 'api_keys', 'devices', 'device_parameters', 'parameter_history', 'commands', 'device_sessions', 'device_timeline'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I TO fleetlog_api USING (tenant_id = current_setting(''fleetlog.tenant_id'', true)) WITH CHECK (false)', t);
    EXECUTE format('GRANT SELECT ON %I TO fleetlog_api', t);
  END LOOP;
END
$$;
GRANT SELECT ON projection_offsets TO fleetlog_api;

-- Down Migration
DROP TABLE device_timeline, device_sessions, commands, parameter_history, device_parameters, devices, api_keys, tenants;
