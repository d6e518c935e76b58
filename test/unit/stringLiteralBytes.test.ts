// Reading a JSON string literal's bytes by way of Latin-1 (the worker's fast path for a large
// didOpen) gives exactly what JSON.parse of the UTF-8 text gives, whatever characters and
// escapes the text holds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endsInsideCharacter, parseStringLiteral } from '../../server/src/node/stringLiteralBytes';

const literalBytes = (text: string) => Buffer.from(JSON.stringify(text), 'utf8');
const expected = (bytes: Buffer) => JSON.parse(bytes.toString('utf8')) as string;

describe('a string literal read from its bytes', () => {
  const texts = [
    '{"name": "plain ASCII", "n": 1}\n',
    '{"name": "Postgres → Warehouse"}', // one character outside Latin-1
    'é ü ß ÿ À', // characters inside Latin-1's upper half, written as UTF-8
    '𝄞 😀 outside the BMP, \u2028 and \u0001',
    'mixed: é→😀"\\\t\r\n end',
    '',
  ];

  it('equals JSON.parse of the UTF-8 text, for ASCII and for every kind of character', () => {
    for (const text of texts) {
      const bytes = literalBytes(text);
      assert.equal(parseStringLiteral(bytes), expected(bytes), JSON.stringify(text));
      assert.equal(parseStringLiteral(bytes), text);
    }
  });

  it('reads an escape that gives a Latin-1 character beside the same character written raw', () => {
    for (const literal of ['"\\u00e9 and é"', '"\\u00E9"', '"\\u0080 \\u00ff ÿ"', '"\\\\u00e9 is not an escape, é is raw"', '"\\u0041\\u2192 →"']) {
      const bytes = Buffer.from(literal, 'utf8');
      assert.equal(parseStringLiteral(bytes), expected(bytes), literal);
    }
  });

  it('throws where JSON.parse throws', () => {
    assert.throws(() => parseStringLiteral(Buffer.from('"bad \\q escape"')), SyntaxError);
    assert.throws(() => parseStringLiteral(Buffer.from('"never closed')), SyntaxError);
  });
});

describe('whether bytes end inside a character', () => {
  it('knows a cut multi-byte character from a whole one', () => {
    const arrow = Buffer.from('→'); // 3 bytes
    const clef = Buffer.from('𝄞'); // 4 bytes
    assert.equal(endsInsideCharacter(Buffer.from('abc')), false);
    assert.equal(endsInsideCharacter(Buffer.alloc(0)), false);
    for (const character of [Buffer.from('é'), arrow, clef]) {
      assert.equal(endsInsideCharacter(Buffer.concat([Buffer.from('x'), character])), false);
      for (let cut = 1; cut < character.length; cut++) assert.equal(endsInsideCharacter(Buffer.concat([Buffer.from('x'), character.subarray(0, cut)])), true, `${character.toString()} cut after ${cut}`);
    }
  });
});
