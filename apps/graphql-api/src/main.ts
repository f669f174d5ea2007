// graphql-api: the console API. Composition root: config once, start, stop on signals.
import { createLogger } from '@fleetlog/platform';
import { loadConfig } from './config.js';
import { startApi } from './server.js';

const config = loadConfig(process.env);
const logger = createLogger('graphql-api', config.FLEETLOG_LOG_LEVEL);
const api = await startApi(config, logger);

const shutdown = async (signal: string) => {
  logger.info({ signal }, 'shutting down');
  await api.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
