// The Cassandra session the projector writes through, and how its errors map to coded ones.
import { Client, errors, policies, types } from 'cassandra-driver';
import { ProjectorError } from '../errors.js';

const codes = types.responseErrorCodes;

/** Server answers that mean "not now": the same statement may succeed once the node recovers. */
const RETRIABLE_RESPONSES = new Set<number>([
  codes.serverError,
  codes.unavailableException,
  codes.overloaded,
  codes.isBootstrapping,
  codes.truncateError,
  codes.writeTimeout,
  codes.readTimeout,
  codes.readFailure,
  codes.writeFailure,
  codes.unprepared,
]);

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * Maps a driver error to a ProjectorError. No host, time-outs, busy connections and the server's
 * "unavailable / overloaded / timed out" answers are retriable; a refused statement (invalid
 * query, missing table, bad credentials) is not.
 */
export const fromDriverError = (e: unknown, what: string): ProjectorError => {
  if (e instanceof ProjectorError) return e;
  const retriable =
    e instanceof errors.NoHostAvailableError ||
    e instanceof errors.OperationTimedOutError ||
    e instanceof errors.BusyConnectionError ||
    (e instanceof errors.ResponseError && RETRIABLE_RESPONSES.has(e.code));
  return retriable
    ? new ProjectorError('PROJECTOR_CASSANDRA_UNAVAILABLE', `${what}: ${describe(e)}`, true, { cause: e })
    : new ProjectorError('PROJECTOR_CASSANDRA_REJECTED', `${what}: ${describe(e)}`, false, { cause: e });
};

export interface CassandraSettings {
  contactPoints: string[];
  localDataCenter: string;
  queryTimeoutMs: number;
}

/**
 * LOCAL_QUORUM for reads and writes: a rollup recomputed from raw rows then sees every sample
 * written by earlier batches, on any replication factor. Reconnection is attempted at most 10 s
 * apart, so writes resume soon after Cassandra comes back.
 */
export const createCassandraClient = (s: CassandraSettings): Client =>
  new Client({
    contactPoints: s.contactPoints,
    localDataCenter: s.localDataCenter,
    queryOptions: { consistency: types.consistencies.localQuorum, prepare: true, isIdempotent: true },
    socketOptions: { readTimeout: s.queryTimeoutMs, connectTimeout: 5000 },
    policies: { reconnection: new policies.reconnection.ExponentialReconnectionPolicy(500, 10_000, false) },
  });
