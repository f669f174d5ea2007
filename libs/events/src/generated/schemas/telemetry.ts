// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

/** Avro full name of the TelemetryReported event, as used for schema-registry subjects. */
export const TelemetryReportedFullName = 'dev.fleetlog.telemetry.TelemetryReported';

/** Schema of the TelemetryReported event, as written in schemas/avro/telemetry/TelemetryReported.avsc. */
export const TelemetryReportedSchema = {
  type: 'record',
  name: 'TelemetryReported',
  namespace: 'dev.fleetlog.telemetry',
  doc: 'A device reported one or more telemetry samples.',
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
        name: 'TelemetryReportedPayload',
        fields: [
          {
            name: 'samples',
            type: {
              type: 'array',
              items: {
                type: 'record',
                name: 'TelemetrySample',
                fields: [
                  {
                    name: 'metric',
                    type: 'string',
                    doc: 'Metric name, dotted (e.g. wifi.rssi, cpu.load).',
                  },
                  {
                    name: 'ts',
                    type: {
                      type: 'long',
                      logicalType: 'timestamp-millis',
                    },
                  },
                  {
                    name: 'value',
                    type: 'double',
                  },
                  {
                    name: 'unit',
                    type: ['null', 'string'],
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
