// projector-postgres: builds the Postgres read models from the device, command and tenant topics.
// Composition root: config once, start, serve metrics and health, stop on signals.
import pino from 'pino';
import { serveMetrics } from '@fleetlog/platform';
import { loadConfig } from './config.js';
import { startProjector } from './projector.js';

const config = loadConfig(process.env);
const logger = pino({ name: 'projector-postgres', level: config.FLEETLOG_LOG_LEVEL });
const projector = await startProjector(config, logger);
const http = await serveMetrics({
  host: config.FLEETLOG_PROJECTOR_POSTGRES_METRICS_HOST,
  port: config.FLEETLOG_PROJECTOR_POSTGRES_METRICS_PORT,
  registry: projector.metrics.registry,
  health: () => ({ ok: true, projector: config.FLEETLOG_PROJECTOR_NAME, partitions: projector.metrics.partitions() }),
});
logger.info({ port: http.port }, 'projector-postgres metrics and health listening');

const shutdown = async (signal: string) => {
  logger.info({ signal }, 'shutting down');
  await http.close();
  await projector.stop();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
