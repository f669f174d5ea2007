import type { Protocol } from '../protocol.js';
import type { Shape } from '../shape.js';

// One entry of the catalog: which protocol carries the kind and the shape of its arguments.
export type CommandKindSpec<P extends Protocol = Protocol, A = unknown> = {
  readonly protocol: P;
  readonly arguments: Shape<A>;
};

// Keeps the protocol literal ('CWMP', not Protocol) so types can be derived per kind.
export const kindSpec = <P extends Protocol, A>(protocol: P, args: Shape<A>): CommandKindSpec<P, A> => ({
  protocol,
  arguments: args,
});
