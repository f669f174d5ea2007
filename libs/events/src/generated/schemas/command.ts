// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

/** Avro full name of the CommandAccepted event, as used for schema-registry subjects. */
export const CommandAcceptedFullName = 'dev.fleetlog.command.CommandAccepted';

/** Schema of the CommandAccepted event, as written in schemas/avro/command/CommandAccepted.avsc. */
export const CommandAcceptedSchema = {
  type: 'record',
  name: 'CommandAccepted',
  namespace: 'dev.fleetlog.command',
  doc: 'The device accepted the command and will report its completion later (CWMP Download/Upload with status 1, USP asynchronous Operate).',
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
      doc: 'Command id.',
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
        name: 'CommandAcceptedPayload',
        fields: [
          {
            name: 'deviceId',
            type: 'string',
          },
          {
            name: 'detail',
            type: 'string',
            doc: 'JSON object with what the device said when it accepted.',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the CommandCancelled event, as used for schema-registry subjects. */
export const CommandCancelledFullName = 'dev.fleetlog.command.CommandCancelled';

/** Schema of the CommandCancelled event, as written in schemas/avro/command/CommandCancelled.avsc. */
export const CommandCancelledSchema = {
  type: 'record',
  name: 'CommandCancelled',
  namespace: 'dev.fleetlog.command',
  doc: 'An operator cancelled the command before it completed.',
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
      doc: 'Command id.',
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
        name: 'CommandCancelledPayload',
        fields: [
          {
            name: 'deviceId',
            type: 'string',
          },
          {
            name: 'cancelledBy',
            type: 'string',
          },
          {
            name: 'reason',
            type: ['null', 'string'],
            default: null,
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the CommandDispatched event, as used for schema-registry subjects. */
export const CommandDispatchedFullName = 'dev.fleetlog.command.CommandDispatched';

/** Schema of the CommandDispatched event, as written in schemas/avro/command/CommandDispatched.avsc. */
export const CommandDispatchedSchema = {
  type: 'record',
  name: 'CommandDispatched',
  namespace: 'dev.fleetlog.command',
  doc: 'The command was sent to the device.',
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
      doc: 'Command id.',
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
        name: 'CommandDispatchedPayload',
        fields: [
          {
            name: 'deviceId',
            type: 'string',
          },
          {
            name: 'attempt',
            type: 'int',
            doc: '1 for the first delivery.',
          },
          {
            name: 'channel',
            type: 'string',
            doc: 'cwmp-session, usp-mqtt, mqtt.',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the CommandExpired event, as used for schema-registry subjects. */
export const CommandExpiredFullName = 'dev.fleetlog.command.CommandExpired';

/** Schema of the CommandExpired event, as written in schemas/avro/command/CommandExpired.avsc. */
export const CommandExpiredSchema = {
  type: 'record',
  name: 'CommandExpired',
  namespace: 'dev.fleetlog.command',
  doc: 'The deadline passed before the command completed.',
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
      doc: 'Command id.',
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
        name: 'CommandExpiredPayload',
        fields: [
          {
            name: 'deviceId',
            type: 'string',
          },
          {
            name: 'deadline',
            type: {
              type: 'long',
              logicalType: 'timestamp-millis',
            },
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the CommandFailed event, as used for schema-registry subjects. */
export const CommandFailedFullName = 'dev.fleetlog.command.CommandFailed';

/** Schema of the CommandFailed event, as written in schemas/avro/command/CommandFailed.avsc. */
export const CommandFailedSchema = {
  type: 'record',
  name: 'CommandFailed',
  namespace: 'dev.fleetlog.command',
  doc: 'The device refused the command or it could not be delivered.',
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
      doc: 'Command id.',
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
        name: 'CommandFailedPayload',
        fields: [
          {
            name: 'deviceId',
            type: 'string',
          },
          {
            name: 'code',
            type: 'string',
            doc: 'Stable error code, e.g. CWMP_FAULT, USP_ERROR, DEVICE_REJECTED.',
          },
          {
            name: 'message',
            type: 'string',
          },
          {
            name: 'faultCode',
            type: ['null', 'int'],
            default: null,
            doc: 'Protocol fault code (CWMP 9000-9019, USP 7000-7999).',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the CommandRequested event, as used for schema-registry subjects. */
export const CommandRequestedFullName = 'dev.fleetlog.command.CommandRequested';

/** Schema of the CommandRequested event, as written in schemas/avro/command/CommandRequested.avsc. */
export const CommandRequestedSchema = {
  type: 'record',
  name: 'CommandRequested',
  namespace: 'dev.fleetlog.command',
  doc: 'An operator or a machine client asked for a command on a device.',
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
      doc: 'Command id.',
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
        name: 'CommandRequestedPayload',
        fields: [
          {
            name: 'deviceId',
            type: 'string',
          },
          {
            name: 'protocol',
            type: {
              type: 'enum',
              name: 'Protocol',
              namespace: 'dev.fleetlog.common',
              symbols: ['CWMP', 'USP', 'MQTT'],
              doc: 'Device management protocol.',
            },
          },
          {
            name: 'kind',
            type: 'string',
            doc: 'Protocol operation, e.g. cwmp.Reboot, cwmp.SetParameterValues, usp.Get, mqtt.Downlink.',
          },
          {
            name: 'arguments',
            type: 'string',
            doc: 'JSON object with the arguments of that kind (see docs/EVENTS.md).',
          },
          {
            name: 'deadline',
            type: {
              type: 'long',
              logicalType: 'timestamp-millis',
            },
            doc: 'The command expires if not completed by then.',
          },
          {
            name: 'requestedBy',
            type: 'string',
            doc: 'Principal: user:<id> or apikey:<id>.',
          },
          {
            name: 'batchId',
            type: ['null', 'string'],
            default: null,
            doc: 'Set when the command is part of a bulk request.',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the CommandSucceeded event, as used for schema-registry subjects. */
export const CommandSucceededFullName = 'dev.fleetlog.command.CommandSucceeded';

/** Schema of the CommandSucceeded event, as written in schemas/avro/command/CommandSucceeded.avsc. */
export const CommandSucceededSchema = {
  type: 'record',
  name: 'CommandSucceeded',
  namespace: 'dev.fleetlog.command',
  doc: 'The device carried the command out.',
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
      doc: 'Command id.',
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
        name: 'CommandSucceededPayload',
        fields: [
          {
            name: 'deviceId',
            type: 'string',
          },
          {
            name: 'result',
            type: 'string',
            doc: 'JSON object with the result of that kind.',
          },
        ],
      },
    },
  ],
} as const;
