// Runs last of the e2e files (they run in name order): it stops and restarts Kafka.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { buildEnvelope, parseEnvelope } from '@fleetlog/cwmp';
import { topics, type AnyEvent } from '@fleetlog/events';
import { testBus, uniqueTenant, waitFor } from '@fleetlog/events/testing';
import { stack, startAcs } from './support/processes.js';

describe('CWMP ACS while Kafka is down', () => {
  it('answers 503 with Retry-After, and every session it acknowledged is on the topic once Kafka is back', { timeout: 600_000 }, async () => {
    const tenant = uniqueTenant();
    const acs = await startAcs({
      FLEETLOG_CWMP_DEFAULT_TENANT: tenant,
      FLEETLOG_CWMP_USERNAME: 'cpe',
      FLEETLOG_CWMP_PASSWORD: 'outage',
      FLEETLOG_CWMP_RETRY_AFTER_SECONDS: '7',
    });
    const { url } = acs;
    const auth = `Basic ${Buffer.from('cpe:outage').toString('base64')}`;
    const acked = new Set<string>();
    const statuses = new Map<number, number>();
    let retryAfter: string | null = null;
    let n = 0;
    let running = true;

    // Four CPEs in a loop; each Inform carries a unique CurrentTime to find it on the topic later.
    const cpe = async (i: number) => {
      while (running) {
        const stamp = `2026-11-23T00:00:${String(n++).padStart(6, '0')}Z`;
        const body = buildEnvelope({
          namespace: 'urn:dslforum-org:cwmp-1-0',
          id: '1',
          holdRequests: false,
          message: {
            type: 'Inform',
            deviceId: { manufacturer: 'Example', oui: '00D09E', productClass: 'IGD', serialNumber: `OUT${i}` },
            events: [{ eventCode: '2 PERIODIC', commandKey: '' }],
            maxEnvelopes: 1,
            currentTime: stamp,
            retryCount: 0,
            parameters: [],
          },
        });
        try {
          const res = await fetch(url, { method: 'POST', body, headers: { authorization: auth, 'content-type': 'text/xml' } });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 503) retryAfter = res.headers.get('retry-after');
          const text = await res.text();
          if (res.status === 200) {
            const parsed = parseEnvelope(text);
            assert.ok(parsed.ok && parsed.value.message.type === 'InformResponse');
            acked.add(stamp);
            const cookie = res.headers.get('set-cookie')?.split(';')[0];
            await fetch(url, { method: 'POST', body: '', headers: { authorization: auth, ...(cookie ? { cookie } : {}) } }).then((r) => r.text());
          }
        } catch {
          // Connection-level failures count as not acknowledged.
        }
      }
    };
    const loops = [0, 1, 2, 3].map(cpe);
    try {
      await waitFor('sessions before the outage', () => acked.size >= 40, 60_000);
      stack('down', 'kafka');
      await waitFor('a 503 while Kafka is down', () => (statuses.get(503) ?? 0) > 0, 120_000);
      const duringOutage = acked.size;
      stack('up', '--no-provision');
      await waitFor('sessions after Kafka is back', () => acked.size >= duringOutage + 40, 180_000);
    } finally {
      running = false;
      await Promise.all(loops);
      await acs.stop();
    }
    assert.equal(retryAfter, '7');
    console.log(`    sessions: ${JSON.stringify(Object.fromEntries(statuses))}; acknowledged ${acked.size}`);

    const found = new Set<string>();
    const bus = testBus();
    const producer = bus.producer();
    await producer.connect();
    const consumer = bus.consumer({
      producer,
      groupId: `e2e-outage-${randomUUID()}`,
      topics: [topics.deviceEvents.name],
      fromBeginning: true,
      handle: async (b) => {
        for (const { event } of b.events) {
          const e = event as AnyEvent;
          if (e.type === 'DeviceInformed' && e.tenantId === tenant && e.payload.deviceTime) found.add(e.payload.deviceTime);
        }
      },
    });
    await consumer.start();
    try {
      await waitFor('every acknowledged session on the topic', () => [...acked].every((s) => found.has(s)), 120_000);
    } finally {
      await consumer.stop();
      await producer.disconnect();
    }
    assert.deepEqual([...acked].filter((s) => !found.has(s)), []);
  });
});
