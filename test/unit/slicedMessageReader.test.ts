// The server's reader for stream transports: it frames and decodes exactly as vscode-jsonrpc's
// own reader does (the same messages, the same errors, in the same order), however the bytes
// are split into chunks and however a large body's text is cut into slices; and it lets a
// message about another document go before a large didOpen that is still being decoded, and
// nothing else (server/src/node/messageOrder.ts).
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { StreamMessageReader, type MessageReader } from 'vscode-jsonrpc/node';
import { ChunkedText } from '../../core/text/chunkedText';
import { jsonStringPieces, safeCut } from '../../server/src/node/jsonStringSlices';
import { LongStringScanner, textOfUtf8 } from '../../server/src/node/largeBody';
import { mayOvertake, orderKeyOf } from '../../server/src/node/messageOrder';
import { SlicedMessageReader, type LargeMessage, type SlicedMessageReaderOptions } from '../../server/src/node/slicedMessageReader';
import { takeReceivedText } from '../../server/src/receivedTexts';
import type { BodyReadAhead } from '../../server/src/validator';

/** Small thresholds, so that short test bodies take the large-body path and are cut often. */
const TINY: SlicedMessageReaderOptions = { largeBodyBytes: 200, longStringBytes: 40, sliceBytes: 7 };

/** A text with every kind of character and escape a JSON string can hold. */
const TRICKY = 'a "quoted" word, a back\\slash\\\\, a tab\there, lines\r\nand\nmore, é and ü, 𝄞 and 😀 (outside the BMP), \u0001 \u001f \u2028, {"json": ["in", "json"]} '.repeat(6);

function frame(body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

const message = (value: unknown) => frame(JSON.stringify(value));
const didOpen = (uri: string, text: string) => message({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'json', version: 1, text } } });
const request = (id: number, method: string, uri?: string) => message({ jsonrpc: '2.0', id, method, params: uri ? { textDocument: { uri }, position: { line: 0, character: 0 } } : {} });
const cancel = (id: number) => message({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });

type Event = { message: unknown } | { error: string };

/** Feeds `bytes` to `reader` in chunks of the given sizes (cycled); resolves with `count` events. */
function read(reader: MessageReader, input: PassThrough, bytes: Buffer, sizes: number[], count: number): Promise<Event[]> {
  return new Promise((resolve) => {
    const events: Event[] = [];
    const add = (event: Event) => {
      events.push(event);
      if (events.length === count) resolve(events);
    };
    reader.onError((error) => add({ error: error.message }));
    reader.listen((m) => add({ message: m }));
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const size = sizes[k % sizes.length];
      input.write(bytes.subarray(at, at + size));
      at += size;
    }
  });
}

function ours(bytes: Buffer, sizes: number[], count: number, options: SlicedMessageReaderOptions = TINY): Promise<Event[]> {
  const input = new PassThrough();
  return read(new SlicedMessageReader(input, options), input, bytes, sizes, count);
}

function theirs(bytes: Buffer, count: number): Promise<Event[]> {
  const input = new PassThrough();
  return read(new StreamMessageReader(input), input, bytes, [bytes.length], count);
}

/** Chunk sizes from a fixed seed: the same "random" splits on every run. */
function seededSizes(seed: number, count: number, max: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 1 + (state % max);
  });
}

