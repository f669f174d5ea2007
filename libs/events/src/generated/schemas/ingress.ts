// Generated from schemas/avro by tools/src/avro-codegen. Do not edit.

/** Avro full name of the IngressRejected event, as used for schema-registry subjects. */
export const IngressRejectedFullName = 'dev.fleetlog.ingress.IngressRejected';

/** Schema of the IngressRejected event, as written in schemas/avro/ingress/IngressRejected.avsc. */
export const IngressRejectedSchema = {
  type: 'record',
  name: 'IngressRejected',
  namespace: 'dev.fleetlog.ingress',
  doc: 'Raw input that an ingress could not accept, kept with the reason so nothing a device sent is lost silently.',
  fields: [
    {
      name: 'eventId',
      type: 'string',
    },
    {
      name: 'type',
      type: 'string',
      doc: 'Always IngressRejected.',
    },
    {
      name: 'tenantId',
      type: ['null', 'string'],
      default: null,
      doc: 'Tenant if the sender authenticated, otherwise null.',
    },
    {
      name: 'recordedAt',
      type: {
        type: 'long',
        logicalType: 'timestamp-millis',
      },
    },
    {
      name: 'correlationId',
      type: 'string',
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
          },
          {
            name: 'instance',
            type: 'string',
          },
        ],
      },
    },
    {
      name: 'reasonCode',
      type: 'string',
      doc: 'Stable code, e.g. CWMP_MALFORMED_ENVELOPE, PAYLOAD_TOO_LARGE, UNKNOWN_DEVICE, UNAUTHENTICATED.',
    },
    {
      name: 'reason',
      type: 'string',
      doc: 'Human-readable explanation.',
    },
    {
      name: 'protocol',
      type: [
        'null',
        {
          type: 'enum',
          name: 'Protocol',
          namespace: 'dev.fleetlog.common',
          symbols: ['CWMP', 'USP', 'MQTT'],
        },
      ],
      default: null,
    },
    {
      name: 'remoteAddress',
      type: ['null', 'string'],
      default: null,
    },
    {
      name: 'contentType',
      type: ['null', 'string'],
      default: null,
    },
    {
      name: 'originalSize',
      type: 'long',
      doc: 'Size in bytes of the input as received.',
    },
    {
      name: 'truncated',
      type: 'boolean',
      doc: 'True when raw holds only the first part of an oversized input.',
    },
    {
      name: 'raw',
      type: 'bytes',
      doc: 'The input as received (up to the reject size cap).',
    },
  ],
} as const;
