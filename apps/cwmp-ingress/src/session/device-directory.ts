import type pg from 'pg';

/** What the ACS remembers per CPE between sessions: that it was registered, and where to reach it. */
export interface DeviceDirectory {
  /** The connection request URL last reported, or null; undefined when the device is unknown. */
  lookup: (tenantId: string, deviceId: string) => Promise<{ connectionRequestUrl: string | null } | undefined>;
  remember: (tenantId: string, deviceId: string, connectionRequestUrl: string | null) => Promise<void>;
}

/**
 * Postgres-backed, with an in-process cache: a known CPE with an unchanged URL costs no query.
 * Written only after the session's events are on Kafka, so a crash in between re-registers the
 * device with the same deterministic event id instead of losing the registration.
 */
export const createPgDeviceDirectory = (pool: pg.Pool): DeviceDirectory => {
  const cache = new Map<string, { connectionRequestUrl: string | null }>();
  const key = (t: string, d: string) => `${t}/${d}`;
  return {
    lookup: async (tenantId, deviceId) => {
      const hit = cache.get(key(tenantId, deviceId));
      if (hit) return hit;
      const { rows } = await pool.query<{ connection_request_url: string | null }>(
        'SELECT connection_request_url FROM cwmp_devices WHERE tenant_id = $1 AND device_id = $2',
        [tenantId, deviceId],
      );
      if (!rows[0]) return undefined;
      const entry = { connectionRequestUrl: rows[0].connection_request_url };
      cache.set(key(tenantId, deviceId), entry);
      return entry;
    },
    remember: async (tenantId, deviceId, connectionRequestUrl) => {
      const hit = cache.get(key(tenantId, deviceId));
      if (hit && hit.connectionRequestUrl === connectionRequestUrl) return;
      await pool.query(
        `INSERT INTO cwmp_devices (tenant_id, device_id, connection_request_url) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, device_id) DO UPDATE SET connection_request_url = EXCLUDED.connection_request_url, updated_at = now()`,
        [tenantId, deviceId, connectionRequestUrl],
      );
      cache.set(key(tenantId, deviceId), { connectionRequestUrl });
    },
  };
};
