import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENVELOPE_FIELDS } from './envelope.js';
import { eventSchemas, type EventType } from './generated/index.js';
import { allSubjects, allTopicSpecs, dlqTopicName, FOREVER, subjectOf, topicOf, topics } from './topics.js';

describe('topic catalog', () => {
  it('routes every event type to the topic of its context', () => {
    for (const type of Object.keys(eventSchemas) as EventType[]) {
      assert.equal(topicOf(type).context, eventSchemas[type].context, type);
    }
    assert.equal(topicOf('DeviceRegistered').name, topics.deviceEvents.name);
    assert.equal(topicOf('CommandFailed').name, topics.commandEvents.name);
    assert.equal(topicOf('TelemetryReported').name, topics.telemetry.name);
  });

  it('keeps device, command and tenant facts forever and bounds telemetry, rejects and dead letters', () => {
    assert.equal(topics.deviceEvents.retentionMs, FOREVER);
    assert.equal(topics.commandEvents.retentionMs, FOREVER);
    assert.equal(topics.tenantEvents.retentionMs, FOREVER);
    for (const bounded of [topics.telemetry, topics.ingressRejects]) assert.ok(bounded.retentionMs > 0);
    for (const dlq of allTopicSpecs().filter((t) => t.name.endsWith('.dlq'))) assert.ok(dlq.retentionMs > 0, dlq.name);
  });

  it('has a dead-letter topic for every catalog topic and no duplicate names', () => {
    const names = allTopicSpecs().map((t) => t.name);
    assert.equal(new Set(names).size, names.length);
    for (const t of Object.values(topics)) assert.ok(names.includes(dlqTopicName(t.name)), t.name);
  });

  it('names one subject per record type on its topic', () => {
    assert.equal(subjectOf(topics.deviceEvents.name, 'DeviceRegistered'), 'fleetlog.device.events-dev.fleetlog.device.DeviceRegistered');
    const subjects = allSubjects().map((s) => s.subject);
    assert.equal(new Set(subjects).size, Object.keys(eventSchemas).length);
  });

  it('finds the full envelope, in order, at the head of every event schema but the reject record', () => {
    for (const [type, { schema }] of Object.entries(eventSchemas)) {
      if (type === 'IngressRejected') continue;
      const names = (schema.fields as readonly { name: string }[]).map((f) => f.name);
      assert.deepEqual(names.slice(0, ENVELOPE_FIELDS.length), [...ENVELOPE_FIELDS], type);
      assert.equal(names[ENVELOPE_FIELDS.length], 'payload', type);
    }
  });
});
