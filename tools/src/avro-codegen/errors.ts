// Coded errors so CI logs and tests can match on a stable `code` instead of message wording.
export type CodegenErrorCode =
  | 'CODEGEN_INVALID_JSON'
  | 'CODEGEN_INVALID_SCHEMA'
  | 'CODEGEN_BAD_SCHEMA_PATH'
  | 'CODEGEN_EVENT_NOT_A_RECORD'
  | 'CODEGEN_FILE_NAME_MISMATCH'
  | 'CODEGEN_CONFLICTING_DEFINITION'
  | 'CODEGEN_NAME_CLASH';

export class CodegenError extends Error {
  override readonly name = 'CodegenError';

  constructor(
    readonly code: CodegenErrorCode,
    message: string,
    /** Schema files (relative to schemas/avro) the problem was found in. */
    readonly files: readonly string[] = [],
  ) {
    super(`${code}: ${message}`);
  }
}
