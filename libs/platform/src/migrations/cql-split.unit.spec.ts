import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitCql } from './cql-split.js';

describe('splitCql', () => {
  it('splits on semicolons and drops comments of every kind', () => {
    const text = `-- heading\nCREATE TABLE a (x int PRIMARY KEY); // trailing\n/* block ; with semicolon */\nCREATE TABLE b (y int PRIMARY KEY);\n`;
    assert.deepEqual(splitCql(text), ['CREATE TABLE a (x int PRIMARY KEY)', 'CREATE TABLE b (y int PRIMARY KEY)']);
  });

  it('keeps semicolons and comment markers inside strings and $$ literals', () => {
    const text = `INSERT INTO t (k, v) VALUES ('a;b', 'it''s -- not a comment');\nINSERT INTO t (k, v) VALUES ('c', $$x; y$$)`;
    assert.deepEqual(splitCql(text), ["INSERT INTO t (k, v) VALUES ('a;b', 'it''s -- not a comment')", 'INSERT INTO t (k, v) VALUES (\'c\', $$x; y$$)']);
  });

  it('returns nothing for a file of comments and blank lines', () => {
    assert.deepEqual(splitCql('-- only\n\n/* words */\n'), []);
  });
});
