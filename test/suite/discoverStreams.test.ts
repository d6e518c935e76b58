// "Airbyte: Discover Streams" end to end in a real extension host, against a local Airbyte whose
// Shop API source changes its schema after the first discovery. Asserts on the editor's text
// (merge rules, one undoable edit, left unsaved), the command's summary, diagnostics for what
// the new schema lacks, field-path completion, and that failures change nothing.
import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DiscoverStreamsResult, NewConnectionFileResult } from '../../client/src/commands';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { SEED_IDS } from '../../local-airbyte/seed';
import { retry, waitForDiagnostics } from './helpers';
import { deadServerUrl, resetSettings, revertAndCloseAll, setSetting, startDiscoverFront } from './discoverSupport';

const UNKNOWN_SOURCE_ID = '0d0d0d0d-1e1e-4f2f-8a3a-4b4b4b4b4b4b';

function discoverStreams(uri: vscode.Uri, options?: { cancellation?: vscode.CancellationToken }): Thenable<DiscoverStreamsResult> {
  return vscode.commands.executeCommand<DiscoverStreamsResult>('airbyte.discoverStreams', uri, options);
}

suite('Discover Streams', () => {
  let airbyte: LocalAirbyte;
  let folder: string;

  /** A Shop API file as New Connection File writes it (the source's first discovery). */
  async function shopApiFile(): Promise<vscode.TextDocument> {
    const result = await vscode.commands.executeCommand<NewConnectionFileResult>('airbyte.newConnectionFile', vscode.Uri.file(folder), {
      workspaceId: SEED_IDS.sandboxWorkspace,
      sourceId: SEED_IDS.sources.shopApi,
      destinationId: SEED_IDS.destinations.sandboxJson,
      streams: 'all',
    });
    assert.ok(result?.ok, JSON.stringify(result));
    return vscode.workspace.openTextDocument(result.uri);
  }

  /** A file whose source is `sourceId`, opened in an editor. */
  async function fileWithSource(name: string, sourceId: string): Promise<vscode.TextDocument> {
    const file = path.join(folder, name);
    const body = { sourceId, destinationId: SEED_IDS.destinations.sandboxJson, status: 'active', scheduleType: 'manual', syncCatalog: { streams: [] } };
    await fs.writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    return document;
  }

  suiteSetup(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'airbyte-discover-streams-'));
    airbyte = await createLocalAirbyte({ warn: () => undefined });
    await setSetting('serverUrl', airbyte.url);
    await setSetting('authentication', 'basic');
    await vscode.commands.executeCommand('airbyte.clearCredentials', { serverUrl: airbyte.url });
  });
  setup(() => setSetting('serverUrl', airbyte.url));
  teardown(revertAndCloseAll);
  suiteTeardown(async () => {
    await resetSettings();
    await airbyte?.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('merges a changed schema as one undoable, unsaved edit that keeps the user’s choices', async () => {
    const document = await shopApiFile();
    const editor = await vscode.window.showTextDocument(document);
    // The user's own choices on products: incremental on updated_at, an alias.
    const chosen = JSON.parse(document.getText());
    Object.assign(chosen.syncCatalog.streams[0].config, { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['updated_at'], aliasName: 'shop_products' });
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, document.lineCount, 0), `${JSON.stringify(chosen, null, 2)}\n`));
    assert.ok(await document.save());
    const before = document.getText();

    const result = await discoverStreams(document.uri);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.changed, true);
    assert.deepEqual(result.summary.added, ['inventory']);
    assert.deepEqual(result.summary.changed, ['products']);
    assert.deepEqual(result.summary.removed, ['reviews']);
    assert.deepEqual(result.summary.missingPaths, [{ stream: 'products', field: 'cursorField', path: 'updated_at' }]);
    assert.match(result.message, /1 added \(inventory, unselected\), 1 changed \(products\), 1 removed \(reviews/);
    assert.ok(document.isDirty, 'left unsaved for review');

    const merged = JSON.parse(document.getText());
    const streams = merged.syncCatalog.streams;
    assert.deepEqual(streams.map((s: any) => s.stream.name), ['products', 'customers', 'reviews', 'inventory']);
    assert.deepEqual(streams[0].config, chosen.syncCatalog.streams[0].config, 'the whole config kept');
    assert.ok('modified_at' in streams[0].stream.jsonSchema.properties, 'the stream part replaced');
    assert.deepEqual(streams[2], chosen.syncCatalog.streams[2], 'the disappeared stream left in place');
    assert.equal(streams[3].config.selected, false);
    assert.equal(merged.sourceCatalogId, SEED_IDS.catalogs.shopApiChanged);

    // What the new schema lacks is marked in the file.
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'unknown-field' && /updated_at/.test(x.message)));

    // Field paths complete from the new schema, nested ones included.
    const cursorAt = document.positionAt(document.getText().indexOf('"updated_at"', document.getText().indexOf('"cursorField"')) + 1);
    const completion = await retry(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, cursorAt),
      (list) => (list?.items ?? []).some((i) => i.label === 'dimensions.depth'),
      { what: 'field-path completion' },
    );
    const modified = completion.items.find((i) => i.label === 'modified_at')!;
    assert.equal(modified.detail, 'string (date-time) | null');

    // Hover names a path's type and role, and says when the schema lacks it.
    const hoverText = async (at: vscode.Position) => {
      const hovers = await retry(
        () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at),
        (h) => (h ?? []).length > 0,
        { what: 'field-path hover' },
      );
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    assert.match(await hoverText(cursorAt), /`updated_at`\*\* is not a field of this stream's `jsonSchema`/);
    const keyAt = document.positionAt(document.getText().indexOf('"id"', document.getText().indexOf('"primaryKey"')) + 1);
    assert.match(await hoverText(keyAt), /`id`\*\*: integer \| null — the source's primary key/);

    // One edit: one undo restores the text before the merge.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });

  test('a second run right after a merge reports the file up to date', async () => {
    const document = await shopApiFile(); // the source now discovers its changed schema
    await vscode.window.showTextDocument(document);
    const first = await discoverStreams(document.uri);
    assert.ok(first.ok);
    const second = await discoverStreams(document.uri);
    assert.ok(second.ok, JSON.stringify(second));
    assert.equal(second.changed, false);
    assert.match(second.message, /up to date/);
  });

  for (const failure of [
    { name: 'an unknown source id (404)', sourceId: UNKNOWN_SOURCE_ID, kind: 'notFound', message: /has no source with id 0d0d0d0d-1e1e-4f2f-8a3a-4b4b4b4b4b4b/ },
    { name: 'a failed discover job', sourceId: SEED_IDS.sources.salesforce, kind: 'discoverFailed', message: /discover job failed.*expired access\/refresh token/ },
  ]) {
    test(`${failure.name}: a clear message and the file untouched`, async () => {
      const document = await fileWithSource(`${failure.kind}.connection.json`, failure.sourceId);
      const before = document.getText();
      const result = await discoverStreams(document.uri);
      assert.ok(result && !result.ok, JSON.stringify(result));
      assert.equal(result.kind, failure.kind);
      assert.match(result.message, failure.message);
      assert.equal(document.getText(), before);
      assert.equal(document.isDirty, false);
    });
  }

  test('server down and 401: clear messages, the file untouched', async () => {
    const document = await fileWithSource('down.connection.json', SEED_IDS.sources.shopApi);
    const before = document.getText();
    await setSetting('serverUrl', await deadServerUrl());
    const down = await discoverStreams(document.uri);
    assert.ok(down && !down.ok, JSON.stringify(down));
    assert.equal(down.kind, 'connectionRefused');
    const locked = await createLocalAirbyte({ auth: { username: 'airbyte', password: 'another' }, warn: () => undefined });
    try {
      await setSetting('serverUrl', locked.url);
      const refused = await discoverStreams(document.uri);
      assert.ok(refused && !refused.ok, JSON.stringify(refused));
      assert.equal(refused.kind, 'unauthorized');
    } finally {
      await locked.close();
    }
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
  });

  test('cancelling while the discovery runs changes nothing', async () => {
    const document = await fileWithSource('cancel.connection.json', SEED_IDS.sources.shopApi);
    const before = document.getText();
    const cancel = new vscode.CancellationTokenSource();
    const front = await startDiscoverFront(airbyte.url, { hold: true, onDiscover: () => cancel.cancel() });
    try {
      await setSetting('serverUrl', front.url);
      const result = await discoverStreams(document.uri, { cancellation: cancel.token });
      assert.ok(result && !result.ok, JSON.stringify(result));
      assert.equal(result.kind, 'cancelled');
      assert.equal(front.discoverCount(), 1);
      assert.equal(document.getText(), before);
    } finally {
      cancel.dispose();
      await front.close();
    }
  });

  test('a discovery that times out changes nothing', async () => {
    const document = await fileWithSource('timeout.connection.json', SEED_IDS.sources.shopApi);
    const before = document.getText();
    const front = await startDiscoverFront(airbyte.url, { hold: true });
    try {
      await setSetting('serverUrl', front.url);
      await setSetting('discoverTimeoutSeconds', 1);
      const result = await discoverStreams(document.uri);
      assert.ok(result && !result.ok, JSON.stringify(result));
      assert.equal(result.kind, 'timeout');
      assert.equal(document.getText(), before);
    } finally {
      await setSetting('discoverTimeoutSeconds', undefined);
      await front.close();
    }
  });
});