describe('the sliced message reader', () => {
  const escapes = Buffer.from(`{"jsonrpc":"2.0","method":"custom/escapes","params":{"text":"\\u00e9\\ud83d\\ude00\\"\\\\\\/\\b\\f\\n\\r\\t${'\\u0041'.repeat(20)} end"}}`, 'utf8');
  const stream = Buffer.concat([
    request(1, 'initialize'),
    didOpen('file:///a.connection.json', TRICKY),
    message({ jsonrpc: '2.0', method: 'initialized', params: {} }),
    frame('{"jsonrpc": "2.0", "method": '), // malformed, small
    frame(`{"jsonrpc":"2.0","method":"x","params":{"text":"${'y'.repeat(300)}\\q"}}`), // malformed escape, large
    frame(`{"jsonrpc":"2.0","method":"x","params":{"text":"${'y'.repeat(300)}`), // a string never closed, large
    frame(escapes),
    frame(`{"jsonrpc":"2.0","method":"custom/keyed","params":{"${'k'.repeat(300)}":1}}`), // a long key
    frame('[1, 2, {"three": "' + 'x'.repeat(300) + '"}]'), // not an object at all
    request(2, 'shutdown'),
  ]);
  const COUNT = 10;

  it('delivers the same messages and errors as vscode-jsonrpc, in one chunk, byte by byte, or split anywhere', async () => {
    const expected = await theirs(stream, COUNT);
    assert.equal(expected.filter((e) => 'error' in e).length, 3);
    for (const sizes of [[stream.length], [1], [2, 3, 5, 7, 11, 13], seededSizes(7, 500, 64), seededSizes(11, 500, 4096)]) {
      assert.deepEqual(await ours(stream, sizes, COUNT), expected, `chunks of ${sizes.slice(0, 6).join(', ')}…`);
    }
  });

  it('decodes the same text whatever the slice size, with characters and escapes split at every boundary', async () => {
    for (let sliceBytes = 1; sliceBytes <= 13; sliceBytes++) {
      const [opened] = await ours(didOpen('file:///a.connection.json', TRICKY), [97], 1, { ...TINY, sliceBytes });
      assert.equal((opened as { message: { params: { textDocument: { text: string } } } }).message.params.textDocument.text, TRICKY);
      const content = escapes.subarray(escapes.indexOf('"text":"') + 8, escapes.lastIndexOf('"}}'));
      assert.equal([...jsonStringPieces(content, 0, content.length, sliceBytes)].join(''), JSON.parse(`"${content.toString('utf8')}"`));
    }
  });

  it('never cuts inside an escape', () => {
    assert.equal(safeCut('ab\\'), 2); // before a lone backslash
    assert.equal(safeCut('ab\\\\'), 4); // after an escaped backslash
    assert.equal(safeCut('ab\\u00'), 2); // before an unfinished \u escape
    assert.equal(safeCut('ab\\\\u00'), 7); // a literal backslash then "u00": no escape
    assert.equal(safeCut('ab\\u00e9'), 8);
  });

  it('reports header errors as vscode-jsonrpc does, and reads on with the next chunk', async () => {
    // vscode-jsonrpc reports a header error at once and decodes bodies a moment later: compare
    // the messages and the errors, each in their order.
    const parts = [Buffer.from('Content-Type: x\r\n\r\n'), request(1, 'a'), Buffer.from('Content-Length: abc\r\n\r\n'), request(2, 'b'), Buffer.from('no colon\r\n\r\n'), request(3, 'c')];
    const bytes = Buffer.concat(parts);
    const sizes = parts.map((p) => p.length);
    const input = new PassThrough();
    const expected = await read(new StreamMessageReader(input), input, bytes, sizes, 6);
    const got = await ours(bytes, sizes, 6);
    const split = (events: Event[]) => [events.filter((e) => 'message' in e), events.filter((e) => 'error' in e)];
    assert.deepEqual(split(got), split(expected));
    assert.equal(split(got)[1].length, 3);
  });

  it('delivers a large didOpen with the pieces its text was decoded in', async () => {
    const [opened] = await ours(didOpen('file:///a.connection.json', TRICKY), [64], 1);
    const textDocument = (opened as { message: { params: { textDocument: { text: string } } } }).message.params.textDocument;
    const { pieces } = takeReceivedText(textDocument);
    assert.ok(pieces && pieces.length > 1);
    assert.equal(pieces.join(''), TRICKY);
    const fromPieces = new ChunkedText(pieces);
    const whole = new ChunkedText(TRICKY);
    assert.equal(fromPieces.getText(), TRICKY);
    assert.equal(fromPieces.lineCount, whole.lineCount);
    for (let offset = 0; offset <= TRICKY.length; offset += 17) assert.deepEqual(fromPieces.positionAt(offset), whole.positionAt(offset));
  });

  it('finds each long string literal, escaped quotes and backslash runs included, however the bytes are split', () => {
    const longOnes = ['\\'.repeat(45), `${'\\'.repeat(3)}"${'x'.repeat(40)}"\\`, TRICKY, `"${'q'.repeat(41)}\\"`];
    const body = Buffer.from(JSON.stringify({ a: 'short "one" \\', t: longOnes[0], list: [longOnes[1], 'x\\', longOnes[2]], z: { k: longOnes[3] } }), 'utf8');
    const expected = longOnes.map((text) => {
      const literal = Buffer.from(JSON.stringify(text), 'utf8');
      const start = body.indexOf(literal) + 1;
      return { start, end: start + literal.length - 2 };
    });
    for (const sizes of [[body.length], [1], [2, 3, 5, 7], seededSizes(5, 400, 9), seededSizes(13, 400, 64)]) {
      const scanner = new LongStringScanner(40);
      for (let at = 0, k = 0; at < body.length; k++) {
        const to = Math.min(body.length, at + sizes[k % sizes.length]);
        scanner.feed(body, at, to);
        at = to;
      }
      assert.deepEqual(scanner.result(), expected, `chunks of ${sizes.slice(0, 4).join(', ')}…`);
    }
    const open = new LongStringScanner(40);
    open.feed(body, 0, body.length - 5); // ends inside a string
    assert.equal(open.result(), undefined);
  });

  it('keeps a CR LF pair split between two pieces in one line break', () => {
    const text = new ChunkedText(['one\r', '\ntwo\r', '\n', 'three']);
    assert.equal(text.getText(), 'one\r\ntwo\r\nthree');
    assert.equal(text.lineCount, 3);
    assert.deepEqual(text.positionAt(5), { line: 1, character: 0 });
  });

  it('shows a large message to onLargeMessage before decoding it, and says when that object is not delivered', async () => {
    const seen: Array<{ method: unknown; text: string | undefined }> = [];
    let abandoned = 0;
    const options: SlicedMessageReaderOptions = {
      ...TINY,
      onLargeMessage({ message, bytes, longStringAt }: LargeMessage) {
        const textDocument = (message as { params: { textDocument?: object } }).params.textDocument;
        const at = textDocument && longStringAt(textDocument, 'text');
        seen.push({ method: (message as { method: unknown }).method, text: at && JSON.parse(Buffer.from(bytes).toString('utf8', at.start - 1, at.end + 1)) });
        return () => abandoned++;
      },
    };
    const bytes = Buffer.concat([didOpen('file:///a.connection.json', TRICKY), frame(`{"jsonrpc":"2.0","method":"x","params":{"text":"${'y'.repeat(300)}\\q"}}`)]);
    const events = await ours(bytes, [bytes.length], 2, options);
    assert.deepEqual(seen, [
      { method: 'textDocument/didOpen', text: TRICKY },
      { method: 'x', text: undefined },
    ]);
    assert.equal(abandoned, 1); // the malformed one, parsed whole after all
    assert.ok('error' in events[1]);
  });
});

