import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEventBus } from '../bus.js';
import { deterministicEventId } from '../envelope.js';
import type { CommandRequested, DeviceParametersReported, Protocol } from '../generated/index.js';
import { createKafka } from '../kafka.js';
import { silentLogger } from '../logger.js';

/** Where integration tests find the local stack (`npm run stack -- env`), with its defaults. */
export const stackSettings = () => ({
  brokers: (process.env.FLEETLOG_KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  registryUrl: process.env.FLEETLOG_SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:8080/apis/ccompat/v7',
  clientId: `fleetlog-test-${process.pid}`,
});

export const testBus = () => createEventBus(stackSettings(), silentLogger);
export const testKafka = () => createKafka(stackSettings(), silentLogger);

/** Awaits a condition instead of sleeping a fixed time; fails with what was last seen. */
export const waitFor = async <T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
};

export const uniqueTenant = () => `test-${randomUUID().slice(0, 8)}`;

/** A valid device event for tests; the index makes ids and values distinct. */
export const sampleParametersReported = (tenantId: string, deviceId: string, i: number): DeviceParametersReported => ({
  eventId: deterministicEventId(tenantId, deviceId, i),
  type: 'DeviceParametersReported',
  tenantId,
  aggregateId: deviceId,
  occurredAt: 1_790_000_000_000 + i,
  recordedAt: 1_790_000_000_000 + i,
  correlationId: `corr-${tenantId}`,
  causationId: null,
  source: { app: 'test', instance: String(process.pid) },
  payload: { origin: 'inform', parameters: [{ path: 'Device.DeviceInfo.UpTime', value: String(i), valueType: 'unsignedInt', writable: false }] },
});

/** A CommandRequested as the API would record it; the correlation id is `op-<commandId>`. */
export const sampleCommandRequested = (opts: { tenantId: string; deviceId: string; kind: string; args: unknown; protocol?: Protocol; deadlineMs?: number }): CommandRequested => {
  const commandId = randomUUID();
  const now = Date.now();
  return {
    eventId: deterministicEventId('test-command', commandId),
    type: 'CommandRequested',
    tenantId: opts.tenantId,
    aggregateId: commandId,
    occurredAt: now,
    recordedAt: now,
    correlationId: `op-${commandId}`,
    causationId: null,
    source: { app: 'test', instance: String(process.pid) },
    payload: { deviceId: opts.deviceId, protocol: opts.protocol ?? 'CWMP', kind: opts.kind, arguments: JSON.stringify(opts.args), deadline: now + (opts.deadlineMs ?? 600_000), requestedBy: 'user:test', batchId: null },
  };
};
