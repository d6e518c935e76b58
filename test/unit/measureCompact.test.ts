// A stream's `jsonSchema` read from its text: the measure accepts only what JSON.parse accepts and
// then gives exactly the size of `JSON.stringify(JSON.parse(text))` in UTF-8 (or leaves it to
// JSON.parse); field look-ups in the text answer as they do on the parsed value.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldsOfText, fieldsOfValue } from '../../core/catalog/schemaFields';
import { measureCompact } from '../../core/json/measureCompact';
import { discoveredCatalog, random } from '../bench/discoveredCatalog';

const sent = (text: string) => Buffer.byteLength(JSON.stringify(JSON.parse(text)));
const measure = (text: string) => measureCompact(text, 0, text.length);

describe('the compacted size of a JSON text, measured without parsing it', () => {
  const exact: Record<string, string> = {
    'escapes and control characters': '{ "ab": "line\\nbreak\\t\\u0001\\u001f \\\\ \\/ \\u0041 \\"", "k": "\\b\\f\\r\\u00e9\\u20ac\\u0022\\u005c" }',
    'non-ASCII and astral characters': '[ "é", "日本", "😀", "a😀b", "\u007f" ]',
    'numbers as JSON.stringify prints them': '[1.50, 1e2, -0, 0, -12, 0.0000001, 1E+21, 123456789012345678901234567890, 1e999, -1e-999, 2.5e-3, 999999999999999]',
    'literals, empty containers and spacing': '{"t": true, "f": false, "n": null, "o": {}, "l": [], "nested": [[], [{}], {"a": []}]}\r\n\t ',
    'the same key in different objects': '{"a": {"a": {"a": 1}}, "b": [{"a": 1}, {"a": 2}], "c": {"b": 1, "a": 2}}',
    'an object with many keys': `{${Array.from({ length: 2000 }, (_, i) => `"k${i}": ${i}`).join(', ')}}`,
    'deep nesting': '['.repeat(200) + ']'.repeat(200),
  };
  for (const [name, text] of Object.entries(exact)) {
    it(name, () => assert.equal(measure(text), sent(text)));
  }

  it('every schema of a generated catalog', () => {
    const catalog = JSON.parse(discoveredCatalog(30, 7)) as { syncCatalog: { streams: Array<{ stream: { jsonSchema: unknown } }> } };
    for (const { stream } of catalog.syncCatalog.streams) {
      const text = JSON.stringify(stream.jsonSchema, null, 2);
      assert.equal(measure(text), sent(text));
    }
  });

  it('measures exactly a span of a larger text', () => {
    const text = 'xx {"a": [1, "é"]} yy';
    assert.equal(measureCompact(text, 3, 18), sent(text.slice(3, 18)));
    assert.equal(measureCompact(text, 3, 19), sent(text.slice(3, 19)), 'a trailing space');
    assert.equal(measureCompact(text, 3, 20), -1, 'a space then another character');
  });

  it('leaves to JSON.parse what it does not compute', () => {
    const unsure: Record<string, string> = {
      'a duplicate key': '{ "a": 1, "b": 2, "a": 3 }',
      'a duplicate key far apart': `{"x": 1, ${Array.from({ length: 300 }, (_, i) => `"k${i}": {"x": ${i}}`).join(', ')}, "x": 2}`,
      'a key with an escape': '{ "a\\u0062": 1 }',
      'a lone surrogate': '["\ud800"]',
      'an escaped surrogate': '["\\ud83d\\ude00"]',
    };
    for (const [name, text] of Object.entries(unsure)) {
      assert.doesNotThrow(() => JSON.parse(text), name);
      assert.equal(measure(text), -1, name);
    }
  });

  it('refuses what JSON.parse refuses', () => {
    const invalid = [
      '{"a": 1,}', '[1,]', '{"a" 1}', '{"a": 1 "b": 2}', "{'a': 1}", '{a: 1}', '{"a": 1} // c', '/* c */ {}',
      '["a\tb"]', '["\\x41"]', '["\\u12"]', '["\\u12g4"]', '[01]', '[.5]', '[1.]', '[+1]', '[-]', '[1e]', '[1e+]',
      '[NaN]', '[Infinity]', '[tru]', '[nul]', '{"a": 1', '[1, 2', '"open', '{} {}', '{}]', '', '   ', '[1 2]', '[,1]', '{,}',
    ];
    for (const text of invalid) {
      assert.throws(() => JSON.parse(text), SyntaxError, text);
      assert.equal(measure(text), -1, text);
    }
  });

  it('agrees with JSON.parse on thousands of damaged texts', () => {
    const base = JSON.stringify({ type: 'object', properties: { id: { type: ['null', 'integer'], maximum: 1.5e3 }, name: { description: 'é "q" \\ 😀 \n', enum: [true, false, null, -0.25] } } }, null, 1);
    const next = random(42);
    const pieces = ['"', '\\', ',', ':', '{', '}', '[', ']', ' ', '0', '-', 'e', '.', 'u', 'n', '\u0001', '\ud800'];
    let measured = 0;
    for (let round = 0; round < 5000; round++) {
      let text = base;
      for (let edits = 1 + Math.floor(next() * 2); edits > 0; edits--) {
        const at = Math.floor(next() * text.length);
        const cut = Math.floor(next() * 2);
        text = text.slice(0, at) + (next() < 0.7 ? pieces[Math.floor(next() * pieces.length)] : '') + text.slice(at + cut);
      }
      let expected = -1;
      try {
        expected = sent(text);
      } catch {
        // JSON.parse refuses it
      }
      const size = measure(text);
      if (expected < 0) assert.equal(size, -1, `accepted what JSON.parse refuses: ${JSON.stringify(text)}`);
      else assert.ok(size === -1 || size === expected, `measured ${size}, sent ${expected}: ${JSON.stringify(text)}`);
      if (size >= 0) measured++;
    }
    assert.ok(measured > 100, `some damaged texts are still valid and measured (${measured})`);
  });
});