describe('a long string another thread unescaped while the body arrived', () => {
  const textOf = (event: Event) => (event as { message: { params: { textDocument: { text: string } } } }).message.params.textDocument;

  /**
   * A read-ahead that says 'pending' `waits` times, then gives `bytes` (or undefined), and counts
   * what is asked of it; `settled`, if given, is what it says of when it will know.
   */
  function readAhead(bytes: Uint8Array | undefined, waits: number, settled?: Promise<void>) {
    const calls = { decoding: 0, stringAt: 0, dispose: 0 };
    const ahead: BodyReadAhead = {
      decoding: () => void calls.decoding++,
      stringAt: () => {
        assert.equal(calls.decoding, 1, 'asked for after saying it decodes');
        return ++calls.stringAt <= waits ? 'pending' : bytes;
      },
      whenSettled: () => settled,
      dispose: () => void calls.dispose++,
    };
    return { calls, options: { ...TINY, onLargeBody: () => ahead } satisfies SlicedMessageReaderOptions };
  }

  it('is made from those bytes as soon as they are there, instead of being decoded', async () => {
    // Bytes of another text, to see which way the text was made.
    const other = TRICKY.toUpperCase();
    for (const waits of [0, 3]) {
      const { calls, options } = readAhead(Buffer.from(other, 'utf8'), waits);
      const [opened] = await ours(didOpen('file:///a.connection.json', TRICKY), [64], 1, options);
      const textDocument = textOf(opened);
      assert.equal(textDocument.text, other);
      assert.equal(takeReceivedText(textDocument).pieces?.join(''), other);
      assert.equal(calls.stringAt, waits + 1);
      assert.equal(calls.dispose, 1);
    }
  });

  it('is waited for, not decoded meanwhile, when the other thread says it soon knows', async () => {
    let known!: () => void;
    const { calls, options } = readAhead(Buffer.from('from the other thread', 'utf8'), 1, new Promise<void>((resolve) => (known = resolve)));
    const opening = ours(didOpen('file:///a.connection.json', TRICKY), [64], 1, options);
    while (calls.stringAt === 0) await new Promise((resolve) => setImmediate(resolve));
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(calls.stringAt, 1); // decoding a slice at a time would have asked again after each
    known();
    const [opened] = await opening;
    assert.equal(textOf(opened).text, 'from the other thread');
    assert.equal(calls.stringAt, 2);
  });

  it('is decoded here when the bytes will not come, or the body is not valid UTF-8', async () => {
    const { calls, options } = readAhead(undefined, 2);
    const [opened] = await ours(didOpen('file:///a.connection.json', TRICKY), [64], 1, options);
    assert.equal(textOf(opened).text, TRICKY);
    assert.equal(calls.stringAt, 3); // not asked again once it said no
    assert.equal(calls.dispose, 1);

    // A byte that is not UTF-8 in the text: both ways would not give the same text.
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///b.connection.json', languageId: 'json', version: 1, text: `${TRICKY}#` } } }), 'utf8');
    body[body.lastIndexOf('#')] = 0xff;
    const invalid = readAhead(Buffer.from('not this', 'utf8'), 0);
    const [expected] = await theirs(frame(body), 1);
    const [got] = await ours(frame(body), [64], 1, invalid.options);
    assert.equal(textOf(got).text, textOf(expected).text);
    assert.ok(textOf(got).text.endsWith('\ufffd'));
    assert.equal(invalid.calls.stringAt, 1, 'not asked again after each slice');
    assert.equal(invalid.calls.dispose, 1);
  });

  it('is read from UTF-8 a megabyte at a time without cutting a character', async () => {
    // Characters of 1 to 4 bytes, so that some cut falls inside one.
    const text = 'aé€😀'.repeat(300_000);
    const pieces = await textOfUtf8(Buffer.from(text, 'utf8'), { sliceBytes: 0, yieldNow: async () => undefined });
    assert.ok(pieces.length > 2);
    assert.equal(pieces.join(''), text);
    const ascii = 'x'.repeat(3 << 20);
    assert.equal((await textOfUtf8(Buffer.from(ascii, 'latin1'), { sliceBytes: 0, yieldNow: async () => undefined })).join(''), ascii);
  });
});

