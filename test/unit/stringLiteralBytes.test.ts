// Reading a JSON string literal's bytes by way of Latin-1 (the worker's fast path for a large
// didOpen) gives exactly what JSON.parse of the UTF-8 text gives, whatever characters and
// escapes the text holds, in pieces that stay one-byte where the text is ASCII; and the layout
// of its streams found in the Latin-1 reading and moved to the text is the text's own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapLayout, scanLayout } from '../../core/language/catalogLayout';
import { decodeStringLiteral, endsInsideCharacter } from '../../server/src/node/stringLiteralBytes';
import { discoveredCatalog } from '../bench/discoveredCatalog';

const literalBytes = (text: string) => Buffer.from(JSON.stringify(text), 'utf8');

/** Decodes `bytes` and checks the pieces (chunk-sized, in order) against JSON.parse. */
function assertDecoded(bytes: Buffer, label: string): void {
  const expected = JSON.parse(bytes.toString('utf8')) as string;
  const { pieces } = decodeStringLiteral(bytes);
  assert.equal(pieces.join(''), expected, label);
  for (const piece of pieces) assert.ok(piece.length <= 80 * 1024 || pieces.length === 1, `${label}: pieces are chunk-sized`);
}

describe('a string literal read from its bytes', () => {
  const texts = [
    '{"name": "plain ASCII", "n": 1}\n',
    '{"name": "Postgres → Warehouse"}', // one character outside Latin-1
    'é ü ß ÿ À', // characters inside Latin-1's upper half, written as UTF-8
    '𝄞 😀 outside the BMP, \u2028 and \u0001',
    'mixed: é→😀"\\\t\r\n end',
    '',
    // Runs on and across the pieces' boundaries, and many of them.
    `${'a'.repeat(65535)}→é${'b'.repeat(65536)}😀${'c'.repeat(10)}`,
    `${'x'.repeat(65534)}😀😀${'y'.repeat(70000)}`,
    `${'x'.repeat(3000)}é→`.repeat(200), // runs in many pieces
    'ab→'.repeat(50000), // more runs than a few names: read as UTF-8 in one go
    `${'y'.repeat(2_000_000)}${'a→'.repeat(5000)}`, // the same, found past the first look
  ];

  it('equals JSON.parse of the UTF-8 text, for ASCII and for every kind of character', () => {
    for (const text of texts) assertDecoded(literalBytes(text), JSON.stringify(text.slice(0, 40)));
  });

  it('keeps the ASCII parts of a large text one-byte, in chunk-sized pieces', () => {
    const { pieces } = decodeStringLiteral(literalBytes(`${'a'.repeat(200_000)}→${'b'.repeat(200_000)}`));
    assert.ok(pieces.length >= 6);
    assert.equal(pieces.filter((piece) => /[^\x00-\x7f]/.test(piece)).length, 1);
  });

  it('gives the layout of the text itself, whatever characters its header, names, namespaces and schemas hold', () => {
    let k = 0;
    const odd = ['é', '→', '😀', 'Größe ☕', 'ÿ', '日本語'];
    const text = discoveredCatalog(40)
      .replace('"name": "', '"name": "Postgres → Warehouse ')
      .replace(/"(name|namespace|description)": "/g, (match) => (k++ % 3 === 0 ? `${match}${odd[k % odd.length]}` : match))
      .replace('"jsonSchema": {', '"jsonSchema": { "clé → 😀": {"type": "string"},');
    assert.match(text, /"namespace": "[^"]*[^\x00-\x7f]/);
    const decoded = decodeStringLiteral(literalBytes(text));
    assert.ok(decoded.pieces.length > 1 || decoded.structure !== text, 'the reading differs from the text');
    const layout = scanLayout(decoded.structure);
    assert.ok(layout);
    assert.deepEqual(mapLayout(layout, decoded.toText), scanLayout(text));
    // Measured in passing, each schema's size as sent is the same from either reading.
    assert.ok(decoded.structureIsLatin1);
    const measured = scanLayout(text, 'measure')!;
    assert.deepEqual(mapLayout(scanLayout(decoded.structure, 'measureLatin1')!, decoded.toText), measured);
    measured.places.forEach((place, i) => {
      const schema = text.slice(measured.starts[i] + place.schemaStart, measured.starts[i] + place.schemaEnd);
      assert.equal(place.schemaBytes, Buffer.byteLength(JSON.stringify(JSON.parse(schema))), `schema ${i}`);
    });
  });

  it('reads an escape that gives a Latin-1 character beside the same character written raw', () => {
    for (const literal of ['"\\u00e9 and é"', '"\\u00E9"', '"\\u0080 \\u00ff ÿ"', '"\\\\u00e9 is not an escape, é is raw"', '"\\u0041\\u2192 → 😀"']) {
      assertDecoded(Buffer.from(literal, 'utf8'), literal);
    }
  });

  it('throws where JSON.parse throws', () => {
    assert.throws(() => decodeStringLiteral(Buffer.from('"bad \\q escape"')), SyntaxError);
    assert.throws(() => decodeStringLiteral(Buffer.from('"never closed')), SyntaxError);
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
