import { join } from 'node:path';
import { Client } from 'cassandra-driver';
import { createEventBus, silentLogger } from '@fleetlog/events';
import { migrateCassandra, migratePostgres } from '@fleetlog/platform';
import { StackError } from '../errors.js';
import { repoRoot } from '../paths.js';
import type { StackContext } from '../server.js';
import { stackEnv } from '../stack-env.js';

export const CASSANDRA_KEYSPACE = 'fleetlog';
const step = async <T>(what: string, f: () => Promise<T>): Promise<T> => {
  try {
    return await f();
  } catch (e) {
    throw new StackError('STACK_PROVISION_FAILED', `${what}: ${(e as Error).message}`);
  }
};

/** Topics, schemas and migrations; every step is safe to repeat. */
export const provision = async (ctx: StackContext): Promise<void> => {
  const env = stackEnv(ctx);
  const bus = createEventBus({ brokers: [env.FLEETLOG_KAFKA_BROKERS!], clientId: 'fleetlog-provision', registryUrl: env.FLEETLOG_SCHEMA_REGISTRY_URL! }, silentLogger);
  const { topics, schemas } = await step('topics and schemas', () => bus.provision());
  ctx.say('kafka', `topics: ${topics.created.length} created, ${topics.reconfigured.length} reconfigured, ${topics.unchanged.length} unchanged`);
  ctx.say('registry', `${schemas.subjects.length} subjects registered with BACKWARD_TRANSITIVE compatibility`);

  const pg = await step('Postgres migrations', () => migratePostgres({ databaseUrl: env.FLEETLOG_POSTGRES_URL!, dir: join(repoRoot, 'infra/migrations/postgres') }));
  ctx.say('postgres', pg.applied.length ? `applied ${pg.applied.join(', ')}` : 'migrations up to date');

  const client = new Client({ contactPoints: [env.FLEETLOG_CASSANDRA_CONTACT_POINTS!], localDataCenter: env.FLEETLOG_CASSANDRA_LOCAL_DC! });
  try {
    const cql = await step('Cassandra migrations', () =>
      migrateCassandra({
        client,
        keyspace: CASSANDRA_KEYSPACE,
        replication: "{'class': 'SimpleStrategy', 'replication_factor': 1}",
        dir: join(repoRoot, 'infra/migrations/cassandra'),
        log: (m) => ctx.say('cassandra', m),
      }),
    );
    ctx.say('cassandra', cql.applied.length ? `applied ${cql.applied.length} migration(s)` : 'migrations up to date');
  } finally {
    await client.shutdown();
  }
};
