import { z } from 'zod';
import { commonSettings, mqttSettings, parseConfig, portSetting, postgresSettings } from '@fleetlog/platform';

const tenantId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);

const schema = z.object({
  ...commonSettings,
  ...postgresSettings,
  ...mqttSettings,
  /** This controller's USP endpoint id: agents address their records to it (to_id). */
  FLEETLOG_USP_ENDPOINT_ID: z.string().regex(/^[a-z]+:[^:]*:\S+$/, 'must be an endpoint id like proto::fleetlog-controller').default('proto::fleetlog-controller'),
  /**
   * Agents publish to <topic>/<tenant>/<their endpoint id>: the broker's ACL lets an agent's
   * credentials write only there, so the topic says which tenant and agent authenticated.
   */
  FLEETLOG_USP_CONTROLLER_TOPIC: z.string().regex(/^[^#+]+[^/#+]$/, 'a topic prefix without wildcards or a trailing /').default('usp/controller'),
  /** Tenants this controller serves, comma-separated; empty serves every tenant the broker lets in. */
  FLEETLOG_USP_TENANTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((t) => t.trim()).filter((t) => t.length > 0))
    .pipe(z.array(tenantId)),
  /** The agent's own topic when it has not told us yet (no response topic, no connect record); {endpointId} is replaced. Empty: wait until it does. */
  FLEETLOG_USP_AGENT_TOPIC_TEMPLATE: z.string().default(''),
  FLEETLOG_USP_MAX_RECORD_BYTES: z.coerce.number().int().min(1024).max(256 * 1024 * 1024).default(1024 * 1024),
  /** A request the agent has not answered in this time is sent again when the agent next connects. */
  FLEETLOG_USP_RESPONSE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(60),
  FLEETLOG_USP_MQTT_CLIENT_ID: z.string().min(1).optional(),
  /** Instances with the same group share the agents' records (an MQTT shared subscription). */
  FLEETLOG_USP_SHARE_GROUP: z.string().regex(/^[^/#+]+$/).default('usp-ingress'),
  FLEETLOG_USP_METRICS_PORT: portSetting.default(9466),
});

export type Config = z.infer<typeof schema>;

/** Parses the environment once; an invalid setting stops the app with every problem listed. */
export const loadConfig = (env: NodeJS.ProcessEnv): Config => parseConfig('usp-ingress', schema, env);
