import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { publicationOf, uspTopics } from './topics.js';

describe('USP MQTT topics', () => {
  const topics = uspTopics('acme', 'proto::usp-sim-000001');

  it('are the provisioned controller topic and the agent’s own', () => {
    assert.deepEqual(topics, { agent: 'usp/agent/proto::usp-sim-000001', controller: 'usp/controller/acme/proto::usp-sim-000001' });
  });

  it('carry the reply-to in the Response Topic property with MQTT 5', () => {
    assert.deepEqual(publicationOf(topics, 5), {
      topic: 'usp/controller/acme/proto::usp-sim-000001',
      properties: { responseTopic: 'usp/agent/proto::usp-sim-000001', contentType: 'usp.msg' },
    });
  });

  it('carry it in the topic name, slashes escaped, with MQTT 3.1.1', () => {
    assert.deepEqual(publicationOf(topics, 4), { topic: 'usp/controller/acme/proto::usp-sim-000001/reply-to=usp%2Fagent%2Fproto::usp-sim-000001' });
  });
});
