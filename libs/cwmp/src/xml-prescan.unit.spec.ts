import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { prescanXml } from './xml-prescan.js';

const codeOf = (xml: string, maxDepth = 64): string => prescanXml(xml, maxDepth)?.code ?? 'ok';

describe('prescanXml', () => {
  it('accepts well-nested documents with a prolog, comments, PIs, CDATA and quoted ">" in attributes', () => {
    assert.equal(codeOf(`<?xml version="1.0"?>\n<!-- hi --><a x="1>2" y='q'><b/><![CDATA[</a>]]><?pi x?></a>\n<!-- bye -->`), 'ok');
  });

  it('counts depth by open elements only', () => {
    assert.equal(codeOf('<a><b><c/></b></a>', 2), 'ok');
    assert.equal(codeOf('<a><b><c></c></b></a>', 2), 'CWMP_TOO_DEEP');
  });

  it('finds structural errors fast-xml-parser would let through', () => {
    for (const xml of ['<a><b>x</a>', '<a>', '<a></b>', '</a>', '<a/><b/>', 'x<a/>', '<a/>x', '<a b="1/>', '<!-- x', '<a><![CDATA[x</a>', '<1a/>', '<a"b"/>', '< a/>']) {
      assert.equal(codeOf(xml), 'CWMP_MALFORMED_XML', xml);
    }
  });

  it('forbids DTD declarations anywhere', () => {
    assert.equal(codeOf('<!DOCTYPE a><a/>'), 'CWMP_FORBIDDEN_XML');
    assert.equal(codeOf('<a><!ENTITY x "y"></a>'), 'CWMP_FORBIDDEN_XML');
    assert.equal(codeOf('<a><![CDATA[<!DOCTYPE]]></a>'), 'CWMP_FORBIDDEN_XML');
  });
});
