import type { DomainError } from './errors.js';
import type { Result } from './result.js';

// Emmett's decider: three pure functions. Rebuild state with events.reduce(evolve, initialState()).
export type Decider<State, Command, Event, Error = DomainError> = {
  readonly decide: (command: Command, state: State) => Result<readonly Event[], Error>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
};

export const foldEvents = <State, Event>(
  decider: Pick<Decider<State, never, Event, unknown>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
