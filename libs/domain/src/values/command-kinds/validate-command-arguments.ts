import { fail, invalidCommandArguments } from '../../errors.js';
import { err, ok } from '../../result.js';
import type { Result } from '../../result.js';
import { parseProtocol } from '../protocol.js';
import { validate } from '../shape.js';
import { describe } from '../text.js';
import { commandCatalog, isCommandKind } from './catalog.js';
import type { ValidCommandArguments } from './catalog.js';

/**
 * Checks that `kind` exists, belongs to `protocol`, and that `args` has its shape.
 * Fails with UNKNOWN_PROTOCOL, UNKNOWN_COMMAND_KIND, COMMAND_KIND_PROTOCOL_MISMATCH or
 * INVALID_COMMAND_ARGUMENTS (listing every problem).
 */
export const validateCommandArguments = (protocol: unknown, kind: unknown, args: unknown): Result<ValidCommandArguments> => {
  const parsedProtocol = parseProtocol(protocol);
  if (!parsedProtocol.ok) return parsedProtocol;
  if (!isCommandKind(kind)) return fail('UNKNOWN_COMMAND_KIND', `Unknown command kind ${describe(kind)}`);
  const spec = commandCatalog[kind];
  if (spec.protocol !== parsedProtocol.value) {
    return fail('COMMAND_KIND_PROTOCOL_MISMATCH', `${kind} is a ${spec.protocol} command, not ${parsedProtocol.value}`);
  }
  const checked = validate<unknown>(spec.arguments, args, 'arguments');
  if (!checked.ok) return err(invalidCommandArguments(kind, checked.problems));
  // The catalog ties kind, protocol and shape together; TypeScript cannot follow an indexed lookup.
  return ok({ protocol: spec.protocol, kind, arguments: checked.value } as ValidCommandArguments);
};

// For ingress apps reading CommandRequested back: the arguments travel as JSON text.
export const parseCommandArguments = (protocol: unknown, kind: unknown, argumentsJson: string): Result<ValidCommandArguments> => {
  let args: unknown;
  try {
    args = JSON.parse(argumentsJson);
  } catch {
    return err(invalidCommandArguments(String(kind), ['arguments: is not valid JSON']));
  }
  return validateCommandArguments(protocol, kind, args);
};