describe('the order messages are handled in', () => {
  const uri = (name: string) => `file:///${name}.connection.json`;
  const big = 'x'.repeat(400);

  it('lets a message about another document go before a large didOpen, and keeps everything else in order', async () => {
    const response = message({ jsonrpc: '2.0', id: 'server-1', result: [null] });
    const bytes = Buffer.concat([didOpen(uri('a'), big), request(1, 'textDocument/completion', uri('b')), request(2, 'textDocument/hover', uri('a')), request(3, 'workspace/executeCommand'), request(4, 'textDocument/completion', uri('c')), cancel(2), cancel(1), response]);
    const events = await ours(bytes, [bytes.length], 8);
    const names = events.map((e) => {
      const m = (e as { message: { id?: number | string; method?: string; params: { id?: number } } }).message;
      return m.method === '$/cancelRequest' ? `cancel ${m.params.id}` : m.method === undefined ? 'response' : m.id !== undefined ? `${m.id}` : 'open a';
    });
    // The response, b's completion and the cancel of a request already handed on go first; a's
    // hover waits for a's open, and nothing else goes before a message not about one document.
    assert.deepEqual(names, ['response', '1', 'cancel 1', 'open a', '2', '3', '4', 'cancel 2']);
  });

  it('keeps a large message in its place while what it is about is itself still being decoded', async () => {
    const longUri = `file:///${'d'.repeat(60)}.connection.json`;
    const bytes = Buffer.concat([didOpen(longUri, big), request(1, 'textDocument/completion', uri('b'))]);
    const events = await ours(bytes, [bytes.length], 2);
    assert.equal((events[0] as { message: { method: string } }).message.method, 'textDocument/didOpen');
  });

  it('keeps the rule however the bytes arrive', async () => {
    const sent = [didOpen(uri('a'), big), request(1, 'textDocument/completion', uri('b')), didOpen(uri('b2'), big), request(2, 'textDocument/hover', uri('a')), request(3, 'shutdown'), request(4, 'textDocument/hover', uri('b2')), request(5, 'textDocument/hover', uri('c'))];
    const keys = sent.map((bytes) => orderKeyOf(JSON.parse(bytes.toString('utf8', bytes.indexOf('\r\n\r\n') + 4))));
    const bytes = Buffer.concat(sent);
    for (const sizes of [[bytes.length], [1], seededSizes(3, 200, 300)]) {
      const events = await ours(bytes, sizes, sent.length);
      const order = events.map((e) => {
        const m = (e as { message: { id?: number; params: { textDocument: { uri: string } } } }).message;
        return m.id !== undefined ? m.id : m.params.textDocument.uri === uri('a') ? 0 : 2.5;
      });
      const arrival = [0, 1, 2.5, 2, 3, 4, 5];
      // Every message handled before one that arrived earlier was allowed to overtake it.
      for (let i = 0; i < order.length; i++) {
        for (let j = i + 1; j < order.length; j++) {
          const [late, early] = [arrival.indexOf(order[i]), arrival.indexOf(order[j])];
          if (late > early) assert.ok(mayOvertake(keys[late], [keys[early]]), `message ${late} went before message ${early} (${order.join(', ')})`);
        }
      }
    }
  });

  it('lets only messages about one other document overtake', () => {
    const a = { document: 'file:///a' };
    const b = { document: 'file:///b' };
    assert.equal(mayOvertake(b, [a]), true);
    assert.equal(mayOvertake(a, [a]), false);
    assert.equal(mayOvertake(b, [a, {}]), false); // a message about no document is ahead
    assert.equal(mayOvertake({}, [a]), false); // about no document itself
    assert.equal(mayOvertake({ cancels: 3 }, [a, {}]), true);
    assert.equal(mayOvertake({ cancels: 3 }, [{ document: 'file:///a', requestId: 3 }]), false);
    assert.equal(mayOvertake(orderKeyOf({ jsonrpc: '2.0', id: 1, result: [{ serverUrl: 'x' }] }), [a, {}]), true); // a response to the server
    assert.equal(mayOvertake(orderKeyOf({ jsonrpc: '2.0', id: 1, error: { code: 1, message: 'no' } }), [{}]), true);
    assert.deepEqual(orderKeyOf({ jsonrpc: '2.0', method: 'exit' }), { document: undefined, requestId: undefined });
    assert.deepEqual(orderKeyOf({ jsonrpc: '2.0', method: 'airbyte/validateText', id: 9, params: { uri: 'file:///a', text: '' } }), { document: undefined, requestId: 9 });
  });
});
