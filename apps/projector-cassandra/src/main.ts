// projector-cassandra: telemetry events into Cassandra. Composition root: config once, start, stop on signals.
import pino from 'pino';
import { stopOnSignals } from '@fleetlog/platform';
import { loadConfig } from './config.js';
import { startProjector } from './projector.js';

const config = loadConfig(process.env);
const logger = pino({ name: 'projector-cassandra', level: config.FLEETLOG_LOG_LEVEL });
const projector = await startProjector(config, logger).catch((e: unknown) => {
  // E.g. PROJECTOR_SCHEMA_MISSING, or Kafka unreachable at start: say why, and exit non-zero.
  logger.fatal({ err: e, code: (e as { code?: string }).code }, 'projector-cassandra could not start');
  process.exit(1);
});

stopOnSignals(logger, projector.stop);
