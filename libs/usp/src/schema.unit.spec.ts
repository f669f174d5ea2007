import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PROTO_FILES, renderDescriptorModule } from './codegen/render-descriptor.js';
import { USP_BODY_TYPE_NAMES, USP_BODY_TYPES, USP_MSG_TYPE_NAMES } from './messages.js';
import { bodyMembers, HeaderMsgTypeEnum } from './schema.js';

const read = (relative: string): string => readFileSync(new URL(relative, import.meta.url), 'utf8');

describe('the compiled schema', () => {
  it('is the descriptor of the .proto files (run `nx run usp:codegen` after editing them)', () => {
    const sources = PROTO_FILES.map((file) => read(`../proto/${file}`));
    assert.equal(read('./generated/usp-descriptor.ts'), renderDescriptorModule(sources));
  });

  it('numbers Header.MsgType as USP_MSG_TYPE_NAMES lists them', () => {
    assert.deepEqual(
      USP_MSG_TYPE_NAMES.map((name) => HeaderMsgTypeEnum.values[name]),
      USP_MSG_TYPE_NAMES.map((_, index) => index),
    );
    assert.equal(Object.keys(HeaderMsgTypeEnum.values).length, USP_MSG_TYPE_NAMES.length);
  });

  it('carries every body type in Request, Response or Body.error, as USP_BODY_TYPES says', () => {
    for (const type of USP_BODY_TYPE_NAMES) {
      const { kind } = USP_BODY_TYPES[type];
      if (kind === 'error') assert.equal(type, 'Error');
      else assert.equal(bodyMembers.get(type)?.container, kind, type);
    }
    assert.deepEqual([...bodyMembers.keys()].sort(), USP_BODY_TYPE_NAMES.filter((type) => type !== 'Error').sort());
    // Each msg_type belongs to exactly one body type.
    assert.equal(new Set(USP_BODY_TYPE_NAMES.map((type) => USP_BODY_TYPES[type].msgType)).size, USP_MSG_TYPE_NAMES.length);
  });
});
