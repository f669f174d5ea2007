import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createFleet, createSimulatedCpe, type SimulatedCpe } from '@fleetlog/device-sim';
import { topics, type CommandEvent } from '@fleetlog/events';
import { testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { connectWs } from '@fleetlog/graphql-api/testing';
import { startAcs, startApi, startProjector } from './support/processes.js';
import { startJwks } from './support/jwks.js';

// The console path through the product as it runs: a CPE talks to the ACS, the projector builds
// the read models, and an operator works through the GraphQL API with a token from an identity
// provider's JWKS.
const tenant = uniqueTenant();
const credentials = { username: `cpe-${tenant}`, password: randomUUID() };

interface CommandView {
  id: string;
  status: string;
  correlationId: string;
  batchId: string | null;
}

/** A batch's progress: total, done, and a count per status reached. */
interface Progress {
  total: number;
  done: boolean;
  count: Partial<Record<string, number>>;
}

describe('an operator console over the real stack', () => {
  let acs: Awaited<ReturnType<typeof startAcs>>;
  let api: Awaited<ReturnType<typeof startApi>>;
  let projector: Awaited<ReturnType<typeof startProjector>>;
  let jwks: Awaited<ReturnType<typeof startJwks>>;
  let operator: string;
  const cpes: SimulatedCpe[] = [];
  const stops: Array<() => Promise<void>> = [];

  const gql = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!;
  };
  const command = async (id: string) =>
    (await gql<{ command: CommandView | null }>('query($id: ID!) { command(id: $id) { id status correlationId batchId } }', { id })).command;
  const batch = async (id: string): Promise<Progress | null> => {
    const { batch: b } = await gql<{ batch: { total: number; done: boolean; byStatus: { key: string; count: number }[] } | null }>(
      'query($id: ID!) { batch(id: $id) { total done byStatus { key count } } }',
      { id },
    );
    return b && { total: b.total, done: b.done, count: Object.fromEntries(b.byStatus.map((s) => [s.key, s.count])) };
  };

  before(async () => {
    jwks = await startJwks({ issuer: 'https://id.example.test/', audience: 'fleetlog-console' });
    operator = await jwks.sign({ tenant, roles: ['operator'], sub: 'e2e-operator' });
    projector = await startProjector();
    acs = await startAcs({ FLEETLOG_CWMP_DEFAULT_TENANT: tenant, FLEETLOG_CWMP_USERNAME: credentials.username, FLEETLOG_CWMP_PASSWORD: credentials.password });
    api = await startApi({ FLEETLOG_API_JWKS_URL: jwks.url, FLEETLOG_API_JWT_ISSUER: jwks.issuer, FLEETLOG_API_JWT_AUDIENCE: jwks.audience });
  });
  after(async () => {
    for (const stop of stops.reverse()) await stop();
    await Promise.all(cpes.map((c) => c.stop()));
    await Promise.allSettled([api?.stop(), acs?.stop(), projector?.stop(), jwks?.stop()]);
  });

  it('a CPE that informs shows up in a query; a reboot mutation reaches it and comes back SUCCEEDED on a query and a subscription, under one correlation id', { timeout: 180_000 }, async () => {
    const cpe = await createSimulatedCpe({ acsUrl: acs.url, serialNumber: 'GQL0001', ...credentials, periodicInformEnable: false });
    cpes.push(cpe);
    await cpe.boot();
    const deviceId = `${cpe.oui}-${cpe.productClass}-${cpe.serialNumber}`;

    // Online as soon as the projector has the contact: not at the next presence tick.
    const found = await waitFor(
      'the device, online, in a GraphQL query',
      async () => {
        const { devices } = await gql<{ devices: { edges: { node: { id: string; serialNumber: string; online: boolean; protocol: string } }[] } }>(
          'query($s: String) { devices(filter: { search: $s }) { edges { node { id serialNumber online protocol } } } }',
          { s: 'GQL0001' },
        );
        return devices.edges.find((e) => e.node.online)?.node;
      },
      20_000,
    );
    assert.deepEqual(found, { id: deviceId, serialNumber: 'GQL0001', online: true, protocol: 'CWMP' });

    // The console subscribes before it acts, as a console does.
    const ws = await connectWs(`${api.url.replace('http', 'ws')}/graphql`, { authorization: `Bearer ${operator}` });
    stops.push(async () => ws.close());
    assert.ok(ws.acknowledged, 'the subscription connection was accepted');
    ws.subscribe('updates', 'subscription { commandUpdates { eventId commandId deviceId type status correlationId } }');
    // Subscriptions are live from when the server has them; a query round trip later it has.
    await gql('{ fleetStats { total } }');

    const { requestCommand } = await gql<{ requestCommand: { commandId: string; correlationId: string } }>(
      'mutation($d: ID!) { requestCommand(deviceId: $d, kind: "cwmp.Reboot", arguments: { commandKey: "e2e-reboot" }) { commandId correlationId } }',
      { d: deviceId },
    );

    // The ACS wakes the CPE with a connection request; the CPE is asked to reboot and does.
    const rebootSession = await cpe.waitForSession((s) => s.rpcs.some((r) => r.request.type === 'Reboot'), { timeoutMs: 60_000 });
    const rpc = rebootSession.rpcs.find((r) => r.request.type === 'Reboot')!;
    assert.equal((rpc.request as { commandKey: string }).commandKey, 'e2e-reboot');

    const done = await waitFor(
      'the command SUCCEEDED in a query',
      async () => {
        const c = await command(requestCommand.commandId);
        return c?.status === 'SUCCEEDED' && c;
      },
      60_000,
    );
    assert.equal(done.correlationId, requestCommand.correlationId);

    const updates = await waitFor(
      'SUCCEEDED on the subscription',
      () => {
        const mine = ws.data('updates').map((d) => d['commandUpdates'] as { commandId: string; type: string; status: string; correlationId: string; eventId: string });
        const forCommand = mine.filter((u) => u.commandId === requestCommand.commandId);
        return forCommand.some((u) => u.status === 'SUCCEEDED') && forCommand;
      },
      30_000,
    );
    assert.deepEqual(
      updates.map((u) => u.type),
      ['CommandRequested', 'CommandDispatched', 'CommandSucceeded'],
    );
    assert.ok(updates.every((u) => u.correlationId === requestCommand.correlationId && u.type !== undefined));

    // The audit trail: every event of the chain, device events of the reboot included, carries the id.
    const { eventsByCorrelation } = await gql<{ eventsByCorrelation: { id: string; type: string; correlationId: string }[] }>(
      'query($c: String!) { eventsByCorrelation(correlationId: $c) { id type correlationId } }',
      { c: requestCommand.correlationId },
    );
    const types = new Set(eventsByCorrelation.map((e) => e.type));
    for (const t of ['CommandRequested', 'CommandDispatched', 'CommandSucceeded']) assert.ok(types.has(t), `${t} in the correlation chain (${[...types].join(', ')})`);
    assert.ok(eventsByCorrelation.every((e) => e.correlationId === requestCommand.correlationId));
    for (const u of updates) assert.ok(eventsByCorrelation.some((e) => e.id === u.eventId), `${u.type} of the subscription is in the audit trail`);
  });

  it('a bulk command to 1,000 devices by filter records 1,000 commands, and the batch counts move as devices answer', { timeout: 600_000 }, async () => {
    const productClass = 'BulkGW';
    const fleetOptions = { acsUrl: acs.url, ...credentials, productClass, periodicInformEnable: false, serialPrefix: 'BLK', staggerMs: 2 };
    const first = await createFleet({ ...fleetOptions, count: 500 });
    const second = await createFleet({ ...fleetOptions, count: 500, firstIndex: 501 });
    cpes.push(...first.cpes);
    await Promise.all([first.start(), second.start()]);
    await waitFor(
      '1,000 devices in the read model',
      async () => (await gql<{ devices: { totalCount: number } }>('query($p: String) { devices(filter: { productClass: $p }) { totalCount } }', { p: productClass })).devices.totalCount === 1000,
      120_000,
    );
    // Half the fleet goes away: their commands wait until they are back.
    await second.stop();

    const seen: CommandEvent[] = [];
    const bus = testBus();
    const producer = bus.producer();
    await producer.connect();
    const consumer = bus.consumer({
      producer,
      groupId: `e2e-bulk-${randomUUID()}`,
      topics: [topics.commandEvents.name],
      fromBeginning: true,
      handle: async (b) => void seen.push(...b.events.map((e) => e.event as CommandEvent).filter((e) => e.tenantId === tenant)),
    });
    await consumer.start();
    stops.push(async () => {
      await consumer.stop();
      await producer.disconnect();
    });

    const { bulkCommand } = await gql<{ bulkCommand: { batchId: string; commandIds: string[]; total: number } }>(
      'mutation($p: String) { bulkCommand(filter: { productClass: $p }, kind: "cwmp.GetParameterValues", arguments: { names: ["Device.DeviceInfo.SoftwareVersion"] }) { batchId commandIds total } }',
      { p: productClass },
    );
    assert.equal(bulkCommand.total, 1000);
    assert.equal(new Set(bulkCommand.commandIds).size, 1000);

    const requested = await waitFor(
      '1,000 CommandRequested of the batch on Kafka',
      () => {
        const r = seen.filter((e) => e.type === 'CommandRequested' && (e.payload as { batchId?: string | null }).batchId === bulkCommand.batchId);
        return r.length >= 1000 && r;
      },
      60_000,
    );
    assert.equal(requested.length, 1000);
    assert.deepEqual(new Set(requested.map((e) => e.aggregateId)), new Set(bulkCommand.commandIds));

    // The devices that are up answer; the others' commands stay open.
    const progress = async (until: (b: Progress) => boolean) => {
      const b = await batch(bulkCommand.batchId);
      return b !== null && until(b) && b;
    };
    const halfway = await waitFor('500 results in the batch', () => progress((b) => b.count.SUCCEEDED === 500), 180_000);
    assert.equal(halfway.total, 1000);
    assert.equal(halfway.done, false);
    assert.equal((halfway.count.REQUESTED ?? 0) + (halfway.count.DISPATCHED ?? 0), 500);

    // The rest come back and are given their commands in their first session.
    const back = await createFleet({ ...fleetOptions, count: 500, firstIndex: 501 });
    cpes.push(...back.cpes);
    await back.start();
    const finished = await waitFor('every command of the batch SUCCEEDED', () => progress((b) => b.done), 180_000);
    assert.deepEqual(finished, { total: 1000, done: true, count: { SUCCEEDED: 1000 } });
    const results = seen.filter((e) => e.type === 'CommandSucceeded' && bulkCommand.commandIds.includes(e.aggregateId));
    assert.equal(new Set(results.map((e) => e.aggregateId)).size, 1000);
  });
});
