/** Coded errors of the local stack manager. */
export type StackErrorCode =
  | 'STACK_DOWNLOAD_FAILED'
  | 'STACK_PORT_TAKEN'
  | 'STACK_SERVER_FAILED'
  | 'STACK_HEALTH_TIMEOUT'
  | 'STACK_INSTALL_FAILED'
  | 'STACK_PROVISION_FAILED'
  | 'STACK_CHECKSUM_MISMATCH';

export class StackError extends Error {
  constructor(
    readonly code: StackErrorCode,
    message: string,
    /** Server the error concerns, and the tail of its log when it failed to start. */
    readonly server?: string,
    readonly logTail?: string,
  ) {
    super(message);
    this.name = 'StackError';
  }
}