describe('field look-ups in a schema text', () => {
  const schema = {
    type: 'object',
    description: 'has "properties": {"fake": 1} in a string',
    properties: {
      id: { type: 'integer' },
      user: { type: 'object', properties: { login: { type: 'string' }, address: { properties: { city: {} } } } },
      tags: { type: 'array', items: { properties: { hidden: {} } } },
      properties: { type: 'string' },
      scalar: 3,
      'with space': null,
    },
  };
  // An own `__proto__` key, as JSON.parse makes it (an object literal would set the prototype).
  const withProto = JSON.parse(JSON.stringify(schema).replace('"scalar":', '"__proto__":{"type":"string"},"scalar":')) as unknown;
  const paths = [
    ['id'], ['user'], ['user', 'login'], ['user', 'address', 'city'], ['user', 'address', 'town'], ['user', 'nope'], ['tags', 'hidden'],
    ['properties'], ['__proto__'], ['scalar'], ['scalar', 'x'], ['with space'], ['with space', 'x'], ['fake'], ['type'], ['missing'], [], ['id', 'x'],
  ];
  const cases: Record<string, unknown> = {
    'a schema': withProto,
    'properties that is an array': { properties: [{ id: {} }] },
    'properties that is null': { properties: null },
    'no properties': { type: 'object' },
    'empty properties': { properties: {} },
  };
  for (const [name, value] of Object.entries(cases)) {
    it(name, () => {
      for (const spacing of [0, 2]) {
        const text = JSON.stringify(value, null, spacing);
        assert.ok(measure(text) >= 0, 'the text is one the measure vouches for');
        const fromText = fieldsOfText(text, 0);
        const fromValue = fieldsOfValue(JSON.parse(text));
        assert.equal(fromText.hasProperties(), fromValue.hasProperties(), `${name}: hasProperties`);
        for (const path of paths) assert.equal(fromText.has(path), fromValue.has(path), `${name}: ${path.join('.')}`);
      }
    });
  }
});
