// The built validation worker given a large didOpen's text as raw bytes before the server has
// decoded it (server/src/node/workerMessages.ts): it finds the same problems as for the text
// itself, also for validateText (Create Connection's check); a preload released or held by a worker that was since replaced is never referred to,
// and the replacement is given the server's own copy of the text.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createInProcessValidator } from '../../server/src/inProcessValidator';
import { createWorkerValidator } from '../../server/src/node/workerValidator';
import type { BodyReadAhead, DocumentValidator } from '../../server/src/validator';
import { discoveredCatalog } from '../bench/discoveredCatalog';

const WORKER = path.resolve(__dirname, '../../dist/validationWorker.js');
const URI = 'file:///work/preloaded.connection.json';

/** `text` as the bytes of a didOpen body, and where its string literal's content is. */
function didOpenBytes(text: string, written = (literal: string) => literal): { bytes: SharedArrayBuffer; start: number; end: number } {
  const head = Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"${URI}","languageId":"json","version":1,"text":"`);
  const literal = Buffer.from(written(JSON.stringify(text).slice(1, -1)));
  const body = Buffer.concat([head, literal, Buffer.from('"}}}')]);
  const bytes = new SharedArrayBuffer(body.length);
  new Uint8Array(bytes).set(body);
  return { bytes, start: head.length, end: head.length + literal.length };
}

