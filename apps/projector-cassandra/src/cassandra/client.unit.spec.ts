import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errors, types } from 'cassandra-driver';
import { fromDriverError } from './client.js';

const codes = types.responseErrorCodes;

describe('Cassandra driver errors', () => {
  const retriable: [string, Error][] = [
    ['no host available', new errors.NoHostAvailableError({})],
    ['a client-side time-out', new errors.OperationTimedOutError('timed out', '127.0.0.1:9042')],
    ['a busy connection', new errors.BusyConnectionError('127.0.0.1:9042', 2048, 1)],
    ['a write time-out', new errors.ResponseError(codes.writeTimeout, 'write timeout')],
    ['a read time-out', new errors.ResponseError(codes.readTimeout, 'read timeout')],
    ['too few replicas', new errors.ResponseError(codes.unavailableException, 'unavailable')],
    ['an overloaded node', new errors.ResponseError(codes.overloaded, 'overloaded')],
  ];
  for (const [what, e] of retriable) {
    it(`treats ${what} as retriable`, () => {
      const err = fromDriverError(e, 'writing');
      assert.equal(err.code, 'PROJECTOR_CASSANDRA_UNAVAILABLE');
      assert.equal(err.retriable, true);
      assert.equal(err.cause, e);
    });
  }

  const refused: [string, Error][] = [
    ['an invalid query (e.g. a missing table)', new errors.ResponseError(codes.invalid, 'unconfigured table telemetry_samples')],
    ['a syntax error', new errors.ResponseError(codes.syntaxError, 'line 1')],
    ['an unauthorised statement', new errors.ResponseError(codes.unauthorized, 'no')],
    ['an unknown error', new Error('something else')],
  ];
  for (const [what, e] of refused) {
    it(`does not retry ${what}`, () => {
      const err = fromDriverError(e, 'writing');
      assert.equal(err.code, 'PROJECTOR_CASSANDRA_REJECTED');
      assert.equal(err.retriable, false);
      assert.match(err.message, /^writing: /);
    });
  }
});
