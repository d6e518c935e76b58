// Large messages over the server's transports: a didOpen of several MB (decoded a slice at a
// time, its text handed to the validation worker as bytes) gives the same problems as the same
// text validated directly, and so does a large validateText request (Create Connection's check); a request about that file sent right behind its didOpen is answered
// about the new text; a file reopened with another large text shows the new text's problems; a
// large file the server does not serve changes nothing; the socket and pipe transports use the
// same reader, and node-ipc (no custom reader) works as before.
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, SocketMessageReader, SocketMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { capDiagnostics } from '../../server/src/diagnosticCap';
import { createInProcessValidator } from '../../server/src/inProcessValidator';
import { discoveredCatalog } from '../bench/discoveredCatalog';
import { LspTestClient, SERVER_BIN } from './lspTestClient';

/** A catalog of `streams` streams (about 5.5 KB each) with a problem in two streams and text outside ASCII. */
function catalog(streams: number, seed = 42): string {
  let text = discoveredCatalog(streams, seed).replace('"name": "', '"name": "Café ☕ 😀 \\"quoted\\" ');
  for (const at of [0.25, 0.75]) {
    const selected = text.indexOf('"selected": true', Math.floor(text.length * at));
    text = `${text.slice(0, selected)}"selected": "yes"${text.slice(selected + '"selected": true'.length)}`;
  }
  return text;
}

async function reference(uri: string, text: string): Promise<Diagnostic[]> {
  const validator = createInProcessValidator();
  validator.open(uri, 1, 1, text);
  return capDiagnostics((await validator.diagnose(uri)).diagnostics);
}

function positionOf(text: string, needle: string, from = 0) {
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0);
  return TextDocument.create('file:///x', 'json', 0, text).positionAt(at + 1);
}

describe('large messages over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('validates a large didOpen as the same text validated directly, and answers about it right behind the open', async () => {
    const uri = 'file:///work/large-open.connection.json';
    const text = catalog(400);
    assert.ok(Buffer.byteLength(text) > 2_000_000);
    const key = positionOf(text, '"syncMode"', text.length / 2);
    // Not awaited one by one: the hover is on the wire right behind the didOpen.
    const opened = client.open(uri, text);
    const hover = client.hover(uri, key.line, key.character);
    await opened;
    assert.match(((await hover)?.contents as MarkupContent).value, /full_refresh/);
    const shown = await client.diagnostics(uri, (ds) => ds.length > 0, 120_000);
    assert.deepEqual(shown, await reference(uri, text));
  });

  it('shows the new text of a file reopened with another large text at the same version', async () => {
    const uri = 'file:///work/large-reopen.connection.json';
    const first = catalog(250, 1);
    const second = catalog(300, 2).replace('"status": "active"', '"status": "activ"');
    const published: PublishDiagnosticsParams[] = [];
    client.onPublish = (p) => p.uri === uri && published.push(p);
    const open1 = client.open(uri, first);
    const close = client.close(uri);
    const open2 = client.open(uri, second);
    await Promise.all([open1, close, open2]);
    const expected = await reference(uri, second);
    assert.ok(expected.some((d) => d.code === 'invalid-value' && /activ/.test(d.message)));
    const shown = await client.diagnostics(uri, (ds) => ds.length === expected.length && ds.some((d) => /activ\b/.test(d.message)), 120_000);
    assert.deepEqual(shown, expected);
    // Once a request behind both opens is answered, every run for the first text is over too.
    await client.request('airbyte/validateText', { uri: 'file:///work/other.connection.json', text: '{}' });
    client.onPublish = undefined;
    const last = published[published.length - 1];
    assert.deepEqual(last.diagnostics, expected);
  });

  it('checks a large text for Create Connection (validateText) as the same text validated directly', async () => {
    const uri = 'file:///work/large-check.connection.json';
    const text = catalog(300, 4);
    assert.ok(Buffer.byteLength(text) > 1_500_000);
    const validator = createInProcessValidator();
    const expected = await validator.validateText(uri, text);
    assert.ok(expected.length >= 2); // the two streams whose `selected` is a string
    const result = await client.request<{ diagnostics: Diagnostic[] }>('airbyte/validateText', { uri, text });
    assert.deepEqual(result.diagnostics, expected);
  });

  it('ignores a large file it does not serve, and serves the next one', async () => {
    const plain = 'file:///work/large.json';
    await client.open(plain, catalog(250));
    const uri = 'file:///work/after-plain.connection.json';
    const text = catalog(250, 3);
    await client.open(uri, text);
    assert.deepEqual(await client.diagnostics(uri, (ds) => ds.length > 0, 120_000), await reference(uri, text));
    await client.close(plain);
  });
});

/** Opens a large file over `connection` (a server just started) and checks its problems. */
async function opensLargeFile(connection: MessageConnection): Promise<void> {
  const published = new Map<string, Diagnostic[]>();
  let wake: () => void = () => undefined;
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.set(p.uri, p.diagnostics);
    wake();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const uri = 'file:///work/other-transport.connection.json';
    const text = catalog(250);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    while (!published.get(uri)?.length) await new Promise<void>((resolve) => (wake = resolve));
    assert.deepEqual(published.get(uri), await reference(uri, text));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
  } finally {
    connection.dispose();
  }
}

describe('large messages over the other transports', () => {
  it('node-ipc: read by vscode-jsonrpc as before, and validated', async () => {
    const child = fork(SERVER_BIN, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    try {
      await opensLargeFile(createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });

  for (const kind of ['socket', 'pipe'] as const) {
    it(`${kind}: read by the sliced reader, and validated`, async () => {
      // The client listens; the server connects to it (as vscode-languageclient does).
      const address = kind === 'socket' ? 0 : path.join(os.tmpdir(), `airbyte-ls-test-${process.pid}.sock`);
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(address, resolve));
      const where = kind === 'socket' ? `--socket=${(server.address() as net.AddressInfo).port}` : `--pipe=${address as string}`;
      const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
      const child = spawn(process.execPath, [SERVER_BIN, where], { stdio: 'ignore' });
      try {
        const socket = await accepted;
        await opensLargeFile(createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket)));
      } finally {
        if (child.exitCode === null) child.kill();
        server.close();
      }
    });
  }
});
