/** Coded errors of the platform library. */
export type PlatformErrorCode = 'MIGRATION_FAILED' | 'MIGRATION_CHANGED' | 'MIGRATION_LOCKED' | 'CONFIG_INVALID';

export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly retriable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PlatformError';
  }
}
