import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeXmlText, escapeXmlText } from './xml-text.js';
import { xmlString } from './testing/arbitraries.js';

describe('decodeXmlText', () => {
  it('decodes the five predefined entities and numeric references only', () => {
    assert.equal(decodeXmlText('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#X1F600;'), '<>&"\'AB\u{1F600}');
    assert.equal(decodeXmlText('&nbsp;&copy;&;&#;&#x;&#12a;&amp &'), '&nbsp;&copy;&;&#;&#x;&#12a;&amp &');
  });

  it('does not decode twice', () => {
    assert.equal(decodeXmlText('&amp;lt;&amp;#60;'), '&lt;&#60;');
  });

  it('replaces references to characters XML forbids', () => {
    assert.equal(decodeXmlText('&#0;&#xDFFF;&#xFFFE;&#x110000;&#9;'), '\uFFFD\uFFFD\uFFFD\uFFFD\t');
  });
});

describe('escapeXmlText', () => {
  it('is undone by decodeXmlText for every XML-representable string', () => {
    fc.assert(
      fc.property(xmlString, (value) => {
        const escaped = escapeXmlText(value);
        assert.ok(!/[<>"'\r]/.test(escaped));
        assert.equal(decodeXmlText(escaped), value);
      }),
      { numRuns: 2000 },
    );
  });
});
