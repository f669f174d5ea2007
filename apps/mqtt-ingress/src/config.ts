import { z } from 'zod';
import { DEFAULT_LIMITS, DEFAULT_TOPIC_PREFIX } from '@fleetlog/mqtt-vendors';
import { commonSettings, mqttSettings, parseConfig, portSetting, postgresSettings } from '@fleetlog/platform';

const seconds = z.coerce.number().int().min(0);

const schema = z.object({
  ...commonSettings,
  ...postgresSettings,
  ...mqttSettings,
  /** First level of every device topic: `<prefix>/<tenant>/<vendor>/<native topic>` (see docs/MQTT.md). */
  FLEETLOG_MQTT_TOPIC_PREFIX: z.string().regex(/^[^#+/]+(\/[^#+/]+)*$/, 'must be topic levels without wildcards or empty levels').default(DEFAULT_TOPIC_PREFIX),
  /** MQTT client id of this instance; default fleetlog-mqtt-ingress-<FLEETLOG_INSTANCE>. Keep it stable to resume a persistent session. */
  FLEETLOG_MQTT_CLIENT_ID: z.string().min(1).max(256).optional(),
  /** Non-empty: subscribe as `$share/<group>/...` so that the instances of one group split the messages. */
  FLEETLOG_MQTT_SHARED_GROUP: z.string().regex(/^[^#+/]*$/, 'must be one topic level').default(''),
  /**
   * all: one subscription to `<prefix>/#`, so unknown vendors and topics end on the rejects topic too.
   * vendors: only the adapters' own filters; the broker drops what no adapter reads before it reaches us.
   */
  FLEETLOG_MQTT_SUBSCRIBE: z.enum(['all', 'vendors']).default('all'),
  /** > 0: a persistent session that keeps unacknowledged QoS 1 messages for this long while the ingress is away. */
  FLEETLOG_MQTT_SESSION_EXPIRY_SECONDS: seconds.max(0xffffffff).default(300),
  /** QoS 1 messages the broker may send before our acknowledgements (sent once their events are on Kafka). */
  FLEETLOG_MQTT_RECEIVE_MAXIMUM: z.coerce.number().int().min(1).max(65535).default(10_000),
  /** Larger payloads are refused (MQTT_PAYLOAD_TOO_LARGE) and kept on the rejects topic. */
  FLEETLOG_MQTT_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).max(DEFAULT_LIMITS.maxPayloadBytes * 64).default(DEFAULT_LIMITS.maxPayloadBytes),
  /** Messages held until Kafka takes their events; past this the ingress stops reading from the broker. */
  FLEETLOG_MQTT_MAX_BUFFERED_MESSAGES: z.coerce.number().int().min(1).default(20_000),
  /** Events in one produce request at most. */
  FLEETLOG_MQTT_BATCH_EVENTS: z.coerce.number().int().min(1).max(100_000).default(5000),
  /** How long a device asked to identify itself (Shelly) may take before it is registered with what its topic says. */
  FLEETLOG_MQTT_IDENTIFY_TIMEOUT_SECONDS: seconds.default(10),
  /** A device with a reporting interval (DJI osd every 2 s) is offline after this many silent intervals... */
  FLEETLOG_MQTT_PRESENCE_MISSED_INTERVALS: z.coerce.number().int().min(1).default(3),
  /** ...plus this grace. */
  FLEETLOG_MQTT_PRESENCE_GRACE_SECONDS: seconds.default(10),
  /** Read the MQTT devices of the devices read model at start, so known devices are not registered again. */
  FLEETLOG_MQTT_SEED_DEVICES: z.stringbool().default(true),
  FLEETLOG_MQTT_METRICS_HOST: z.string().default('0.0.0.0'),
  FLEETLOG_MQTT_METRICS_PORT: portSetting.default(9465),
  /** Prefix of the Kafka topics read and written; empty in production (benchmarks and tests isolate themselves with it). */
  FLEETLOG_TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/).default(''),
});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; an invalid setting stops the app with every problem listed. */
export const loadConfig = (env: NodeJS.ProcessEnv): Config => parseConfig('mqtt-ingress', schema, env);
