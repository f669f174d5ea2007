// mqtt-ingress: MQTT IoT devices of every vendor adapter to Kafka, and commands back to them.
// Composition root: config once, start, stop on signals (drain what was received, then close).
import { createLogger, stopOnSignals } from '@fleetlog/platform';
import { loadConfig } from './config.js';
import { startIngress } from './ingress.js';

const config = loadConfig(process.env);
const logger = createLogger('mqtt-ingress', config.FLEETLOG_LOG_LEVEL);
const ingress = await startIngress(config, logger);

stopOnSignals(logger, ingress.stop);
