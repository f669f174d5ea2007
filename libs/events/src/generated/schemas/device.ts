// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

/** Avro full name of the DeviceEventReported event, as used for schema-registry subjects. */
export const DeviceEventReportedFullName = 'dev.fleetlog.device.DeviceEventReported';

/** Schema of the DeviceEventReported event, as written in schemas/avro/device/DeviceEventReported.avsc. */
export const DeviceEventReportedSchema = {
  type: 'record',
  name: 'DeviceEventReported',
  namespace: 'dev.fleetlog.device',
  doc: 'A device notified an event of its own: a USP Notify (Boot!, a value change, an object created or deleted, an operation complete, an on-board request, any other event) or an MQTT device\'s vendor event.',
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
      doc: 'Device id.',
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
        name: 'DeviceEventReportedPayload',
        fields: [
          {
            name: 'name',
            type: 'string',
            doc: 'What happened, as the device names it: the USP event name (e.g. \'Boot!\', \'Periodic!\', \'TransferComplete!\') or notification kind (\'ValueChange\', \'ObjectCreation\', \'ObjectDeletion\', \'OperationComplete\', \'OnBoardRequest\'), or \'<vendor>.<event>\' for an MQTT vendor event.',
          },
          {
            name: 'path',
            type: ['null', 'string'],
            default: null,
            doc: 'Where it happened: the USP object path (e.g. \'Device.\', \'Device.WiFi.SSID.3.\'), parameter path or command path; null when the device names none.',
          },
          {
            name: 'arguments',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'EventArgument',
                fields: [
                  {
                    name: 'name',
                    type: 'string',
                  },
                  {
                    name: 'value',
                    type: 'string',
                  },
                ],
              },
            },
            default: [],
            doc: 'The event\'s arguments as name/value text, in the order the device sent them (USP params / output args; vendor fields flattened).',
          },
          {
            name: 'subscriptionId',
            type: ['null', 'string'],
            default: null,
            doc: 'The USP subscription that caused the notification, when there is one.',
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
            doc: 'The protocol that carried it.',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceInformed event, as used for schema-registry subjects. */
export const DeviceInformedFullName = 'dev.fleetlog.device.DeviceInformed';

/** Schema of the DeviceInformed event, as written in schemas/avro/device/DeviceInformed.avsc. */
export const DeviceInformedSchema = {
  type: 'record',
  name: 'DeviceInformed',
  namespace: 'dev.fleetlog.device',
  doc: 'A CWMP device opened a session with an Inform.',
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
      doc: 'Device id.',
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
        name: 'DeviceInformedPayload',
        fields: [
          {
            name: 'sessionId',
            type: 'string',
          },
          {
            name: 'events',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'InformEvent',
                fields: [
                  {
                    name: 'eventCode',
                    type: 'string',
                    doc: 'e.g. \'0 BOOTSTRAP\', \'1 BOOT\', \'2 PERIODIC\', \'4 VALUE CHANGE\', \'6 CONNECTION REQUEST\', \'M Reboot\'.',
                  },
                  {
                    name: 'commandKey',
                    type: 'string',
                  },
                ],
              },
            },
          },
          {
            name: 'manufacturer',
            type: 'string',
          },
          {
            name: 'softwareVersion',
            type: ['null', 'string'],
            default: null,
          },
          {
            name: 'hardwareVersion',
            type: ['null', 'string'],
            default: null,
          },
          {
            name: 'connectionRequestUrl',
            type: ['null', 'string'],
            default: null,
          },
          {
            name: 'retryCount',
            type: 'int',
            doc: 'How often the CPE retried this Inform.',
          },
          {
            name: 'deviceTime',
            type: ['null', 'string'],
            default: null,
            doc: 'CurrentTime as the CPE sent it (xsd:dateTime).',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceParametersReported event, as used for schema-registry subjects. */
export const DeviceParametersReportedFullName = 'dev.fleetlog.device.DeviceParametersReported';

/** Schema of the DeviceParametersReported event, as written in schemas/avro/device/DeviceParametersReported.avsc. */
export const DeviceParametersReportedSchema = {
  type: 'record',
  name: 'DeviceParametersReported',
  namespace: 'dev.fleetlog.device',
  doc: 'A device reported parameter values (Inform, GetParameterValues, USP Get or Notify, MQTT state).',
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
      doc: 'Device id.',
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
        name: 'DeviceParametersReportedPayload',
        fields: [
          {
            name: 'origin',
            type: 'string',
            doc: 'What carried the values: inform, get, notify, set, state.',
          },
          {
            name: 'parameters',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'ParameterValue',
                namespace: 'dev.fleetlog.common',
                fields: [
                  {
                    name: 'path',
                    type: 'string',
                    doc: 'Full parameter path, e.g. Device.DeviceInfo.SoftwareVersion.',
                  },
                  {
                    name: 'value',
                    type: 'string',
                    doc: 'Value as sent on the wire.',
                  },
                  {
                    name: 'valueType',
                    type: 'string',
                    doc: 'xsd type name without prefix: string, int, unsignedInt, long, unsignedLong, boolean, dateTime, base64, hexBinary, decimal.',
                  },
                  {
                    name: 'writable',
                    type: ['null', 'boolean'],
                    default: null,
                  },
                ],
              },
            },
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceRegistered event, as used for schema-registry subjects. */
export const DeviceRegisteredFullName = 'dev.fleetlog.device.DeviceRegistered';

/** Schema of the DeviceRegistered event, as written in schemas/avro/device/DeviceRegistered.avsc. */
export const DeviceRegisteredSchema = {
  type: 'record',
  name: 'DeviceRegistered',
  namespace: 'dev.fleetlog.device',
  doc: 'A device was seen for the first time in its tenant.',
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
      doc: 'Device id, stable and derived from the protocol identity.',
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
        name: 'DeviceRegisteredPayload',
        fields: [
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
            name: 'identity',
            type: {
              type: 'record',
              name: 'DeviceIdentity',
              fields: [
                {
                  name: 'manufacturer',
                  type: ['null', 'string'],
                  default: null,
                },
                {
                  name: 'oui',
                  type: ['null', 'string'],
                  default: null,
                  doc: 'CWMP: organisationally unique identifier of the manufacturer.',
                },
                {
                  name: 'productClass',
                  type: ['null', 'string'],
                  default: null,
                },
                {
                  name: 'serialNumber',
                  type: ['null', 'string'],
                  default: null,
                },
                {
                  name: 'endpointId',
                  type: ['null', 'string'],
                  default: null,
                  doc: 'USP: the agent endpoint id.',
                },
                {
                  name: 'vendor',
                  type: ['null', 'string'],
                  default: null,
                  doc: 'MQTT: vendor adapter name.',
                },
                {
                  name: 'clientId',
                  type: ['null', 'string'],
                  default: null,
                  doc: 'MQTT: device client id.',
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceSessionEnded event, as used for schema-registry subjects. */
export const DeviceSessionEndedFullName = 'dev.fleetlog.device.DeviceSessionEnded';

/** Schema of the DeviceSessionEnded event, as written in schemas/avro/device/DeviceSessionEnded.avsc. */
export const DeviceSessionEndedSchema = {
  type: 'record',
  name: 'DeviceSessionEnded',
  namespace: 'dev.fleetlog.device',
  doc: 'A management session with the device ended.',
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
      doc: 'Device id.',
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
        name: 'DeviceSessionEndedPayload',
        fields: [
          {
            name: 'sessionId',
            type: 'string',
          },
          {
            name: 'startedAt',
            type: {
              type: 'long',
              logicalType: 'timestamp-millis',
            },
          },
          {
            name: 'outcome',
            type: 'string',
            doc: 'completed, timed-out, rejected, kafka-unavailable.',
          },
          {
            name: 'messagesIn',
            type: 'int',
            doc: 'Messages received from the device, empty POSTs included.',
          },
          {
            name: 'messagesOut',
            type: 'int',
            doc: 'Messages sent to the device, the closing empty answer included.',
          },
          {
            name: 'rpcsDispatched',
            type: 'int',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceSessionStarted event, as used for schema-registry subjects. */
export const DeviceSessionStartedFullName = 'dev.fleetlog.device.DeviceSessionStarted';

/** Schema of the DeviceSessionStarted event, as written in schemas/avro/device/DeviceSessionStarted.avsc. */
export const DeviceSessionStartedSchema = {
  type: 'record',
  name: 'DeviceSessionStarted',
  namespace: 'dev.fleetlog.device',
  doc: 'A management session with the device began.',
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
      doc: 'Device id.',
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
        name: 'DeviceSessionStartedPayload',
        fields: [
          {
            name: 'sessionId',
            type: 'string',
          },
          {
            name: 'channel',
            type: 'string',
            doc: 'cwmp-session, usp-mqtt, mqtt.',
          },
          {
            name: 'remoteAddress',
            type: ['null', 'string'],
            default: null,
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceTagged event, as used for schema-registry subjects. */
export const DeviceTaggedFullName = 'dev.fleetlog.device.DeviceTagged';

/** Schema of the DeviceTagged event, as written in schemas/avro/device/DeviceTagged.avsc. */
export const DeviceTaggedSchema = {
  type: 'record',
  name: 'DeviceTagged',
  namespace: 'dev.fleetlog.device',
  doc: 'An operator put a tag on a device.',
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
      doc: 'Device id.',
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
        name: 'DeviceTaggedPayload',
        fields: [
          {
            name: 'tag',
            type: 'string',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceTransferCompleted event, as used for schema-registry subjects. */
export const DeviceTransferCompletedFullName = 'dev.fleetlog.device.DeviceTransferCompleted';

/** Schema of the DeviceTransferCompleted event, as written in schemas/avro/device/DeviceTransferCompleted.avsc. */
export const DeviceTransferCompletedSchema = {
  type: 'record',
  name: 'DeviceTransferCompleted',
  namespace: 'dev.fleetlog.device',
  doc: 'A CWMP device reported the end of a file transfer (TransferComplete or AutonomousTransferComplete).',
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
      doc: 'Device id.',
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
        name: 'DeviceTransferCompletedPayload',
        fields: [
          {
            name: 'commandKey',
            type: 'string',
            doc: 'The CommandKey of the Download/Upload; Fleetlog uses the command id.',
          },
          {
            name: 'autonomous',
            type: 'boolean',
          },
          {
            name: 'fault',
            type: {
              type: 'record',
              name: 'TransferFault',
              fields: [
                {
                  name: 'faultCode',
                  type: 'int',
                  doc: '0 when the transfer succeeded, otherwise a CWMP fault code (9010-9019).',
                },
                {
                  name: 'faultString',
                  type: 'string',
                },
              ],
            },
          },
          {
            name: 'startTime',
            type: 'string',
          },
          {
            name: 'completeTime',
            type: 'string',
          },
          {
            name: 'fileType',
            type: ['null', 'string'],
            default: null,
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceUntagged event, as used for schema-registry subjects. */
export const DeviceUntaggedFullName = 'dev.fleetlog.device.DeviceUntagged';

/** Schema of the DeviceUntagged event, as written in schemas/avro/device/DeviceUntagged.avsc. */
export const DeviceUntaggedSchema = {
  type: 'record',
  name: 'DeviceUntagged',
  namespace: 'dev.fleetlog.device',
  doc: 'An operator removed a tag from a device.',
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
      doc: 'Device id.',
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
        name: 'DeviceUntaggedPayload',
        fields: [
          {
            name: 'tag',
            type: 'string',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceWentOffline event, as used for schema-registry subjects. */
export const DeviceWentOfflineFullName = 'dev.fleetlog.device.DeviceWentOffline';

/** Schema of the DeviceWentOffline event, as written in schemas/avro/device/DeviceWentOffline.avsc. */
export const DeviceWentOfflineSchema = {
  type: 'record',
  name: 'DeviceWentOffline',
  namespace: 'dev.fleetlog.device',
  doc: 'A device missed its expected contact window or disconnected.',
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
      doc: 'Device id.',
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
        name: 'DeviceWentOfflinePayload',
        fields: [
          {
            name: 'lastContactAt',
            type: [
              'null',
              {
                type: 'long',
                logicalType: 'timestamp-millis',
              },
            ],
            default: null,
          },
          {
            name: 'reason',
            type: 'string',
            doc: 'missed-contact-window, disconnected, last-will.',
          },
        ],
      },
    },
  ],
} as const;

/** Avro full name of the DeviceWentOnline event, as used for schema-registry subjects. */
export const DeviceWentOnlineFullName = 'dev.fleetlog.device.DeviceWentOnline';

/** Schema of the DeviceWentOnline event, as written in schemas/avro/device/DeviceWentOnline.avsc. */
export const DeviceWentOnlineSchema = {
  type: 'record',
  name: 'DeviceWentOnline',
  namespace: 'dev.fleetlog.device',
  doc: 'A device was offline or unknown and made contact.',
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
      doc: 'Device id.',
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
        name: 'DeviceWentOnlinePayload',
        fields: [
          {
            name: 'via',
            type: 'string',
            doc: 'Channel of the contact: cwmp-session, usp-mqtt, mqtt.',
          },
          {
            name: 'expectedIntervalSeconds',
            type: ['null', 'int'],
            default: null,
            doc: 'How often the device promised to make contact, if known.',
          },
        ],
      },
    },
  ],
} as const;
