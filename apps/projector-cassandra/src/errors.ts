/**
 * Coded errors of the Cassandra projector. `retriable` says whether the same call may succeed
 * later (Cassandra down, overloaded or slow); only retriable errors are retried.
 */
export type ProjectorErrorCode =
  /** Cassandra could not be reached or did not answer in time. */
  | 'PROJECTOR_CASSANDRA_UNAVAILABLE'
  /** Cassandra refused a statement for a reason that waiting will not fix. */
  | 'PROJECTOR_CASSANDRA_REJECTED'
  /** The keyspace lacks a table the projector writes: the migrations were not applied. */
  | 'PROJECTOR_SCHEMA_MISSING'
  /** The consumer stopped or lost the partition while a batch was being applied; it is not committed. */
  | 'PROJECTOR_STOPPED';

export class ProjectorError extends Error {
  constructor(
    readonly code: ProjectorErrorCode,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProjectorError';
  }
}

export const isProjectorError = (e: unknown, code?: ProjectorErrorCode): e is ProjectorError =>
  e instanceof ProjectorError && (code === undefined || e.code === code);
