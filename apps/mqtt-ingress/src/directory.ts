import type pg from 'pg';
import type { Logger } from '@fleetlog/events';
import type { KnownDevice } from './uplink/devices.js';

/**
 * The MQTT devices of the devices read model, read once at start so that devices registered before are
 * not registered again and their presence is known. Without Postgres the ingress still starts: a device
 * it does not know is registered again with the same deterministic event id, which consumers recognise.
 */
export const readKnownDevices = async (pool: pg.Pool, logger: Logger): Promise<KnownDevice[]> => {
  try {
    const { rows } = await pool.query<{ tenant_id: string; device_id: string; online: boolean; expected_interval_seconds: number | null }>(
      `SELECT tenant_id, device_id, online, expected_interval_seconds FROM devices WHERE protocol = 'MQTT'`,
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, deviceId: r.device_id, online: r.online, expectedIntervalSeconds: r.expected_interval_seconds }));
  } catch (e) {
    logger.warn({ err: (e as Error).message }, 'could not read the known MQTT devices from Postgres; starting without them');
    return [];
  }
};
