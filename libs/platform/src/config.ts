import { hostname } from 'node:os';
import { z } from 'zod';

/** Settings every app reads the same way: where the stack is, who this instance is, how much to log. */
export const commonSettings = {
  FLEETLOG_KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  FLEETLOG_SCHEMA_REGISTRY_URL: z.string().url().default('http://127.0.0.1:8080/apis/ccompat/v7'),
  FLEETLOG_INSTANCE: z.string().min(1).default(`${hostname()}-${process.pid}`),
  FLEETLOG_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
};

export const postgresSettings = {
  FLEETLOG_POSTGRES_URL: z.string().min(1).default('postgres://postgres:postgres@127.0.0.1:5432/fleetlog'),
};

export const mqttSettings = {
  FLEETLOG_MQTT_URL: z.string().url().default('mqtt://127.0.0.1:1883'),
  FLEETLOG_MQTT_USERNAME: z.string().min(1).optional(),
  FLEETLOG_MQTT_PASSWORD: z.string().min(1).optional(),
};

export const cassandraSettings = {
  FLEETLOG_CASSANDRA_CONTACT_POINTS: z.string().min(1).default('127.0.0.1:9042'),
  FLEETLOG_CASSANDRA_LOCAL_DC: z.string().min(1).default('datacenter1'),
  FLEETLOG_CASSANDRA_KEYSPACE: z.string().regex(/^[a-z][a-z0-9_]{0,47}$/).default('fleetlog'),
};

export const portSetting = z.coerce.number().int().min(0).max(65535);

/** Parses an app's environment once; an invalid setting stops the app with every problem listed. */
export const parseConfig = <S extends z.ZodType>(app: string, schema: S, env: NodeJS.ProcessEnv): z.infer<S> => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid ${app} configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
};
