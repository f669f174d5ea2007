// Pure core of the code generator: schema files in, generated files out. No file system here,
// so the whole mapping is unit-testable and the CLI is only I/O.
import { collect, type SchemaSource } from './collect.js';
import { emit, type GeneratedFile } from './emit.js';

export type { GeneratedFile } from './emit.js';
export type { SchemaSource } from './collect.js';

/**
 * Generates the TypeScript for libs/events/src/generated. The result is sorted and does not
 * depend on the order of `schemas`, so regenerating on any machine gives identical files.
 */
export function generate(schemas: readonly SchemaSource[]): GeneratedFile[] {
  return emit(collect(schemas));
}