/** The reader's side: `bytes` arrive in parts, announced to `validator` and published as the reader does. */
async function arriveInParts(validator: DocumentValidator, bytes: SharedArrayBuffer): Promise<{ arrived: SharedArrayBuffer; readAhead: BodyReadAhead }> {
  const arriving = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  const filled = new Int32Array(new SharedArrayBuffer(4));
  const readAhead = validator.prepare!(arriving.buffer as SharedArrayBuffer, filled);
  assert.ok(readAhead);
  const source = new Uint8Array(bytes);
  for (let at = 0; at < source.length; at += 100_000) {
    const to = Math.min(source.length, at + 100_000);
    arriving.set(source.subarray(at, to), at);
    Atomics.store(filled, 0, to);
    Atomics.notify(filled, 0);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { arrived: arriving.buffer as SharedArrayBuffer, readAhead };
}

/** What `readAhead` says of a string once it no longer says 'pending'. */
async function readAheadOf(readAhead: BodyReadAhead, start: number, end: number): Promise<Uint8Array | undefined> {
  for (;;) {
    const answer = readAhead.stringAt(start, end);
    if (answer !== 'pending') return answer;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A catalog with a few problems in its streams, and characters outside ASCII. */
function catalogWithProblems(): string {
  let text = discoveredCatalog(150);
  for (const at of [0.3, 0.6]) {
    const selected = text.indexOf('"selected": true', Math.floor(text.length * at));
    text = `${text.slice(0, selected)}"selected": "yes"${text.slice(selected + '"selected": true'.length)}`;
  }
  // Outside ASCII in the header and in the streams' schemas (every 7th description).
  let k = 0;
  return text.replace('"name": "', '"name": "Café ☕ 😀 ').replace(/"description": "/g, (match) => (k++ % 7 === 0 ? `${match}Größe → ` : match));
}

/** The built worker's validator, with no documents open and a watchdog that never fires in a test. */
function builtWorkerValidator() {
  return createWorkerValidator({ workerPath: WORKER, openDocuments: () => [], watchdogMs: 120_000, log: () => undefined });
}

async function expectedDiagnostics(text: string) {
  const reference = createInProcessValidator();
  reference.open(URI, 1, 1, text);
  return (await reference.diagnose(URI)).diagnostics;
}

describe('a text handed to the validation worker as bytes', () => {
  // The worker never keeps a process alive on its own (the server's input does): the test does.
  let keepAlive: NodeJS.Timeout;
  before(() => (keepAlive = setInterval(() => undefined, 60_000)));
  after(() => clearInterval(keepAlive));

  it('is validated exactly as the same text sent as a string', async () => {
    const text = catalogWithProblems();
    const validator = builtWorkerValidator();
    try {
      const { bytes, start, end } = didOpenBytes(text);
      const preloaded = validator.preload!(URI, 1, bytes, start, end);
      validator.open(URI, 1, 1, text, undefined, preloaded);
      const result = await validator.diagnose(URI);
      const expected = await expectedDiagnostics(text);
      assert.ok(expected.length >= 2);
      assert.deepEqual(result.diagnostics, expected);
      assert.equal(result.version, 1);

      // The worker keeps that document between versions as for any other open.
      validator.change(URI, 2, [{ text: '{ "status": "activ" }' }]);
      const changed = await validator.diagnose(URI);
      assert.equal(changed.version, 2);
      assert.deepEqual(changed.diagnostics, await expectedDiagnostics('{ "status": "activ" }'));
    } finally {
      validator.dispose();
    }
  });

  it('is validated exactly as the same text when its strings were read while the body arrived', { timeout: 60_000 }, async () => {
    // Escapes of every kind JSON.parse reads, written as some clients write them.
    const text = `${catalogWithProblems()}\n`;
    const validator = builtWorkerValidator();
    try {
      const { bytes, start, end } = didOpenBytes(text, (literal) => literal.replace(/\//g, '\\/').replace(/é/g, '\\u00e9').replace(/😀/g, '\\ud83d\\ude00'));
      const { arrived, readAhead } = await arriveInParts(validator, bytes);
      const preloaded = validator.preload!(URI, 1, arrived, start, end);
      readAhead.decoding();
      validator.open(URI, 1, 1, text, undefined, preloaded);
      assert.deepEqual((await validator.diagnose(URI)).diagnostics, await expectedDiagnostics(text));
      // The server's thread may make its own copy of the text from the same bytes.
      assert.equal(Buffer.from((await readAheadOf(readAhead, start, end))!).toString('utf8'), text);
      readAhead.dispose();
      assert.equal(readAhead.stringAt(start, end), undefined);
    } finally {
      validator.dispose();
    }
  });

  it('gives the server’s thread the text of a body nobody preloads, once it is read', { timeout: 60_000 }, async () => {
    const text = catalogWithProblems();
    const validator = builtWorkerValidator();
    try {
      const { bytes, start, end } = didOpenBytes(text, (literal) => literal.replace(/é/g, '\\u00e9'));
      const { readAhead } = await arriveInParts(validator, bytes);
      readAhead.decoding();
      assert.equal(Buffer.from((await readAheadOf(readAhead, start, end))!).toString('utf8'), text);
      assert.equal(await readAheadOf(readAhead, start + 1, end), undefined); // no such string
    } finally {
      validator.dispose();
    }
  });

  it('is checked by validateText exactly as the same text sent as a string, with or without the server’s data', async () => {
    const text = catalogWithProblems();
    const validator = builtWorkerValidator();
    const reference = createInProcessValidator();
    try {
      const sourceId = /"sourceId": "([^"]+)"/.exec(text)?.[1] ?? '';
      for (const sourceWorkspaces of [undefined, { [sourceId]: 'another-workspace' }]) {
        const { bytes, start, end } = didOpenBytes(text);
        const preloaded = validator.preload!(URI, 0, bytes, start, end);
        const checked = await validator.validateText(URI, 'not read: the text was handed over', sourceWorkspaces, preloaded);
        const expected = await reference.validateText(URI, text, sourceWorkspaces);
        assert.ok(expected.length >= 2);
        assert.deepEqual(checked, expected);
      }
    } finally {
      validator.dispose();
    }
  });

  it('is sent as text when the preload was released', async () => {
    const text = catalogWithProblems();
    const validator = builtWorkerValidator();
    try {
      const { bytes, start, end } = didOpenBytes(text);
      const preloaded = validator.preload!(URI, 1, bytes, start, end);
      validator.release!(preloaded);
      validator.open(URI, 1, 1, text, undefined, preloaded);
      assert.deepEqual((await validator.diagnose(URI)).diagnostics, await expectedDiagnostics(text));
    } finally {
      validator.dispose();
    }
  });

  it('is given to a replacement worker from the server’s copy when the worker that held it stopped', async () => {
    const text = catalogWithProblems();
    const crashing = 'file:///work/crash-worker.connection.json';
    const other = 'file:///work/other.connection.json';
    // The documents as the server holds them: a document is there before the validator hears of it.
    const open = new Map<string, string>([[other, '{ "status": "activ" }']]);
    const validator = createWorkerValidator({
      workerPath: path.resolve(__dirname, 'crashOnPreloadWorker.js'),
      openDocuments: () => [...open].map(([uri, t]) => ({ uri, version: 1, session: 1, text: t })),
      watchdogMs: 120_000,
      log: () => undefined,
    });
    try {
      validator.open(other, 1, 1, open.get(other)!);
      const { bytes, start, end } = didOpenBytes(text);
      const preloaded = validator.preload!(crashing, 1, bytes, start, end);
      await assert.rejects(validator.diagnose(other), /the validation worker stopped/);
      // A replacement starts (given the documents open so far), then the preloaded document opens.
      assert.ok((await validator.diagnose(other)).diagnostics.some((d) => d.code === 'invalid-value'));
      open.set(crashing, text);
      validator.open(crashing, 1, 2, text, undefined, preloaded);
      const result = await validator.diagnose(crashing);
      assert.deepEqual(result.diagnostics, await expectedDiagnostics(text));
      assert.equal(result.session, 2);
    } finally {
      validator.dispose();
    }
  });
});
