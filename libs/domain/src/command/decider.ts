import type { Decider } from '../decider.js';
import type { CommandLifecycleCommand } from './commands.js';
import { decideCommand } from './decide.js';
import type { CommandEvent } from './events.js';
import { evolveCommand, initialCommandState } from './state.js';
import type { CommandState } from './state.js';

// The lifecycle of one command; aggregate id = command id, stream key = tenantId/deviceId.
export const commandDecider: Decider<CommandState, CommandLifecycleCommand, CommandEvent> = {
  decide: decideCommand,
  evolve: evolveCommand,
  initialState: initialCommandState,
};
