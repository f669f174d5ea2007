import pino from 'pino';
import { stopOnSignals } from '@fleetlog/platform';
import { loadConfig, perSerial } from './config.js';
import { createFleet } from './cpe/fleet.js';
import { messageOf } from './errors.js';

// Composition root: config, logger, fleet; boot it; stop it on SIGTERM/SIGINT.
const main = async () => {
  // An invalid setting ends in main's catch below, with every problem in the message.
  const config = loadConfig(process.env);
  const logger = pino({ name: 'device-sim', level: config.logLevel });

  const fleet = await createFleet({
    count: config.count,
    serialPrefix: config.serialPrefix,
    staggerMs: config.staggerMs,
    acsUrl: config.acsUrl,
    oui: config.oui,
    productClass: config.productClass,
    dataModel: config.dataModel,
    gzip: config.gzip,
    periodicInformEnable: config.periodicInformEnable,
    periodicInformInterval: config.periodicInformInterval,
    connectionRequest: { host: config.connectionRequest.host, port: config.connectionRequest.port },
    timings: { rebootMs: config.rebootMs },
    logger,
    perCpe: (_index, serialNumber) => ({
      username: perSerial(config.username, serialNumber),
      password: perSerial(config.password, serialNumber),
      connectionRequest: {
        username: perSerial(config.connectionRequest.username, serialNumber),
        password: perSerial(config.connectionRequest.password, serialNumber),
      },
    }),
  });
  logger.info(
    { acsUrl: config.acsUrl, cpes: fleet.cpes.map((cpe) => ({ serialNumber: cpe.serialNumber, connectionRequestUrl: cpe.connectionRequestUrl })) },
    `${fleet.cpes.length} simulated CPEs ready; booting`,
  );

  const stopping = stopOnSignals(logger, () => fleet.stop(), 10_000);

  // Sessions that fail while the ACS is not up yet are retried by each CPE with backoff.
  const first = await fleet.start();
  const completed = first.filter((s) => s.outcome === 'completed').length;
  if (!stopping()) logger.info({ completed, failed: first.length - completed }, 'first sessions over; failed ones are being retried');
};

main().catch((error: unknown) => {
  console.error(`device-sim failed: ${messageOf(error)}`);
  process.exit(1);
});
