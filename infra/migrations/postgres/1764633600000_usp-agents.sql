-- Up Migration
-- What the USP controller remembers per agent between restarts: where to reach it (the topic it
-- subscribes to, learnt from its connect record or the response topic of its messages) and with
-- which MQTT version. The controller's own state, not a read model.
CREATE TABLE usp_agents (
  tenant_id     text        NOT NULL,
  endpoint_id   text        NOT NULL,
  reply_topic   text,
  mqtt5         boolean     NOT NULL DEFAULT true,
  connected     boolean     NOT NULL DEFAULT true,
  registered_at timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, endpoint_id)
);

-- Down Migration
DROP TABLE usp_agents;
