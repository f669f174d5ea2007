import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyEvent, CommandEvent, CommandRequested } from '@fleetlog/events';
import { createBuiltInAdapters, createVendorRegistry, type CommandResultMessage } from '@fleetlog/mqtt-vendors';
import { createCommandQueue } from '@fleetlog/platform';
import { createCommandDesk } from './desk.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const source = { app: 'mqtt-ingress', instance: 'test' };
const device = 'shelly:shellyplus1pm-441793d69718';

const requested = (commandId: string, payload: unknown, deadline = T0 + 60_000, deviceId = device): CommandRequested => ({
  eventId: `req-${commandId}`,
  type: 'CommandRequested',
  tenantId: 'acme',
  aggregateId: commandId,
  occurredAt: T0,
  recordedAt: T0,
  correlationId: `op-${commandId}`,
  causationId: null,
  source: { app: 'graphql-api', instance: '1' },
  payload: { deviceId, protocol: 'MQTT', kind: 'mqtt.Downlink', arguments: JSON.stringify({ payload }), deadline, requestedBy: 'user:test', batchId: null },
});

const setup = () => {
  const reach = new Map<string, { reachable: boolean; epoch: number }>([[device, { reachable: true, epoch: 1 }]]);
  const desk = createCommandDesk({
    queue: createCommandQueue('MQTT'),
    registry: createVendorRegistry(createBuiltInAdapters()),
    source,
    reachability: (_tenant, deviceId) => reach.get(deviceId),
  });
  /** Folds what the desk decided, as the ingress does once it is durable. */
  const commit = (events: AnyEvent[]) => events.forEach((e) => desk.apply(e as CommandEvent));
  return { desk, reach, commit };
};

const answer = (correlationKey: string, outcome: CommandResultMessage['outcome'], deviceId = device): CommandResultMessage => ({
  type: 'commandResult',
  deviceId: deviceId as CommandResultMessage['deviceId'],
  clientId: deviceId.split(':')[1]!,
  at: T0 + 500,
  correlationKey,
  outcome,
});

describe('command desk: the MQTT side of the command lifecycle', () => {
  it('dispatches a command to a reachable device once, encoded for its vendor, in the command causal chain', () => {
    const { desk, commit } = setup();
    desk.apply(requested('c1', { method: 'Switch.Set', params: { id: 0, on: true } }));
    const d = desk.deliver('acme', device, T0 + 100);
    assert.deepEqual(d.events.map((e) => e.type), ['CommandDispatched']);
    const [dispatched] = d.events as Extract<AnyEvent, { type: 'CommandDispatched' }>[];
    assert.equal(dispatched!.correlationId, 'op-c1');
    assert.equal(dispatched!.causationId, 'req-c1');
    assert.deepEqual(dispatched!.payload, { deviceId: device, attempt: 1, channel: 'mqtt' });
    assert.equal(d.downlinks[0]!.topic, 'fleetlog/acme/shelly/shellyplus1pm-441793d69718/rpc');
    assert.equal(JSON.parse(Buffer.from(d.downlinks[0]!.payload).toString()).id, 'c1');
    assert.deepEqual(desk.deliver('acme', device, T0 + 200).events, [], 'not twice in one connection');
    commit(d.events);
    assert.deepEqual(desk.deliver('acme', device, T0 + 300).events, []);
  });

  it('waits while the device is out of reach, and sends an unanswered command again after it reconnects', () => {
    const { desk, reach, commit } = setup();
    reach.set(device, { reachable: false, epoch: 1 });
    desk.apply(requested('c2', { method: 'Shelly.GetStatus' }));
    assert.deepEqual(desk.deliver('acme', device, T0 + 100).events, []);
    reach.set(device, { reachable: true, epoch: 2 });
    const first = desk.deliver('acme', device, T0 + 200);
    commit(first.events);
    reach.set(device, { reachable: true, epoch: 3 });
    const again = desk.deliver('acme', device, T0 + 300).events as Extract<AnyEvent, { type: 'CommandDispatched' }>[];
    assert.deepEqual(again.map((e) => e.payload.attempt), [2]);
  });

  it('settles a command with the answer that carries its key: success, a device error, a repeat, a stranger', () => {
    const { desk, commit } = setup();
    desk.apply(requested('c3', { method: 'Switch.Set', params: { id: 0, on: true } }));
    desk.apply(requested('c4', { method: 'Switch.Set', params: { id: 0 } }));
    const d = desk.deliver('acme', device, T0 + 100);
    commit(d.events);
    const ok = desk.result('acme', device, answer('c3', { status: 'success', output: { was_on: false } }), T0 + 600);
    assert.equal(ok.kind, 'recorded');
    const [succeeded] = ok.kind === 'recorded' ? (ok.events as Extract<AnyEvent, { type: 'CommandSucceeded' }>[]) : [];
    assert.equal(succeeded!.causationId, d.events[0]!.eventId, 'caused by its CommandDispatched');
    assert.equal(succeeded!.payload.result, '{"was_on":false}');
    assert.deepEqual(desk.result('acme', device, answer('c3', { status: 'success', output: {} }), T0 + 700), { kind: 'repeated' });

    const failed = desk.result('acme', device, answer('c4', { status: 'failure', code: 'SHELLY_RPC_ERROR', message: "Argument 'on' is missing", faultCode: -103, output: null }), T0 + 600);
    assert.equal(failed.kind, 'recorded');
    const [f] = failed.kind === 'recorded' ? (failed.events as Extract<AnyEvent, { type: 'CommandFailed' }>[]) : [];
    assert.deepEqual(f!.payload, { deviceId: device, code: 'SHELLY_RPC_ERROR', message: "Argument 'on' is missing (code -103)", faultCode: null });

    assert.equal(desk.result('acme', device, answer('nope', { status: 'success', output: {} }), T0).kind, 'rejected');
    desk.apply(requested('c5', { method: 'Shelly.GetStatus' }, T0 + 60_000, 'shelly:other'));
    const stranger = desk.result('acme', device, answer('c5', { status: 'success', output: {} }), T0);
    assert.equal(stranger.kind === 'rejected' && stranger.reasonCode, 'MQTT_COMMAND_MISMATCH');
  });

  it('fails a command whose payload the vendor cannot encode, and expires one past its deadline', () => {
    const { desk, reach } = setup();
    desk.apply(requested('c6', { properties: 'not-a-method-call' }));
    const bad = desk.deliver('acme', device, T0 + 100).events as Extract<AnyEvent, { type: 'CommandFailed' }>[];
    assert.deepEqual(bad.map((e) => e.payload.code), ['MQTT_DOWNLINK_INVALID']);

    reach.set(device, { reachable: false, epoch: 1 });
    desk.apply(requested('c7', { method: 'Shelly.GetStatus' }, T0 + 1000));
    assert.deepEqual(desk.expire(T0 + 999).events, []);
    assert.deepEqual(desk.expire(T0 + 1000).events.map((e) => e.type), ['CommandExpired']);
    assert.deepEqual(desk.expire(T0 + 2000).events, [], 'once');
  });
});
