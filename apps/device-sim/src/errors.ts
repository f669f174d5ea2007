/**
 * Coded errors of the CPE simulator. `retriable` says whether the same session may succeed later:
 * the simulator retries those with backoff (or after Retry-After) and only reports the others.
 */
export type SimErrorCode =
  /** The environment or the options do not describe a usable simulator. */
  | 'SIM_CONFIG_INVALID'
  /** No TCP connection, reset, or no answer in time: the ACS is not up (yet). */
  | 'SIM_ACS_UNREACHABLE'
  /** The ACS answered 503, usually with Retry-After. */
  | 'SIM_ACS_BUSY'
  /** The ACS answered 401 and our credentials (if any) did not satisfy it. */
  | 'SIM_AUTH_FAILED'
  /** The ACS answered with an HTTP status a CWMP session does not expect. */
  | 'SIM_HTTP_STATUS'
  /** The ACS answered with something that is not the next step of a CWMP session. */
  | 'SIM_PROTOCOL'
  /** stop() was called while the session ran. */
  | 'SIM_STOPPED'
  /** changeValue() named no parameter, or a value its type does not allow. */
  | 'SIM_INVALID_CHANGE'
  /** A waitForSession() condition did not come true in time. */
  | 'SIM_WAIT_TIMEOUT';

export class SimError extends Error {
  constructor(
    readonly code: SimErrorCode,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SimError';
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** From the ACS's Retry-After header, when it sent one. */
  readonly retryAfterMs: number | undefined;
}

export const isSimError = (e: unknown, code?: SimErrorCode): e is SimError =>
  e instanceof SimError && (code === undefined || e.code === code);

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
