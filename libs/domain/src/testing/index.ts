// Test helpers for deciders, imported as @fleetlog/domain/testing (kept out of the runtime API).
export { deciderSpec, SpecificationError } from './decider-spec.js';
export { deepEqual } from './deep-equal.js';
