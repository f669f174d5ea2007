import type { Decider } from '../decider.js';
import { deepEqual, show } from './deep-equal.js';

export class SpecificationError extends Error {
  constructor(
    message: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(`${message}\nexpected: ${show(expected)}\nactual:   ${show(actual)}`);
    this.name = 'SpecificationError';
  }
}

type Outcome<Event, Error> = {
  // The command succeeds with exactly these events.
  readonly then: (expected: readonly Event[]) => void;
  // The command succeeds and records nothing (idempotent or no-op).
  readonly thenNothing: () => void;
  // The command fails with this error code; returns the error for further checks.
  readonly thenFails: (code: Error extends { readonly code: infer C } ? C : never) => Error;
};

type Given<State, Command, Event, Error> = {
  readonly when: (command: Command) => Outcome<Event, Error>;
  // The state the events fold into (tests evolve).
  readonly thenState: (expected: State) => void;
};

/**
 * Tests that read like requirements:
 *
 *   const { given } = deciderSpec(deviceDecider);
 *   given([registered]).when(tagDevice('pilot')).then([tagged('pilot')]);
 *   given([]).when(tagDevice('pilot')).thenFails('DEVICE_NOT_REGISTERED');
 *
 * Failures throw a SpecificationError, which node:test reports like any assertion.
 */
export const deciderSpec = <State, Command, Event, Error extends { readonly code: string }>(
  decider: Decider<State, Command, Event, Error>,
) => ({
  given: (events: readonly Event[]): Given<State, Command, Event, Error> => {
    const fold = (): State => events.reduce(decider.evolve, decider.initialState());
    return {
      when: (command) => {
        const decide = () => decider.decide(command, fold());
        const then = (expected: readonly Event[]) => {
          const result = decide();
          if (!result.ok) throw new SpecificationError('Expected events but the command failed', expected, result.error);
          if (!deepEqual(result.value, expected)) throw new SpecificationError('Unexpected events', expected, result.value);
          // The new events must also apply cleanly to the state they were decided from.
          result.value.reduce(decider.evolve, fold());
        };
        return {
          then,
          thenNothing: () => then([]),
          thenFails: (code) => {
            const result = decide();
            if (result.ok) throw new SpecificationError(`Expected failure ${code} but the command succeeded`, code, result.value);
            if (result.error.code !== code) throw new SpecificationError('Unexpected error code', code, result.error);
            return result.error;
          },
        };
      },
      thenState: (expected) => {
        const actual = fold();
        if (!deepEqual(actual, expected)) throw new SpecificationError('Unexpected state', expected, actual);
      },
    };
  },
});
