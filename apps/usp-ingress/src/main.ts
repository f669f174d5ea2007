// usp-ingress: the TR-369 USP controller over MQTT. Composition root: config once, start, stop on signals.
import { createLogger, stopOnSignals } from '@fleetlog/platform';
import { loadConfig } from './config.js';
import { startIngress } from './ingress.js';

const config = loadConfig(process.env);
const logger = createLogger('usp-ingress', config.FLEETLOG_LOG_LEVEL);
const ingress = await startIngress(config, logger);

stopOnSignals(logger, ingress.stop);
