// Ends every switch over a union: adding a member without handling it becomes a compile error.
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
