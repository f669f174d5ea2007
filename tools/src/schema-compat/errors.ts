// Coded errors and problem codes: CI output and tests match on these, not on message wording.
import type { Incompatibility } from './locate.js';

/** What a schema file can be reported for. */
export type ProblemCode =
  /** The working-tree schema is not valid JSON or not valid Avro. */
  | 'SCHEMA_INVALID'
  /** The current schema cannot read data written with an earlier version (avsc refused to resolve). */
  | 'SCHEMA_INCOMPATIBLE'
  /** Resolution was accepted, yet decoding a sample written with the old version failed. */
  | 'SCHEMA_ROUND_TRIP_FAILED'
  /** A committed version is not valid Avro: no producer could have written with it, so it is skipped. */
  | 'SCHEMA_OLD_VERSION_INVALID'
  /** A schema that existed in history is gone; data on topics may still need it. */
  | 'SCHEMA_DELETED';

export type Severity = 'error' | 'warning';

export interface CompatProblem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly message: string;
  /** Commit of the earlier version involved, when there is one. */
  readonly rev?: string;
  /** Where reading fails (e.g. `payload.identity.model`), for SCHEMA_INCOMPATIBLE. */
  readonly locations?: readonly Incompatibility[];
}

export type SchemaCompatErrorCode = 'SCHEMA_COMPAT_USAGE' | 'SCHEMA_COMPAT_GIT_FAILED';

/** Raised when the check itself cannot run (bad arguments, git failing), as opposed to finding problems. */
export class SchemaCompatError extends Error {
  override readonly name = 'SchemaCompatError';

  constructor(
    readonly code: SchemaCompatErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
