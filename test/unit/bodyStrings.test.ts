// The long strings of a body, unescaped while it arrives: the bytes offered equal the UTF-8 of
// what JSON.parse gives, however the body is cut as it arrives; a string JSON.parse would read
// differently from its UTF-8 (a lone surrogate) or refuse is not offered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BodyStrings } from '../../server/src/node/bodyStrings';
import { decodeUtf8Text } from '../../server/src/node/stringLiteralBytes';
import { random } from '../bench/discoveredCatalog';

/** Writes `body` into shared memory in random steps, publishing each as the reader does. */
async function arrive(body: Buffer, seed: number, minLength = 64): Promise<{ strings: BodyStrings; shared: Buffer }> {
  const memory = new SharedArrayBuffer(body.length);
  const filled = new Int32Array(new SharedArrayBuffer(4));
  const shared = Buffer.from(memory);
  const strings = new BodyStrings(memory, filled, minLength);
  const next = random(seed);
  for (let at = 0; at < body.length; ) {
    const step = Math.min(body.length - at, 1 + Math.floor(next() * (next() < 0.5 ? 8 : 4096)));
    body.copy(shared, at, at, at + step);
    at += step;
    Atomics.store(filled, 0, at);
    Atomics.notify(filled, 0);
    if (next() < 0.3) await new Promise((resolve) => setImmediate(resolve));
  }
  return { strings, shared };
}

/** Where the content of the string value of `key` is in `body`. */
function contentOf(body: Buffer, key: string): { start: number; end: number } {
  const start = body.indexOf(`"${key}":"`) + key.length + 4;
  let end = start;
  while (body[end] !== 0x22) end += body[end] === 0x5c ? 2 : 1;
  return { start, end };
}

const texts: Record<string, string> = {
  'escapes of every kind': '{\n\t"a": "q\\"uote \\\\ back / slash"\r\n}\b\f' + 'x'.repeat(100),
  'characters outside ASCII, raw and escaped': 'é ü → 😀 日本 ' + JSON.parse('"\\u00e9 \\u20ac \\ud83d\\ude00 \\u0001 \\u001f"') + 'y'.repeat(100),
  'a catalog-like text': JSON.stringify({ name: 'Postgres → Warehouse', syncCatalog: { streams: Array.from({ length: 30 }, (_, i) => ({ stream: { name: `s${i}`, jsonSchema: { description: 'a "quoted" \\ path/é' } } })) } }, null, 2),
};

describe('long strings unescaped while the body arrives', () => {
  for (const [name, text] of Object.entries(texts)) {
    it(name, async () => {
      // As the client writes it: the text escaped by JSON.stringify, plus an escape of every `/`
      // and `\u` escapes some writers use, which JSON.parse reads all the same.
      const variants = [JSON.stringify(text), JSON.stringify(text).replace(/\//g, '\\/'), JSON.stringify(text).replace(/é/g, '\\u00e9').replace(/😀/g, '\\ud83d\\ude00')];
      for (const [v, literal] of variants.entries()) {
        const body = Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.connection.json","version":1,"text":${literal}}}}`, 'utf8');
        for (const seed of [1, 2, 3]) {
          const { strings } = await arrive(body, seed * 10 + v);
          const { start, end } = contentOf(body, 'text');
          const bytes = await strings.take(start, end);
          assert.ok(bytes, `${name} (${v}, ${seed}): offered`);
          assert.equal(bytes.toString('utf8'), text, `${name} (${v}, ${seed})`);
          assert.equal(decodeUtf8Text(bytes).pieces.join(''), text);
        }
      }
    });
  }

  it('does not offer a string with a lone surrogate, or one JSON.parse refuses', async () => {
    const literals = ['"raw \u0001 control' + 'z'.repeat(100) + '"', '"\\ud800 alone' + 'z'.repeat(100) + '"', '"z' + 'z'.repeat(100) + ' \\udc00"', '"bad \\q escape' + 'z'.repeat(100) + '"', '"\\ud83d\\u0041' + 'z'.repeat(100) + '"'];
    for (const literal of literals) {
      const body = Buffer.from(`{"text":${literal}}`, 'utf8');
      const { strings } = await arrive(body, 7);
      const { start, end } = contentOf(body, 'text');
      assert.equal(await strings.take(start, end), undefined, literal.slice(0, 20));
    }
  });

  it('tells the other thread where the strings read exactly are, once the whole body is read', async () => {
    const long = (c: string) => c.repeat(200);
    const body = Buffer.from(`{"a":${JSON.stringify(long('a'))},"bad":"${long('q')}\\q","b":${JSON.stringify(`${long('b')}é"`)}}`, 'utf8');
    const cut = new SharedArrayBuffer(body.length);
    const filled = new Int32Array(new SharedArrayBuffer(4));
    const part = new BodyStrings(cut, filled, 64);
    Buffer.from(cut).set(body.subarray(0, 300));
    Atomics.store(filled, 0, 300);
    Atomics.notify(filled, 0);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(part.readStrings(), undefined); // not all in yet
    part.stop();

    const { strings } = await arrive(body, 11);
    await strings.whenRead();
    const read = strings.readStrings();
    assert.deepEqual(
      read?.map((r) => ({ start: r.start, end: r.end })),
      ['a', 'b'].map((key) => contentOf(body, key)),
    );
    const output = Buffer.from(strings.outputBytes);
    assert.deepEqual(
      read?.map((r) => output.toString('utf8', r.outStart, r.outEnd)),
      [long('a'), `${long('b')}é"`],
    );
  });

  it('keeps only long strings, each where it is', async () => {
    const long = (c: string) => c.repeat(200);
    const body = Buffer.from(JSON.stringify({ short: 'abc', a: long('a'), b: `${long('b')}"\\`, c: 'x' }), 'utf8');
    const { strings } = await arrive(body, 5);
    for (const [key, value] of [['a', long('a')], ['b', `${long('b')}"\\`]]) {
      const { start, end } = contentOf(body, key);
      assert.equal((await strings.take(start, end))?.toString('utf8'), value);
    }
    const short = contentOf(body, 'short');
    assert.equal(await strings.take(short.start, short.end), undefined);
  });
});
