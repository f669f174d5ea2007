/**
 * Coded errors of the USP agent simulator. `retriable` says whether trying again later may work.
 * What a controller gets wrong is never one of these: the agent answers it with USP error codes.
 */
export type UspSimErrorCode =
  /** The environment or the options do not describe a usable simulator. */
  | 'USP_SIM_CONFIG_INVALID'
  /** The broker did not accept the agent in time; the agent keeps trying until stop(). */
  | 'USP_SIM_BROKER_UNREACHABLE'
  /** stop() was called while something waited on the agent. */
  | 'USP_SIM_STOPPED'
  /** changeValue() named no parameter, a computed one, or a value its type does not allow. */
  | 'USP_SIM_INVALID_CHANGE'
  /** A waitFor() condition did not come true in time. */
  | 'USP_SIM_WAIT_TIMEOUT';

export class UspSimError extends Error {
  constructor(
    readonly code: UspSimErrorCode,
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UspSimError';
  }
}

export const isUspSimError = (e: unknown, code?: UspSimErrorCode): e is UspSimError =>
  e instanceof UspSimError && (code === undefined || e.code === code);

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
