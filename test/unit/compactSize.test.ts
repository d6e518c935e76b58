// The compacted size computed from the syntax tree equals the size of the body as sent
// (JSON.stringify(JSON.parse(text)) in UTF-8), whatever the escapes, numbers, duplicate keys
// and characters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { utf8Length } from '../../core/language/bodySize';
import { compactSize } from '../../core/language/compactSize';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { discoveredCatalog } from '../bench/discoveredCatalog';

const service = createConnectionLanguageService();

function sizes(text: string): { fromTree: number; sent: number } {
  const parsed = service.parseJSONDocument(TextDocument.create('file:///t.json', 'json', 0, text));
  return { fromTree: compactSize(parsed.root!), sent: utf8Length(JSON.stringify(JSON.parse(text))) };
}

describe('compact size from the syntax tree', () => {
  const cases: Record<string, string> = {
    'escapes and control characters': '{ "a\\"b": "line\\nbreak\\t\\u0001\\u001f \\\\ \\/ \\u0041", "k": "\\b\\f\\r" }',
    'non-ASCII, astral and lone surrogates': '[ "é", "日本", "😀", "\\ud83d\\ude00", "\\ud800", "x\\udc00y", "😀"  ]',
    'numbers as JSON.stringify prints them': '[1.50, 1e2, -0, 0.0000001, 1E+21, 123456789012345678901234567890, 1e999, -1e-999, 2.5e-3]',
    'duplicate keys keep their last value': '{ "a": 1, "b": [1, 2], "a": { "x": "long value" }, "c": null, "b": true }',
    'literals and empty containers': '{"t": true, "f": false, "n": null, "o": {}, "l": [], "nested": [[], [{}], {"a": []}]}',
    'an object with many keys and duplicates': `{${Array.from({ length: 80 }, (_, i) => `"k${i % 50}": ${i}`).join(', ')}}`,
    'a generated catalog': discoveredCatalog(20, 11),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const { fromTree, sent } = sizes(text);
      assert.equal(fromTree, sent);
    });
  }
});
