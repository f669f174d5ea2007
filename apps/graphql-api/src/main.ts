// graphql-api: the console API. Composition root: config once, start, stop on signals.
import { createLogger, stopOnSignals } from '@fleetlog/platform';
import { loadConfig } from './config.js';
import { startApi } from './server.js';

const config = loadConfig(process.env);
const logger = createLogger('graphql-api', config.FLEETLOG_LOG_LEVEL);
const api = await startApi(config, logger);

stopOnSignals(logger, api.stop);
