import pino from 'pino';
import { stopOnSignals } from '@fleetlog/platform';
import { createUspAgentFleet } from './agent/fleet.js';
import { loadConfig, perEndpoint } from './config.js';
import { messageOf } from './errors.js';

// Composition root: config, logger, fleet; start it; stop it on SIGTERM/SIGINT.
const main = async () => {
  // An invalid setting ends in main's catch below, with every problem in the message.
  const config = loadConfig(process.env);
  const logger = pino({ name: 'usp-agent-sim', level: config.logLevel });

  const fleet = createUspAgentFleet({
    count: config.count,
    endpointIdPrefix: config.endpointIdPrefix,
    staggerMs: config.staggerMs,
    brokerUrl: config.brokerUrl,
    tenantId: config.tenantId,
    controllerId: config.controllerId,
    mqttVersion: config.mqttVersion,
    notifyRetryMs: config.notifyRetryMs,
    rebootDelayMs: config.rebootDelayMs,
    logger,
    perAgent: (_index, endpointId) =>
      config.username === '' && config.password === ''
        ? {}
        : { credentials: { username: perEndpoint(config.username, endpointId), password: perEndpoint(config.password, endpointId) } },
  });
  logger.info(
    { brokerUrl: config.brokerUrl, tenantId: config.tenantId, controllerId: config.controllerId, agents: fleet.agents.map((agent) => agent.endpointId) },
    `${fleet.agents.length} simulated USP agents starting`,
  );

  const stopping = stopOnSignals(logger, () => fleet.stop(), 10_000);

  // An agent that cannot reach the broker yet keeps trying on its own.
  try {
    await fleet.start();
    if (!stopping()) logger.info({ agents: fleet.agents.length }, 'every agent is online; Boot! sent, retried until the controller answers');
  } catch (error) {
    if (!stopping()) logger.warn({ err: messageOf(error) }, 'not every agent came online in time; they keep trying');
  }
};

main().catch((error: unknown) => {
  console.error(`usp-agent-sim failed: ${messageOf(error)}`);
  process.exit(1);
});
