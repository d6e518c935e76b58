// "Airbyte: Create Connection" end to end, in a real extension host, against the project's
// local Airbyte server started by this suite on a free port. Results are asserted through the
// command's return value and the server's store; modal questions are answered through the
// command's documented options argument.
import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CreateConnectionOptions, CreateConnectionResult } from '../../client/src/commands';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { startForwardingFront } from './forwardingFront';
import { waitForDiagnostics } from './helpers';

const WORKSPACE_ID = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';
const SOURCE_ID = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION_ID = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';
const UNKNOWN_SOURCE_ID = '0d0d0d0d-1e1e-4f2f-8a3a-4b4b4b4b4b4b';
const CREDENTIALS = { username: 'airbyte', password: 'password' };
const SERVER_SOURCE = 'Airbyte server';

function connection(name: string, overrides: Record<string, unknown> = {}): string {
  const body = { name, sourceId: SOURCE_ID, destinationId: DESTINATION_ID, status: 'active', scheduleType: 'manual', ...overrides };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function createConnection(uri: vscode.Uri, options?: CreateConnectionOptions): Thenable<CreateConnectionResult> {
  return vscode.commands.executeCommand<CreateConnectionResult>('airbyte.createConnection', uri, options);
}

const airbyteSettings = () => vscode.workspace.getConfiguration('airbyte');
const setServerUrl = (url: string | undefined) => airbyteSettings().update('serverUrl', url, vscode.ConfigurationTarget.Global);
const connectionCount = (airbyte: LocalAirbyte) => airbyte.store.listConnections(WORKSPACE_ID).length;

/**
 * An HTTP front that forwards to a target and counts the create requests that reach it;
 * `onRequest` runs as each one arrives (before it is forwarded), which lets a test act while a
 * request is in flight. Other requests (the extension's completion lists) pass uncounted. Its
 * URL stays the same when the target changes, so it stands for one "server" throughout.
 */
async function startFront(target: string, onRequest: () => void = () => undefined) {
  let arrive = onRequest;
  let requestCount = 0;
  const counting = (path: string): 'forward' => {
    if (path.endsWith('/v1/web_backend/connections/create')) {
      requestCount++;
      arrive();
    }
    return 'forward';
  };
  const front = await startForwardingFront(target, counting);
  return {
    url: front.url,
    requestCount: () => requestCount,
    retarget: (next: string, nextOnRequest: () => void = () => undefined) => {
      front.retarget(next);
      arrive = nextOnRequest;
    },
    close: front.close,
  };
}

/** Points `airbyte.serverUrl` at a counting front of `airbyte` while `body` runs, then back. */
async function throughCountingFront(airbyte: LocalAirbyte, body: (front: Awaited<ReturnType<typeof startFront>>) => Promise<void>): Promise<void> {
  const front = await startFront(airbyte.url);
  await setServerUrl(front.url);
  try {
    await body(front);
  } finally {
    await setServerUrl(airbyte.url);
    await front.close();
  }
}

suite('Create Connection', () => {
  let airbyte: LocalAirbyte;
  let folder: string;

  async function writeConnectionFile(name: string, text: string): Promise<vscode.Uri> {
    const file = path.join(folder, name);
    await fs.writeFile(file, text, 'utf8');
    return vscode.Uri.file(file);
  }

  async function openConnectionFile(name: string, text: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(await writeConnectionFile(name, text));
    return vscode.window.showTextDocument(document);
  }

  suiteSetup(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'airbyte-create-connection-'));
    airbyte = await createLocalAirbyte({
      port: 0,
      host: '127.0.0.1',
      dataFile: path.join(folder, 'local-airbyte-data.json'),
      auth: CREDENTIALS,
      warn: () => undefined,
    });
    await setServerUrl(airbyte.url);
    await airbyteSettings().update('authentication', 'basic', vscode.ConfigurationTarget.Global);
    await airbyteSettings().update('username', 'airbyte', vscode.ConfigurationTarget.Global);
    // No stored password: the command falls back to Airbyte's default local one.
    await vscode.commands.executeCommand('airbyte.clearCredentials', { serverUrl: airbyte.url });
  });

  suiteTeardown(async () => {
    for (const key of ['serverUrl', 'authentication', 'username']) {
      await airbyteSettings().update(key, undefined, vscode.ConfigurationTarget.Global);
    }
    // Revert what tests left unsaved, so closing the editors asks nothing.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await airbyte?.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('creates the connection on the server and returns its id', async () => {
    const editor = await openConnectionFile('success.connection.json', connection('Suite: success'));
    const before = connectionCount(airbyte);

    const result = await createConnection(editor.document.uri);

    assert.ok(result?.ok, `expected success, got ${JSON.stringify(result)}`);
    assert.strictEqual(result.name, 'Suite: success');
    assert.strictEqual(airbyte.store.getConnection(result.connectionId).sourceId, SOURCE_ID);
    assert.strictEqual(connectionCount(airbyte), before + 1);
  });

  test('a second submit of the same file asks first, and declining creates nothing', async () => {
    const editor = await openConnectionFile('duplicate.connection.json', connection('Suite: duplicate'));
    const first = await createConnection(editor.document.uri);
    assert.ok(first?.ok, JSON.stringify(first));
    const afterFirst = connectionCount(airbyte);

    const declined = await createConnection(editor.document.uri, { confirmDuplicate: false });
    assert.strictEqual(declined, undefined);
    assert.strictEqual(connectionCount(airbyte), afterFirst);

    const confirmed = await createConnection(editor.document.uri, { confirmDuplicate: true });
    assert.ok(confirmed?.ok, JSON.stringify(confirmed));
    assert.notStrictEqual(confirmed.connectionId, first.connectionId);
    assert.strictEqual(connectionCount(airbyte), afterFirst + 1);
  });

  test('an unknown sourceId is marked at the sourceId value (404)', async () => {
    const editor = await openConnectionFile('unknown-source.connection.json', connection('Suite: 404', { sourceId: UNKNOWN_SOURCE_ID }));
    const uri = editor.document.uri;
    const before = connectionCount(airbyte);

    const result = await createConnection(uri);

    assert.ok(result && !result.ok && result.kind === 'notFound', JSON.stringify(result));
    const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => d.source === SERVER_SOURCE));
    const marked = diagnostics.find((d) => d.source === SERVER_SOURCE)!;
    const text = editor.document.getText();
    const valueOffset = text.indexOf(`"${UNKNOWN_SOURCE_ID}"`);
    assert.deepStrictEqual(marked.range.start, editor.document.positionAt(valueOffset));
    assert.deepStrictEqual(marked.range.end, editor.document.positionAt(valueOffset + UNKNOWN_SOURCE_ID.length + 2));
    assert.strictEqual(marked.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(connectionCount(airbyte), before);

    // Any edit makes the server's answer stale: the mark goes away.
    const cleared = waitForDiagnostics(uri, (all) => !all.some((d) => d.source === SERVER_SOURCE));
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 1), ' '));
    await cleared;
  });

  test('a file that is not open is checked from disk: a bad cron is refused before any request', async () => {
    await throughCountingFront(airbyte, async (front) => {
      const uri = await writeConnectionFile(
        'closed-bad-cron.connection.json',
        connection('Suite: bad cron', { scheduleType: 'cron', scheduleData: { cron: { cronExpression: 'every day', cronTimeZone: 'UTC' } } }),
      );

      const result = await createConnection(uri);

      assert.ok(result && !result.ok && result.kind === 'invalidDocument', JSON.stringify(result));
      assert.match(result.message, /cron expression/);
      assert.strictEqual(front.requestCount(), 0);
    });
  });

  test("Airbyte's 422 validation errors are marked at their propertyPath", async () => {
    // A server whose rules differ from ours (here: it refuses a time zone we accept).
    const rejecting = http.createServer((req, res) => {
      req.resume();
      res.writeHead(422, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        message: 'Some properties contained invalid input.',
        exceptionClassName: 'io.airbyte.api.server.errors.InvalidInputException',
        validationErrors: [{ propertyPath: 'webBackendCreateConnection.arg0.scheduleData.cron.cronTimeZone', invalidValue: 'America/Nuuk', message: 'invalid cron timezone' }],
      }));
    });
    await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', resolve));
    await setServerUrl(`http://127.0.0.1:${(rejecting.address() as { port: number }).port}/api`);
    try {
      const uri = await writeConnectionFile(
        'zone-422.connection.json',
        connection('Suite: 422', { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'America/Nuuk' } } }),
      );

      const result = await createConnection(uri);

      assert.ok(result && !result.ok && result.kind === 'validation', JSON.stringify(result));
      const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => d.source === SERVER_SOURCE));
      const text = await fs.readFile(uri.fsPath, 'utf8');
      const line = text.split('\n').findIndex((l) => l.includes('"cronTimeZone"'));
      const marked = diagnostics.find((d) => d.source === SERVER_SOURCE)!;
      assert.strictEqual(marked.range.start.line, line);
      assert.match(marked.message, /invalid cron timezone/);
    } finally {
      await setServerUrl(airbyte.url);
      await new Promise<void>((resolve) => rejecting.close(() => resolve()));
    }
  });

  test("Micronaut's 400 conversion message is shown and marked at the property it names", async () => {
    // v0.44.3 answers what it cannot bind with Micronaut's body; here a server that does not know `eu`.
    const conversion =
      'Failed to convert argument [webBackendConnectionCreate] for value [null] due to: Cannot construct instance of `io.airbyte.api.model.generated.Geography`, problem: Unexpected value \'eu\'\n' +
      ' at [Source: (byte[])"{…}"; line: 1, column: 180] (through reference chain: io.airbyte.api.model.generated.WebBackendConnectionCreate["geography"])';
    const refusing = http.createServer((req, res) => {
      req.resume();
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({
        message: 'Bad Request',
        _links: { self: { href: '/api/v1/web_backend/connections/create', templated: false } },
        _embedded: { errors: [{ message: conversion, path: '/webBackendConnectionCreate' }] },
      }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    await setServerUrl(`http://127.0.0.1:${(refusing.address() as { port: number }).port}/api`);
    try {
      const uri = await writeConnectionFile('geography-400.connection.json', connection('Suite: 400', { geography: 'eu' }));

      const result = await createConnection(uri);

      assert.ok(result && !result.ok && result.kind === 'validation', JSON.stringify(result));
      assert.match(result.message, /Unexpected value 'eu'/);
      assert.doesNotMatch(result.message, /Failed to convert argument/);
      const diagnostics = await waitForDiagnostics(uri, (all) => all.some((d) => d.source === SERVER_SOURCE));
      const text = await fs.readFile(uri.fsPath, 'utf8');
      const marked = diagnostics.find((d) => d.source === SERVER_SOURCE)!;
      assert.strictEqual(marked.range.start.line, text.split('\n').findIndex((l) => l.includes('"geography"')));
      assert.match(marked.message, /geography: .*Unexpected value 'eu'/);
    } finally {
      await setServerUrl(airbyte.url);
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });

  test('a file with a JSON syntax error is refused before any request', async () => {
    await throughCountingFront(airbyte, async (front) => {
      const editor = await openConnectionFile('syntax-error.connection.json', connection('Suite: syntax').replace('"status"', '"status" "x",'));

      const result = await createConnection(editor.document.uri);

      assert.ok(result && !result.ok && result.kind === 'invalidDocument', JSON.stringify(result));
      assert.match(result.message, /must be fixed first/);
      assert.strictEqual(front.requestCount(), 0);
    });
  });

  test('unsaved changes are sent only when asked to, and the file stays unsaved', async () => {
    const editor = await openConnectionFile('dirty.connection.json', connection('Suite: saved name'));
    const nameStart = editor.document.getText().indexOf('Suite: saved name');
    await editor.edit((edit) =>
      edit.replace(
        new vscode.Range(editor.document.positionAt(nameStart), editor.document.positionAt(nameStart + 'Suite: saved name'.length)),
        'Suite: unsaved name',
      ),
    );
    assert.ok(editor.document.isDirty);

    const result = await createConnection(editor.document.uri, { dirty: 'unsaved' });

    assert.ok(result?.ok, JSON.stringify(result));
    assert.strictEqual(airbyte.store.getConnection(result.connectionId).name, 'Suite: unsaved name');
    assert.ok(editor.document.isDirty, 'the command must not save behind the user');
  });

  test('a wrong stored password is reported as unauthorized', async () => {
    await vscode.commands.executeCommand('airbyte.setCredentials', { password: 'not-the-password', serverUrl: airbyte.url });
    try {
      const editor = await openConnectionFile('unauthorized.connection.json', connection('Suite: 401'));
      const result = await createConnection(editor.document.uri);
      assert.ok(result && !result.ok && result.kind === 'unauthorized', JSON.stringify(result));
    } finally {
      await vscode.commands.executeCommand('airbyte.clearCredentials', { serverUrl: airbyte.url });
    }
  });

  test('cancelling while the server is slow returns cancelled, and the next submit asks (it may have arrived)', async () => {
    const slow = await createLocalAirbyte({ port: 0, host: '127.0.0.1', auth: CREDENTIALS, latencyMs: 30_000, warn: () => undefined });
    const cancellation = new vscode.CancellationTokenSource();
    const front = await startFront(slow.url, () => cancellation.cancel());
    await setServerUrl(front.url);
    try {
      const editor = await openConnectionFile('cancel.connection.json', connection('Suite: cancel'));
      const before = connectionCount(slow);
      const started = Date.now();

      const result = await createConnection(editor.document.uri, { cancellation: cancellation.token });

      assert.ok(result && !result.ok && result.kind === 'cancelled', JSON.stringify(result));
      assert.ok(Date.now() - started < 30_000, 'the request must be aborted, not waited out');
      assert.strictEqual(front.requestCount(), 1, 'the request was in flight when cancelled');
      // Closing ends the server's artificial wait without finishing the request.
      await slow.close();
      assert.strictEqual(connectionCount(slow), before);

      // A cancelled request may have reached Airbyte: the next submit asks before sending.
      front.retarget(airbyte.url);
      assert.strictEqual(await createConnection(editor.document.uri, { confirmDuplicate: false }), undefined);
      const again = await createConnection(editor.document.uri, { confirmDuplicate: true });
      assert.ok(again?.ok, JSON.stringify(again));
    } finally {
      cancellation.dispose();
      await setServerUrl(airbyte.url);
      await front.close();
      await slow.close();
    }
  });
});
