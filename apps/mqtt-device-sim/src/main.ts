// mqtt-device-sim: simulated MQTT devices (devices mode) or a telemetry burst for benchmarks (burst mode).
// Composition root: config once, logger, start, stop on SIGTERM/SIGINT.
import { createLogger, stopOnSignals } from '@fleetlog/platform';
import { loadConfig, type SimConfig } from './config.js';
import { createTelemetryBurst } from './burst.js';
import { messageOf } from './errors.js';
import { createMqttFleet } from './fleet.js';

const config = loadConfig(process.env);
const logger = createLogger('mqtt-device-sim', config.FLEETLOG_LOG_LEVEL);
const credentials = config.FLEETLOG_MQTT_USERNAME ? { username: config.FLEETLOG_MQTT_USERNAME, password: config.FLEETLOG_MQTT_PASSWORD } : {};

/** Polls the pace URL so the burst never runs more than its window ahead of the receiver. */
const pace = async (c: SimConfig) => {
  const url = c.FLEETLOG_MQTT_SIM_PACE_URL;
  if (!url) return { absorbed: undefined, stop: () => undefined };
  const read = async (): Promise<number | undefined> => {
    try {
      const value = Number(((await (await fetch(url)).json()) as Record<string, unknown>)[c.FLEETLOG_MQTT_SIM_PACE_FIELD]);
      return Number.isFinite(value) ? value : undefined;
    } catch (error) {
      logger.debug({ err: messageOf(error) }, 'pace URL did not answer');
      return undefined;
    }
  };
  // The count runs since the receiver started: what it took before this burst is not ours.
  const base = (await read()) ?? 0;
  let taken = 0;
  let polling = false;
  const timer = setInterval(() => {
    if (polling) return;
    polling = true;
    void read().then((value) => {
      polling = false;
      if (value !== undefined) taken = value - base;
    });
  }, 10);
  return { absorbed: () => taken, stop: () => clearInterval(timer) };
};

const runBurst = async (c: SimConfig) => {
  const paced = await pace(c);
  const burst = createTelemetryBurst({
    brokerUrl: c.FLEETLOG_MQTT_URL,
    tenantId: c.FLEETLOG_MQTT_SIM_TENANT,
    ...credentials,
    ...(c.FLEETLOG_MQTT_SIM_TOPIC_PREFIX === undefined ? {} : { topicPrefix: c.FLEETLOG_MQTT_SIM_TOPIC_PREFIX }),
    connections: c.FLEETLOG_MQTT_SIM_BURST_CONNECTIONS,
    devices: c.FLEETLOG_MQTT_SIM_BURST_DEVICES,
    qos: c.FLEETLOG_MQTT_SIM_BURST_QOS,
    window: c.FLEETLOG_MQTT_SIM_BURST_WINDOW,
    ...(paced.absorbed ? { absorbed: paced.absorbed } : {}),
  });
  await burst.connect();
  logger.info({ connections: c.FLEETLOG_MQTT_SIM_BURST_CONNECTIONS, devices: c.FLEETLOG_MQTT_SIM_BURST_DEVICES, qos: c.FLEETLOG_MQTT_SIM_BURST_QOS }, 'burst connected');
  const result = await burst.run(c.FLEETLOG_MQTT_SIM_BURST_MESSAGES);
  paced.stop();
  await burst.close();
  logger.info({ ...result, rate: Math.round(result.sent / result.seconds) }, 'burst done');
};

const runDevices = async (c: SimConfig) => {
  const fleet = createMqttFleet({
    brokerUrl: c.FLEETLOG_MQTT_URL,
    tenantId: c.FLEETLOG_MQTT_SIM_TENANT,
    ...credentials,
    ...(c.FLEETLOG_MQTT_SIM_TOPIC_PREFIX === undefined ? {} : { topicPrefix: c.FLEETLOG_MQTT_SIM_TOPIC_PREFIX }),
    ...(c.FLEETLOG_MQTT_SIM_TELEMETRY_MS === undefined ? {} : { telemetryIntervalMs: c.FLEETLOG_MQTT_SIM_TELEMETRY_MS }),
    seed: c.FLEETLOG_MQTT_SIM_SEED,
    devices: { generic: c.FLEETLOG_MQTT_SIM_GENERIC, shelly: c.FLEETLOG_MQTT_SIM_SHELLY, dji: c.FLEETLOG_MQTT_SIM_DJI },
    staggerMs: c.FLEETLOG_MQTT_SIM_STAGGER_MS,
    onError: (error) => logger.warn({ err: error.message }, 'device error'),
  });
  await fleet.start();
  logger.info({ tenantId: c.FLEETLOG_MQTT_SIM_TENANT, devices: fleet.devices.map((d) => d.deviceId) }, 'simulated MQTT devices connected');
  stopOnSignals(logger, fleet.stop);
};

if (config.FLEETLOG_MQTT_SIM_MODE === 'burst') {
  await runBurst(config).then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: messageOf(error) }, 'burst failed');
      process.exit(1);
    },
  );
} else {
  await runDevices(config);
}
