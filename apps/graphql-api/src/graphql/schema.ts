// The console API. Every field is scoped to the caller's tenant; lists are Relay connections.
export const schema = /* GraphQL */ `
  "An instant, as an ISO-8601 string in UTC."
  scalar DateTime
  "Any JSON value."
  scalar JSON

  enum Protocol { CWMP USP MQTT }
  enum CommandStatus { REQUESTED DISPATCHED ACCEPTED SUCCEEDED FAILED EXPIRED CANCELLED }
  enum Role { VIEWER OPERATOR ADMIN }
  enum TelemetryBucket { MINUTE HOUR }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  input ParameterEquals { path: String!, value: String! }

  input DeviceFilter {
    protocol: Protocol
    productClass: String
    softwareVersion: String
    tag: String
    online: Boolean
    parameter: ParameterEquals
    "Part of the device id or serial number."
    search: String
  }

  type Device {
    id: ID!
    protocol: Protocol
    manufacturer: String
    oui: String
    productClass: String
    serialNumber: String
    endpointId: String
    softwareVersion: String
    hardwareVersion: String
    firstSeenAt: DateTime
    lastContactAt: DateTime
    online: Boolean!
    onlineChangedAt: DateTime
    expectedIntervalSeconds: Int
    tags: [String!]!
    eventCount: Float!
    "Current parameters whose path starts with prefix (all when omitted), by path."
    parameters(prefix: String, first: Int = 500): [Parameter!]!
  }

  type Parameter {
    path: String!
    value: String!
    valueType: String!
    writable: Boolean
    reportedAt: DateTime!
    changedAt: DateTime!
  }

  type ParameterValue {
    path: String!
    value: String!
    valueType: String!
    validFrom: DateTime!
    origin: String
  }

  type DeviceEdge { cursor: String!, node: Device! }
  type DeviceConnection { edges: [DeviceEdge!]!, pageInfo: PageInfo!, totalCount: Int! }

  type ParameterValueEdge { cursor: String!, node: ParameterValue! }
  type ParameterValueConnection { edges: [ParameterValueEdge!]!, pageInfo: PageInfo! }

  type Command {
    id: ID!
    deviceId: ID!
    device: Device
    protocol: Protocol
    kind: String
    "As requested, with passwords and other secrets masked."
    arguments: JSON
    status: CommandStatus!
    requestedBy: String
    batchId: ID
    correlationId: String!
    requestedAt: DateTime
    deadline: DateTime
    dispatchedAt: DateTime
    attempts: Int!
    acceptedAt: DateTime
    completedAt: DateTime
    result: JSON
    errorCode: String
    errorMessage: String
    faultCode: Int
    cancelledBy: String
    cancelReason: String
    updatedAt: DateTime!
  }

  input CommandFilter {
    deviceId: ID
    status: CommandStatus
    batchId: ID
    "Requested at or after."
    from: DateTime
    "Requested before."
    to: DateTime
  }

  type CommandEdge { cursor: String!, node: Command! }
  type CommandConnection { edges: [CommandEdge!]!, pageInfo: PageInfo! }

  type Session {
    id: ID!
    deviceId: ID!
    channel: String
    remoteAddress: String
    startedAt: DateTime!
    endedAt: DateTime
    outcome: String
    messagesIn: Int
    messagesOut: Int
    rpcsDispatched: Int
  }
  type SessionEdge { cursor: String!, node: Session! }
  type SessionConnection { edges: [SessionEdge!]!, pageInfo: PageInfo! }

  "One device or command event, as the audit trail keeps it."
  type DeviceEvent {
    id: ID!
    type: String!
    deviceId: ID!
    "Device id for device events, command id for command events."
    aggregateId: ID!
    occurredAt: DateTime!
    recordedAt: DateTime!
    correlationId: String!
    causationId: String
    sourceApp: String!
    "The event's payload; command arguments have their secrets masked."
    payload: JSON!
    "Where the event is in the log; pass it as 'after' to resume a subscription from here."
    cursor: String!
  }
  type DeviceEventEdge { cursor: String!, node: DeviceEvent! }
  type DeviceEventConnection { edges: [DeviceEventEdge!]!, pageInfo: PageInfo! }

  type TelemetryPoint {
    bucket: DateTime!
    min: Float!
    max: Float!
    avg: Float!
    count: Int!
  }

  type TelemetrySample {
    deviceId: ID!
    metric: String!
    ts: DateTime!
    value: Float!
    unit: String
  }

  type Count { key: String, count: Int! }
  type FleetStats {
    total: Int!
    online: Int!
    offline: Int!
    byProtocol: [Count!]!
    byProductClass: [Count!]!
    bySoftwareVersion: [Count!]!
  }

  type BatchProgress {
    id: ID!
    "Commands of the batch the read model has seen so far."
    total: Int!
    byStatus: [Count!]!
    "True when every command seen has reached a final status."
    done: Boolean!
  }

  type ApiKey {
    id: ID!
    name: String!
    role: Role!
    issuedAt: DateTime!
    revokedAt: DateTime
  }

  type Query {
    devices(filter: DeviceFilter, first: Int = 50, after: String): DeviceConnection!
    device(id: ID!): Device
    "The value the parameter had at time 'at'."
    parameterAt(deviceId: ID!, path: String!, at: DateTime!): ParameterValue
    "Every change of one parameter, newest first."
    parameterHistory(deviceId: ID!, path: String!, first: Int = 50, after: String): ParameterValueConnection!
    "Commands, newest first."
    commands(filter: CommandFilter, first: Int = 50, after: String): CommandConnection!
    command(id: ID!): Command
    "Sessions of a device, newest first."
    sessions(deviceId: ID!, first: Int = 50, after: String): SessionConnection!
    "The device's audit trail, newest first."
    timeline(deviceId: ID!, first: Int = 50, after: String): DeviceEventConnection!
    "Every event of one causal chain, oldest first."
    eventsByCorrelation(correlationId: String!, first: Int = 200): [DeviceEvent!]!
    telemetry(deviceId: ID!, metric: String!, from: DateTime!, to: DateTime!, bucket: TelemetryBucket = MINUTE): [TelemetryPoint!]!
    fleetStats: FleetStats!
    batch(id: ID!): BatchProgress
    "Admins only."
    apiKeys: [ApiKey!]!
  }

  type CommandRequest { commandId: ID!, correlationId: String! }
  type BulkCommandResult { batchId: ID!, commandIds: [ID!]!, total: Int! }
  type TagResult {
    "Devices that got an event."
    changed: [ID!]!
    "Devices that already were as asked."
    unchanged: [ID!]!
    notFound: [ID!]!
  }
  type CreatedApiKey {
    id: ID!
    name: String!
    role: Role!
    "Shown once: send it as 'Authorization: ApiKey <secret>' or 'x-api-key'."
    secret: String!
  }

  type Mutation {
    requestCommand(deviceId: ID!, kind: String!, arguments: JSON, deadlineSeconds: Int = 3600): CommandRequest!
    cancelCommand(id: ID!, reason: String): CommandRequest!
    tagDevices(ids: [ID!]!, tag: String!): TagResult!
    untagDevices(ids: [ID!]!, tag: String!): TagResult!
    "The same command to every device matching the filter (of the kind's protocol)."
    bulkCommand(filter: DeviceFilter!, kind: String!, arguments: JSON, deadlineSeconds: Int = 86400): BulkCommandResult!
    createApiKey(name: String!, role: Role!): CreatedApiKey!
    revokeApiKey(id: ID!): Boolean!
  }

  type CommandUpdate {
    "The event's id."
    eventId: ID!
    commandId: ID!
    deviceId: ID!
    type: String!
    "The status this event moves the command to."
    status: CommandStatus!
    batchId: ID
    occurredAt: DateTime!
    "Shared by the operator action, the command's events and the device's answer."
    correlationId: String!
    payload: JSON!
    cursor: String!
  }

  type Subscription {
    "Device and command events of one device, or of the whole tenant. 'after': an event cursor or an ISO time to resume from."
    deviceEvents(deviceId: ID, after: String): DeviceEvent!
    commandUpdates(commandId: ID, batchId: ID, after: String): CommandUpdate!
    "Each new sample of one device's metric. 'after': an ISO time (the ts of the last sample received) to first replay the samples stored since, up to a week back."
    telemetry(deviceId: ID!, metric: String!, after: DateTime): TelemetrySample!
  }
`;
