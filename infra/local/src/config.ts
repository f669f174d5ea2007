import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { repoRoot } from './paths.js';

const port = z.coerce.number().int().min(1).max(65535);

const schema = z.object({
  FLEETLOG_HOME: z.string().min(1).default(join(repoRoot, '.fleetlog')),
  FLEETLOG_KAFKA_PORT: port.default(9092),
  FLEETLOG_KAFKA_CONTROLLER_PORT: port.default(9093),
  FLEETLOG_REGISTRY_PORT: port.default(8080),
  FLEETLOG_CASSANDRA_PORT: port.default(9042),
  FLEETLOG_POSTGRES_PORT: port.default(5432),
  FLEETLOG_MQTT_PORT: port.default(1883),
  FLEETLOG_POSTGRES_ADMIN_URL: z.string().url().optional(),
  FLEETLOG_JAVA: z.string().min(1).default('java'),
  /** Maven's local repository; an empty folder here simulates a machine that never downloaded anything. */
  FLEETLOG_M2_REPO: z.string().min(1).default(join(homedir(), '.m2', 'repository')),
});

export type StackConfig = z.infer<typeof schema>;

/** Reads the stack's settings from the environment once, listing every problem. */
export const loadStackConfig = (env: NodeJS.ProcessEnv): StackConfig => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid stack configuration:\n${problems}`);
  }
  return parsed.data;
};
