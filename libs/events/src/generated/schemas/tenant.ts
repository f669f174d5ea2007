// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

/** Avro full name of the TenantApiKeyIssued event, as used for schema-registry subjects. */
export const TenantApiKeyIssuedFullName = 'dev.fleetlog.tenant.TenantApiKeyIssued';

/** Schema of the TenantApiKeyIssued event, as written in schemas/avro/tenant/TenantApiKeyIssued.avsc. */
export const TenantApiKeyIssuedSchema = {
  type: 'record',
  name: 'TenantApiKeyIssued',
  namespace: 'dev.fleetlog.tenant',
  doc: 'An API key for machine clients was issued. Only its hash is kept.',
  fields: [
    {
      name: 'eventId',
      type: 'string',
      doc: 'Unique id of this event; deterministic where the source allows, so a retried produce is recognisable.',
    },
    {
      name: 'type',
      type: 'string',
      doc: 'Event type, equal to the record name (e.g. DeviceRegistered).',
    },
    {
      name: 'tenantId',
      type: 'string',
      doc: 'Tenant that owns the aggregate; decided at ingress from what authenticated the sender.',
    },
    {
      name: 'aggregateId',
      type: 'string',
      doc: 'Tenant id.',
    },
    {
      name: 'occurredAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When it happened at the source (device or operator clock as reported).',
    },
    {
      name: 'recordedAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When Fleetlog recorded it.',
    },
    {
      name: 'correlationId',
      type: 'string',
      doc: 'Shared by every event of one causal chain (operator action, command, RPC, response, parameter change).',
    },
    {
      name: 'causationId',
      type: ['null', 'string'],
      default: null,
      doc: 'eventId of the event that directly caused this one; null for a chain start.',
    },
    {
      name: 'source',
      type: {
        type: 'record',
        name: 'EventSource',
        namespace: 'dev.fleetlog.common',
        fields: [
          {
            name: 'app',
            type: 'string',
            doc: 'Fleetlog app that recorded the event (e.g. cwmp-ingress).',
          },
          {
            name: 'instance',
            type: 'string',
            doc: 'Instance of that app (host name or pod name).',
          },
        ],
      },
    },
    {
      name: 'payload',
      type: {
        type: 'record',
        name: 'TenantApiKeyIssuedPayload',
        fields: [
          {
            name: 'keyId',
            type: 'string',
          },
          {
            name: 'name',
            type: 'string',
          },
          {
            name: 'keyHash',
            type: 'string',
            doc: 'scrypt hash of the secret, encoded as scrypt$<salt>$<hash>.',
          },
          {
            name: 'role',
            type: {
              type: 'enum',
              name: 'Role',
              namespace: 'dev.fleetlog.common',
              symbols: ['VIEWER', 'OPERATOR', 'ADMIN'],
            },
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the TenantApiKeyRevoked event, as used for schema-registry subjects. */
export const TenantApiKeyRevokedFullName = 'dev.fleetlog.tenant.TenantApiKeyRevoked';

/** Schema of the TenantApiKeyRevoked event, as written in schemas/avro/tenant/TenantApiKeyRevoked.avsc. */
export const TenantApiKeyRevokedSchema = {
  type: 'record',
  name: 'TenantApiKeyRevoked',
  namespace: 'dev.fleetlog.tenant',
  doc: 'An API key was revoked.',
  fields: [
    {
      name: 'eventId',
      type: 'string',
      doc: 'Unique id of this event; deterministic where the source allows, so a retried produce is recognisable.',
    },
    {
      name: 'type',
      type: 'string',
      doc: 'Event type, equal to the record name (e.g. DeviceRegistered).',
    },
    {
      name: 'tenantId',
      type: 'string',
      doc: 'Tenant that owns the aggregate; decided at ingress from what authenticated the sender.',
    },
    {
      name: 'aggregateId',
      type: 'string',
      doc: 'Tenant id.',
    },
    {
      name: 'occurredAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When it happened at the source (device or operator clock as reported).',
    },
    {
      name: 'recordedAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When Fleetlog recorded it.',
    },
    {
      name: 'correlationId',
      type: 'string',
      doc: 'Shared by every event of one causal chain (operator action, command, RPC, response, parameter change).',
    },
    {
      name: 'causationId',
      type: ['null', 'string'],
      default: null,
      doc: 'eventId of the event that directly caused this one; null for a chain start.',
    },
    {
      name: 'source',
      type: {
        type: 'record',
        name: 'EventSource',
        namespace: 'dev.fleetlog.common',
        fields: [
          {
            name: 'app',
            type: 'string',
            doc: 'Fleetlog app that recorded the event (e.g. cwmp-ingress).',
          },
          {
            name: 'instance',
            type: 'string',
            doc: 'Instance of that app (host name or pod name).',
          },
        ],
      },
    },
    {
      name: 'payload',
      type: {
        type: 'record',
        name: 'TenantApiKeyRevokedPayload',
        fields: [
          {
            name: 'keyId',
            type: 'string',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the TenantCreated event, as used for schema-registry subjects. */
export const TenantCreatedFullName = 'dev.fleetlog.tenant.TenantCreated';

/** Schema of the TenantCreated event, as written in schemas/avro/tenant/TenantCreated.avsc. */
export const TenantCreatedSchema = {
  type: 'record',
  name: 'TenantCreated',
  namespace: 'dev.fleetlog.tenant',
  doc: 'A tenant (an MSP, an ISP or an IoT operator) was created.',
  fields: [
    {
      name: 'eventId',
      type: 'string',
      doc: 'Unique id of this event; deterministic where the source allows, so a retried produce is recognisable.',
    },
    {
      name: 'type',
      type: 'string',
      doc: 'Event type, equal to the record name (e.g. DeviceRegistered).',
    },
    {
      name: 'tenantId',
      type: 'string',
      doc: 'Tenant that owns the aggregate; decided at ingress from what authenticated the sender.',
    },
    {
      name: 'aggregateId',
      type: 'string',
      doc: 'Tenant id.',
    },
    {
      name: 'occurredAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When it happened at the source (device or operator clock as reported).',
    },
    {
      name: 'recordedAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When Fleetlog recorded it.',
    },
    {
      name: 'correlationId',
      type: 'string',
      doc: 'Shared by every event of one causal chain (operator action, command, RPC, response, parameter change).',
    },
    {
      name: 'causationId',
      type: ['null', 'string'],
      default: null,
      doc: 'eventId of the event that directly caused this one; null for a chain start.',
    },
    {
      name: 'source',
      type: {
        type: 'record',
        name: 'EventSource',
        namespace: 'dev.fleetlog.common',
        fields: [
          {
            name: 'app',
            type: 'string',
            doc: 'Fleetlog app that recorded the event (e.g. cwmp-ingress).',
          },
          {
            name: 'instance',
            type: 'string',
            doc: 'Instance of that app (host name or pod name).',
          },
        ],
      },
    },
    {
      name: 'payload',
      type: {
        type: 'record',
        name: 'TenantCreatedPayload',
        fields: [
          {
            name: 'name',
            type: 'string',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the TenantCwmpCredentialRemoved event, as used for schema-registry subjects. */
export const TenantCwmpCredentialRemovedFullName = 'dev.fleetlog.tenant.TenantCwmpCredentialRemoved';

/** Schema of the TenantCwmpCredentialRemoved event, as written in schemas/avro/tenant/TenantCwmpCredentialRemoved.avsc. */
export const TenantCwmpCredentialRemovedSchema = {
  type: 'record',
  name: 'TenantCwmpCredentialRemoved',
  namespace: 'dev.fleetlog.tenant',
  doc: 'CPEs can no longer authenticate with this user name.',
  fields: [
    {
      name: 'eventId',
      type: 'string',
      doc: 'Unique id of this event; deterministic where the source allows, so a retried produce is recognisable.',
    },
    {
      name: 'type',
      type: 'string',
      doc: 'Event type, equal to the record name (e.g. DeviceRegistered).',
    },
    {
      name: 'tenantId',
      type: 'string',
      doc: 'Tenant that owns the aggregate; decided at ingress from what authenticated the sender.',
    },
    {
      name: 'aggregateId',
      type: 'string',
      doc: 'Tenant id.',
    },
    {
      name: 'occurredAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When it happened at the source (device or operator clock as reported).',
    },
    {
      name: 'recordedAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When Fleetlog recorded it.',
    },
    {
      name: 'correlationId',
      type: 'string',
      doc: 'Shared by every event of one causal chain (operator action, command, RPC, response, parameter change).',
    },
    {
      name: 'causationId',
      type: ['null', 'string'],
      default: null,
      doc: 'eventId of the event that directly caused this one; null for a chain start.',
    },
    {
      name: 'source',
      type: {
        type: 'record',
        name: 'EventSource',
        namespace: 'dev.fleetlog.common',
        fields: [
          {
            name: 'app',
            type: 'string',
            doc: 'Fleetlog app that recorded the event (e.g. cwmp-ingress).',
          },
          {
            name: 'instance',
            type: 'string',
            doc: 'Instance of that app (host name or pod name).',
          },
        ],
      },
    },
    {
      name: 'payload',
      type: {
        type: 'record',
        name: 'TenantCwmpCredentialRemovedPayload',
        fields: [
          {
            name: 'username',
            type: 'string',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the TenantCwmpCredentialSet event, as used for schema-registry subjects. */
export const TenantCwmpCredentialSetFullName = 'dev.fleetlog.tenant.TenantCwmpCredentialSet';

/** Schema of the TenantCwmpCredentialSet event, as written in schemas/avro/tenant/TenantCwmpCredentialSet.avsc. */
export const TenantCwmpCredentialSetSchema = {
  type: 'record',
  name: 'TenantCwmpCredentialSet',
  namespace: 'dev.fleetlog.tenant',
  doc: 'CPEs that authenticate with this user name belong to the tenant. Only the Digest HA1 is kept, never the password.',
  fields: [
    {
      name: 'eventId',
      type: 'string',
      doc: 'Unique id of this event; deterministic where the source allows, so a retried produce is recognisable.',
    },
    {
      name: 'type',
      type: 'string',
      doc: 'Event type, equal to the record name (e.g. DeviceRegistered).',
    },
    {
      name: 'tenantId',
      type: 'string',
      doc: 'Tenant that owns the aggregate; decided at ingress from what authenticated the sender.',
    },
    {
      name: 'aggregateId',
      type: 'string',
      doc: 'Tenant id.',
    },
    {
      name: 'occurredAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When it happened at the source (device or operator clock as reported).',
    },
    {
      name: 'recordedAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
      doc: 'When Fleetlog recorded it.',
    },
    {
      name: 'correlationId',
      type: 'string',
      doc: 'Shared by every event of one causal chain (operator action, command, RPC, response, parameter change).',
    },
    {
      name: 'causationId',
      type: ['null', 'string'],
      default: null,
      doc: 'eventId of the event that directly caused this one; null for a chain start.',
    },
    {
      name: 'source',
      type: {
        type: 'record',
        name: 'EventSource',
        namespace: 'dev.fleetlog.common',
        fields: [
          {
            name: 'app',
            type: 'string',
            doc: 'Fleetlog app that recorded the event (e.g. cwmp-ingress).',
          },
          {
            name: 'instance',
            type: 'string',
            doc: 'Instance of that app (host name or pod name).',
          },
        ],
      },
    },
    {
      name: 'payload',
      type: {
        type: 'record',
        name: 'TenantCwmpCredentialSetPayload',
        fields: [
          {
            name: 'username',
            type: 'string',
            doc: 'Unique across tenants: it decides the tenant of a CPE.',
          },
          {
            name: 'realm',
            type: 'string',
            doc: 'HTTP authentication realm the HA1 was computed for.',
          },
          {
            name: 'ha1',
            type: 'string',
            doc: 'MD5(username:realm:password), hex.',
          },
        ],
      },
    },
  ],
} as const;
