// cwmp-ingress: the TR-069 ACS endpoint. Composition root: config once, start, stop on signals.
import pino from 'pino';
import { stopOnSignals } from '@fleetlog/platform';
import { loadConfig } from './config.js';
import { startIngress } from './ingress.js';

const config = loadConfig(process.env);
const logger = pino({ name: 'cwmp-ingress', level: config.FLEETLOG_LOG_LEVEL });
const ingress = await startIngress(config, logger);

stopOnSignals(logger, ingress.stop);
