// projector-postgres: builds the Postgres read models from the device, command and tenant topics.
// Composition root: config once, start, serve metrics and health, stop on signals.
import pino from 'pino';
import { serveMetrics, stopOnSignals } from '@fleetlog/platform';
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

stopOnSignals(logger, async () => {
  await http.close();
  await projector.stop();
});
