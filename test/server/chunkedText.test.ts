// The chunked text of large documents agrees with vscode-languageserver-textdocument on every
// offset and position, through random edits (line breaks of every kind, across chunk edges).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedText } from '../../core/text/chunkedText';
import { random } from '../bench/discoveredCatalog';

const PIECES = ['a', 'bc', '\n', '\r\n', '\r', '{"x": 1}', ' ', 'ü', '\n\n', 'long text without breaks '.repeat(20)];

describe('ChunkedText', () => {
  it('matches TextDocument through random edits', () => {
    const rand = random(7);
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
    let initial = '';
    while (initial.length < 400_000) initial += pick(PIECES);
    let document = TextDocument.create('file:///t', 'json', 1, initial);
    const chunked = new ChunkedText(initial);
    for (let step = 0; step < 400; step++) {
      const length = document.getText().length;
      const a = Math.floor(rand() * (length + 1));
      const b = Math.min(length, a + Math.floor(rand() * (rand() < 0.1 ? 200_000 : 50)));
      let inserted = '';
      const parts = Math.floor(rand() * 4);
      for (let k = 0; k < parts; k++) inserted += pick(PIECES);
      const range = { start: document.positionAt(a), end: document.positionAt(b) };
      document = TextDocument.update(document, [{ range, text: inserted }], step + 2);
      chunked.applyChange({ range, text: inserted });
      const text = document.getText();
      assert.equal(chunked.length, text.length);
      assert.equal(chunked.lineCount, document.lineCount);
      for (let probe = 0; probe < 20; probe++) {
        const offset = Math.floor(rand() * (text.length + 1));
        assert.deepEqual(chunked.positionAt(offset), document.positionAt(offset), `positionAt(${offset}) at step ${step}`);
        const position = { line: Math.floor(rand() * (document.lineCount + 1)), character: Math.floor(rand() * 40) };
        assert.equal(chunked.offsetAt(position), document.offsetAt(position), `offsetAt(${JSON.stringify(position)}) at step ${step}`);
      }
      if (step % 50 === 0) assert.equal(chunked.getText(), text);
      const from = Math.floor(rand() * text.length);
      assert.equal(chunked.slice(from, from + 70_000), text.slice(from, from + 70_000));
    }
    assert.equal(chunked.getText(), document.getText());
  });
});
