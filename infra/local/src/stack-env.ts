import type { StackContext } from './server.js';
import { mqttUrl } from './servers/mosquitto.js';
import { postgresUrl } from './servers/postgres.js';
import { registryUrl } from './servers/registry.js';

/** The settings every Fleetlog app and test reads to reach the local stack. */
export const stackEnv = (ctx: StackContext): Record<string, string> => ({
  FLEETLOG_KAFKA_BROKERS: `127.0.0.1:${ctx.ports.kafka}`,
  FLEETLOG_SCHEMA_REGISTRY_URL: registryUrl(ctx),
  FLEETLOG_POSTGRES_URL: postgresUrl(ctx),
  FLEETLOG_CASSANDRA_CONTACT_POINTS: `127.0.0.1:${ctx.ports.cassandra}`,
  FLEETLOG_CASSANDRA_LOCAL_DC: 'datacenter1',
  FLEETLOG_MQTT_URL: mqttUrl(ctx),
});
