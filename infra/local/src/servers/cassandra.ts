import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'cassandra-driver';
import { StackError } from '../errors.js';
import { installJars } from '../maven.js';
import type { Server, StackContext } from '../server.js';
import { jvmPid, logFile, startJvm } from './jvm.js';

export const CASSANDRA_VERSION = '5.0.6';

const yaml = (ctx: StackContext, data: string) => `# Written by infra/local on every start; edit infra/local/src/servers/cassandra.ts instead.
cluster_name: fleetlog-local
num_tokens: 16
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
commitlog_sync: periodic
commitlog_sync_period: 10000ms
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "127.0.0.1:${ctx.ports.cassandra === 9042 ? 7000 : ctx.ports.cassandra + 1}"
listen_address: 127.0.0.1
rpc_address: 127.0.0.1
native_transport_port: ${ctx.ports.cassandra}
storage_port: ${ctx.ports.cassandra === 9042 ? 7000 : ctx.ports.cassandra + 1}
start_native_transport: true
data_file_directories: [${join(data, 'data')}]
commitlog_directory: ${join(data, 'commitlog')}
saved_caches_directory: ${join(data, 'saved_caches')}
hints_directory: ${join(data, 'hints')}
cdc_raw_directory: ${join(data, 'cdc_raw')}
# Small footprint: the whole stack shares 2 cores and must leave room for the apps.
memtable_heap_space: 128MiB
memtable_offheap_space: 128MiB
file_cache_size: 64MiB
key_cache_size: 16MiB
concurrent_compactors: 1
concurrent_reads: 8
concurrent_writes: 16
concurrent_counter_writes: 8
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
disk_failure_policy: stop
commit_failure_policy: stop
`;

const logback = `<configuration scan="false">
  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
  </appender>
  <logger name="org.apache.cassandra.utils.StatusLogger" level="WARN"/>
  <root level="INFO"><appender-ref ref="STDOUT"/></root>
</configuration>
`;

// The flags of Cassandra's own conf/jvm17-server.options: the daemon reaches into JDK internals.
const EXPORTS = ['java.base/jdk.internal.misc', 'java.management.rmi/com.sun.jmx.remote.internal.rmi', 'java.management/com.sun.jmx.remote.security', 'java.rmi/sun.rmi.registry', 'java.rmi/sun.rmi.server', 'java.sql/java.sql', 'java.base/java.lang.ref', 'jdk.unsupported/sun.misc'];
const OPENS = ['java.base/java.lang.module', 'java.base/jdk.internal.loader', 'java.base/jdk.internal.ref', 'java.base/jdk.internal.reflect', 'java.base/jdk.internal.math', 'java.base/jdk.internal.module', 'java.base/jdk.internal.util.jar', 'jdk.management/com.sun.management.internal', 'java.base/sun.nio.ch', 'java.base/java.io', 'java.base/java.lang.reflect', 'java.base/java.lang', 'java.base/java.util', 'java.base/java.nio'];

export const cassandra: Server = {
  name: 'cassandra',
  managed: true,
  startTimeoutSeconds: 240,
  port: (ctx) => ctx.ports.cassandra,
  endpoints: (ctx) => ({ 'Cassandra CQL': `127.0.0.1:${ctx.ports.cassandra} (datacenter1)` }),
  install: async (ctx) => {
    await installJars(ctx, 'cassandra', 'cassandra', CASSANDRA_VERSION);
  },
  start: async (ctx) => {
    const dist = join(ctx.paths.dist, 'cassandra');
    const conf = join(ctx.paths.conf, 'cassandra');
    const data = join(ctx.paths.data, 'cassandra');
    const logs = join(ctx.paths.logs, 'cassandra');
    for (const d of [conf, data, logs]) mkdirSync(d, { recursive: true });
    writeFileSync(join(conf, 'cassandra.yaml'), yaml(ctx, data));
    writeFileSync(join(conf, 'logback.xml'), logback);
    const lib = join(dist, 'lib');
    const jamm = readdirSync(lib).find((f) => /^jamm-.*\.jar$/.test(f));
    if (!jamm) throw new StackError('STACK_SERVER_FAILED', `no jamm jar in ${lib}; run "npm run stack -- reset --downloads" and up again`, 'cassandra');
    startJvm(
      ctx,
      'cassandra',
      [
        '-Xms1g',
        '-Xmx1g',
        '-XX:+UseG1GC',
        `-javaagent:${join(lib, jamm)}`,
        '-Djdk.attach.allowAttachSelf=true',
        '-Dio.netty.tryReflectionSetAccessible=true',
        ...EXPORTS.flatMap((e) => ['--add-exports', `${e}=ALL-UNNAMED`]),
        ...OPENS.flatMap((o) => ['--add-opens', `${o}=ALL-UNNAMED`]),
        `-Dcassandra.config=file://${join(conf, 'cassandra.yaml')}`,
        `-Dcassandra.storagedir=${data}`,
        `-Dcassandra.logdir=${logs}`,
        // Without it the daemon closes stdout/stderr and our log stays empty.
        '-Dcassandra-foreground=yes',
        `-Dlogback.configurationFile=${join(conf, 'logback.xml')}`,
        '-cp',
        `${lib}/*`,
        'org.apache.cassandra.service.CassandraDaemon',
      ],
      dist,
    );
  },
  check: async (ctx) => {
    const client = new Client({ contactPoints: [`127.0.0.1:${ctx.ports.cassandra}`], localDataCenter: 'datacenter1', socketOptions: { connectTimeout: 2000, readTimeout: 5000 } });
    try {
      await client.connect();
      const rs = await client.execute('SELECT release_version FROM system.local');
      return `release ${rs.first()?.get('release_version') ?? '?'}`;
    } finally {
      await client.shutdown().catch(() => undefined);
    }
  },
  pid: (ctx) => jvmPid(ctx, 'cassandra'),
  logFile: (ctx) => logFile(ctx, 'cassandra'),
};
