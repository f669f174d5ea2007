import { loadStackConfig } from './config.js';
import { stackPaths } from './paths.js';
import type { StackContext } from './server.js';

/** The stack context from the environment (validated once) and a progress printer. */
export const contextFromEnv = (env: NodeJS.ProcessEnv, say: StackContext['say']): StackContext => {
  const config = loadStackConfig(env);
  return {
    paths: stackPaths(config.FLEETLOG_HOME),
    ports: {
      kafka: config.FLEETLOG_KAFKA_PORT,
      kafkaController: config.FLEETLOG_KAFKA_CONTROLLER_PORT,
      registry: config.FLEETLOG_REGISTRY_PORT,
      cassandra: config.FLEETLOG_CASSANDRA_PORT,
      postgres: config.FLEETLOG_POSTGRES_PORT,
      mosquitto: config.FLEETLOG_MQTT_PORT,
    },
    java: config.FLEETLOG_JAVA,
    m2Repo: config.FLEETLOG_M2_REPO,
    postgresAdminUrl: config.FLEETLOG_POSTGRES_ADMIN_URL ?? `postgres://postgres:postgres@127.0.0.1:${config.FLEETLOG_POSTGRES_PORT}/postgres`,
    say,
  };
};
