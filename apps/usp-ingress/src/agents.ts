import type pg from 'pg';

export interface KnownAgent {
  replyTopic: string | null;
  mqtt5: boolean;
  /** Connected as far as we know: it spoke since its last disconnect record. */
  connected: boolean;
}

/** What the controller remembers per agent between restarts. */
export interface AgentDirectory {
  /** Undefined for an agent never seen: it gets registered. */
  lookup: (tenantId: string, endpointId: string) => Promise<KnownAgent | undefined>;
  remember: (tenantId: string, endpointId: string, agent: KnownAgent) => Promise<void>;
}

/**
 * Postgres-backed (usp_agents), with an in-process cache: an agent whose topic and state did not
 * change costs no query. Written only after the records' events are on Kafka, so a crash in
 * between registers the agent again with the same deterministic event id.
 */
export const createPgAgentDirectory = (pool: pg.Pool): AgentDirectory => {
  const cache = new Map<string, KnownAgent>();
  const key = (t: string, e: string) => `${t}/${e}`;
  return {
    lookup: async (tenantId, endpointId) => {
      const hit = cache.get(key(tenantId, endpointId));
      if (hit) return hit;
      const { rows } = await pool.query<{ reply_topic: string | null; mqtt5: boolean; connected: boolean }>(
        'SELECT reply_topic, mqtt5, connected FROM usp_agents WHERE tenant_id = $1 AND endpoint_id = $2',
        [tenantId, endpointId],
      );
      if (!rows[0]) return undefined;
      const agent = { replyTopic: rows[0].reply_topic, mqtt5: rows[0].mqtt5, connected: rows[0].connected };
      cache.set(key(tenantId, endpointId), agent);
      return agent;
    },
    remember: async (tenantId, endpointId, agent) => {
      const hit = cache.get(key(tenantId, endpointId));
      if (hit && hit.replyTopic === agent.replyTopic && hit.mqtt5 === agent.mqtt5 && hit.connected === agent.connected) return;
      await pool.query(
        `INSERT INTO usp_agents (tenant_id, endpoint_id, reply_topic, mqtt5, connected) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, endpoint_id) DO UPDATE SET reply_topic = EXCLUDED.reply_topic, mqtt5 = EXCLUDED.mqtt5, connected = EXCLUDED.connected, updated_at = now()`,
        [tenantId, endpointId, agent.replyTopic, agent.mqtt5, agent.connected],
      );
      cache.set(key(tenantId, endpointId), { ...agent });
    },
  };
};

/** In memory, for unit tests of the controller. */
export const createMemoryAgentDirectory = (): AgentDirectory => {
  const agents = new Map<string, KnownAgent>();
  return {
    lookup: async (t, e) => agents.get(`${t}/${e}`),
    remember: async (t, e, agent) => void agents.set(`${t}/${e}`, { ...agent }),
  };
};
