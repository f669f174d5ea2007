export { PlatformError, type PlatformErrorCode } from './errors.js';
export { migrateCassandra, type CassandraMigrationOptions } from './migrations/cassandra.js';
export { splitCql } from './migrations/cql-split.js';
export { migratePostgres, type PostgresMigrationResult } from './migrations/postgres.js';
export { createConsumerMetrics, serveMetrics, type ConsumerMetrics, type PartitionProgress, type PartitionStatus } from './metrics.js';
export { cassandraSettings, commonSettings, mqttSettings, parseConfig, portSetting, postgresSettings } from './config.js';
export { createPostgresPool } from './postgres-pool.js';
export { createLogger } from './logger.js';
export { createCommandQueue, type CommandQueue, type QueuedCommand } from './command-queue.js';
