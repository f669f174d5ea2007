// cwmp-ingress: the TR-069 ACS endpoint. Composition root: config once, start, stop on signals.
import pino from 'pino';
import { loadConfig } from './config.js';
import { startIngress } from './ingress.js';

const config = loadConfig(process.env);
const logger = pino({ name: 'cwmp-ingress', level: config.FLEETLOG_LOG_LEVEL });
const ingress = await startIngress(config, logger);

const shutdown = async (signal: string) => {
  logger.info({ signal }, 'shutting down');
  await ingress.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
