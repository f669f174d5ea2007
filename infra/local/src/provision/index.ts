import type { StackContext } from '../server.js';

export const provision = async (ctx: StackContext): Promise<void> => {
  ctx.say('stack', 'provisioning: nothing yet');
};
