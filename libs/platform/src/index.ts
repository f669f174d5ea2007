export { PlatformError, type PlatformErrorCode } from './errors.js';
export { migrateCassandra, type CassandraMigrationOptions } from './migrations/cassandra.js';
export { splitCql } from './migrations/cql-split.js';
export { migratePostgres, type PostgresMigrationResult } from './migrations/postgres.js';
