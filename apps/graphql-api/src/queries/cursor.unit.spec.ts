import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './cursor.js';
import { encodeEventCursor, isAfter, parseResumePoint } from '../live/event-cursor.js';

describe('cursors', () => {
  it('round-trip for their tenant, page nothing for another, and refuse anything else with INVALID_CURSOR', () => {
    const c = encodeCursor('acme', ['2026-01-01T00:00:00.000Z', 'id-1']);
    assert.deepEqual(decodeCursor('acme', c, ['string', 'string']), ['2026-01-01T00:00:00.000Z', 'id-1']);
    assert.equal(decodeCursor('globex', c, ['string', 'string']), null);
    const [, tag] = c.split('.');
    for (const bad of ['junk', encodeCursor('acme', ['one']), Buffer.from('{"t":1,"k":[]}').toString('base64url'), `${Buffer.from('{}').toString('base64url')}.${tag}`, `${c}.x`, `.${tag}`]) {
      assert.throws(() => decodeCursor('acme', bad, ['string', 'string']), (e: { extensions?: { code?: string } }) => e.extensions?.code === 'INVALID_CURSOR');
    }
  });

  it('a page of first + 1 rows says there is more and ends at its last row', () => {
    const page = toConnection('acme', ['a', 'b', 'c'], 2, (r) => [r], (r) => r.toUpperCase());
    assert.deepEqual(page.edges.map((e) => e.node), ['A', 'B']);
    assert.equal(page.pageInfo.hasNextPage, true);
    assert.deepEqual(decodeCursor('acme', page.pageInfo.endCursor!, ['string']), ['b']);
    assert.throws(() => pageSize(10_000, 500), /between 0 and 500/);
  });

  it('event cursors resume after their event on its partition and include other partitions of the same instant', () => {
    const from = parseResumePoint(encodeEventCursor({ recordedAt: 1000, topic: 't', partition: 1, offset: '10' }));
    assert.equal(isAfter({ recordedAt: 1000, topic: 't', partition: 1, offset: '10' }, from), false);
    assert.equal(isAfter({ recordedAt: 1000, topic: 't', partition: 1, offset: '11' }, from), true);
    assert.equal(isAfter({ recordedAt: 1000, topic: 't', partition: 2, offset: '3' }, from), true);
    assert.equal(isAfter({ recordedAt: 999, topic: 't', partition: 2, offset: '99' }, from), false);
    assert.deepEqual(parseResumePoint('2026-01-01T00:00:00Z'), { recordedAt: Date.UTC(2026, 0, 1) });
    assert.throws(() => parseResumePoint('yesterday'), (e: { extensions?: { code?: string } }) => e.extensions?.code === 'INVALID_CURSOR');
  });
});
