// "Airbyte: New Connection File" end to end in a real extension host, against a local Airbyte
// started by this suite. The quick picks are answered through the command's documented options
// argument (the UI smoke test drives the real quick picks); results are asserted on the file
// written, the editor, the command's result and what Create Connection then does with the file.
import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckServerResult, CreateConnectionResult, NewConnectionFileOptions, NewConnectionFileResult } from '../../client/src/commands';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { validateConnection } from '../../core/language/validateConnection';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { SEED_IDS } from '../../local-airbyte/seed';
import { deadServerUrl, resetSettings, revertAndCloseAll, setSetting, startDiscoverFront } from './discoverSupport';

const STRIPE_TO_SNOWFLAKE: NewConnectionFileOptions = {
  workspaceId: SEED_IDS.workspace,
  sourceId: SEED_IDS.sources.stripe,
  destinationId: SEED_IDS.destinations.snowflake,
  streams: ['charges', 'invoices'],
};

function newConnectionFile(folder: vscode.Uri | undefined, options: NewConnectionFileOptions): Thenable<NewConnectionFileResult> {
  return vscode.commands.executeCommand<NewConnectionFileResult>('airbyte.newConnectionFile', folder, options);
}

suite('New Connection File', () => {
  let airbyte: LocalAirbyte;
  let folder: string;

  const folderUri = () => vscode.Uri.file(folder);
  const filesInFolder = async () => (await fs.readdir(folder)).filter((f) => f.endsWith('.connection.json')).sort();

  suiteSetup(async () => {
    airbyte = await createLocalAirbyte({ warn: () => undefined });
    await setSetting('serverUrl', airbyte.url);
    await setSetting('authentication', 'basic');
    await vscode.commands.executeCommand('airbyte.clearCredentials', { serverUrl: airbyte.url });
  });
  setup(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'airbyte-new-connection-'));
    await setSetting('serverUrl', airbyte.url);
  });
  teardown(async () => {
    await revertAndCloseAll();
    await fs.rm(folder, { recursive: true, force: true });
  });
  suiteTeardown(async () => {
    await resetSettings();
    await airbyte?.close();
  });

  test('writes <source>-to-<destination>.connection.json with every discovered stream, opens it, and Create Connection accepts it', async () => {
    const result = await newConnectionFile(folderUri(), STRIPE_TO_SNOWFLAKE);
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(path.basename(result.uri.fsPath), 'stripe-to-snowflake-analytics.connection.json');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, result.uri.fsPath);

    const text = await fs.readFile(result.uri.fsPath, 'utf8');
    const body = JSON.parse(text);
    const discovered = airbyte.store.getDiscoveredCatalog(SEED_IDS.sources.stripe).streams;
    assert.deepEqual(body.syncCatalog.streams.map((s: any) => s.stream), discovered, 'stream parts copied exactly');
    assert.deepEqual(
      body.syncCatalog.streams.map((s: any) => [s.stream.name, s.config.selected, s.config.syncMode, s.config.destinationSyncMode]),
      [
        ['charges', true, 'incremental', 'append_dedup'],
        ['customers', false, 'incremental', 'append_dedup'],
        ['invoices', true, 'incremental', 'append_dedup'],
      ],
    );
    assert.equal(body.name, 'Stripe <> Snowflake — analytics');

    // No errors and no warnings: the engine the language server runs, on the written text.
    const service = createConnectionLanguageService();
    const diagnostics = await validateConnection(service, TextDocument.create(result.uri.toString(), 'airbyte-connection', 1, text));
    assert.deepEqual(diagnostics.map((d) => d.message), []);

    const created = await vscode.commands.executeCommand<CreateConnectionResult>('airbyte.createConnection', result.uri);
    assert.ok(created?.ok, JSON.stringify(created));
    assert.equal(airbyte.store.getConnection(created.connectionId).name, 'Stripe <> Snowflake — analytics');
  });

  test('never overwrites: a second file of the same pair gets -2', async () => {
    const first = await newConnectionFile(folderUri(), STRIPE_TO_SNOWFLAKE);
    const second = await newConnectionFile(folderUri(), STRIPE_TO_SNOWFLAKE);
    assert.ok(first?.ok && second?.ok);
    assert.deepEqual(await filesInFolder(), ['stripe-to-snowflake-analytics-2.connection.json', 'stripe-to-snowflake-analytics.connection.json']);
  });

  test('from the Explorer on a file, writes beside it; unchecked streams are written unselected', async () => {
    const beside = path.join(folder, 'notes.txt');
    await fs.writeFile(beside, 'x');
    const result = await newConnectionFile(vscode.Uri.file(beside), {
      workspaceId: SEED_IDS.sandboxWorkspace,
      sourceId: SEED_IDS.sources.shopApi,
      destinationId: SEED_IDS.destinations.sandboxJson,
      streams: ['customers'],
    });
    assert.ok(result?.ok, JSON.stringify(result));
    assert.equal(path.dirname(result.uri.fsPath), folder);
    const body = JSON.parse(await fs.readFile(result.uri.fsPath, 'utf8'));
    assert.deepEqual(body.syncCatalog.streams.map((s: any) => [s.stream.name, s.config.selected, s.config.destinationSyncMode]), [
      ['products', false, 'overwrite'],
      ['customers', true, 'overwrite'],
      ['reviews', false, 'overwrite'],
    ]);
  });

  test('Check Server (the walkthrough’s first step) lists the workspaces, or says why not', async () => {
    const ok = await vscode.commands.executeCommand<CheckServerResult>('airbyte.checkServer');
    assert.ok(ok.ok, JSON.stringify(ok));
    assert.match(ok.message, /answers and accepts the credentials: 2 workspaces \(“Data Platform”, “Sandbox”\)/);
    await setSetting('serverUrl', await deadServerUrl());
    const down = await vscode.commands.executeCommand<CheckServerResult>('airbyte.checkServer');
    assert.ok(!down.ok);
    assert.equal(down.kind, 'connectionRefused');
  });

  test('server down: a clear message, nothing written', async () => {
    await setSetting('serverUrl', await deadServerUrl());
    const result = await newConnectionFile(folderUri(), STRIPE_TO_SNOWFLAKE);
    assert.ok(result && !result.ok, JSON.stringify(result));
    assert.equal(result.kind, 'connectionRefused');
    assert.match(result.message, /New Connection File failed: Nothing is listening at 127\.0\.0\.1:\d+/);
    assert.deepEqual(await filesInFolder(), []);
  });

  test('401: says so and offers Set Credentials, nothing written', async () => {
    const locked = await createLocalAirbyte({ auth: { username: 'airbyte', password: 'another' }, warn: () => undefined });
    try {
      await setSetting('serverUrl', locked.url);
      const result = await newConnectionFile(folderUri(), STRIPE_TO_SNOWFLAKE);
      assert.ok(result && !result.ok, JSON.stringify(result));
      assert.equal(result.kind, 'unauthorized');
      assert.match(result.message, /refused the default local password.*Set Credentials/);
      assert.deepEqual(await filesInFolder(), []);
    } finally {
      await locked.close();
    }
  });

  test('a failed discover job (200, succeeded false): its reason and log, nothing written', async () => {
    const result = await newConnectionFile(folderUri(), {
      workspaceId: SEED_IDS.sandboxWorkspace,
      sourceId: SEED_IDS.sources.salesforce,
      destinationId: SEED_IDS.destinations.sandboxJson,
      streams: 'all',
    });
    assert.ok(result && !result.ok, JSON.stringify(result));
    assert.equal(result.kind, 'discoverFailed');
    assert.match(result.message, /discover job failed: Something went wrong in the connector.*expired access\/refresh token/);
    assert.deepEqual(await filesInFolder(), []);
  });

  test('a discovery slower than airbyte.discoverTimeoutSeconds times out, nothing written', async () => {
    const front = await startDiscoverFront(airbyte.url, { hold: true });
    try {
      await setSetting('serverUrl', front.url);
      await setSetting('discoverTimeoutSeconds', 1);
      const result = await newConnectionFile(folderUri(), STRIPE_TO_SNOWFLAKE);
      assert.ok(result && !result.ok, JSON.stringify(result));
      assert.equal(result.kind, 'timeout');
      assert.match(result.message, /did not finish within 1 s.*airbyte\.discoverTimeoutSeconds/);
      assert.equal(front.discoverCount(), 1);
      assert.deepEqual(await filesInFolder(), []);
    } finally {
      await setSetting('discoverTimeoutSeconds', undefined);
      await front.close();
    }
  });

  test('cancelling while the discovery runs writes nothing', async () => {
    const cancel = new vscode.CancellationTokenSource();
    const front = await startDiscoverFront(airbyte.url, { hold: true, onDiscover: () => cancel.cancel() });
    try {
      await setSetting('serverUrl', front.url);
      const result = await newConnectionFile(folderUri(), { ...STRIPE_TO_SNOWFLAKE, cancellation: cancel.token });
      assert.ok(result && !result.ok, JSON.stringify(result));
      assert.equal(result.kind, 'cancelled');
      assert.equal(front.discoverCount(), 1);
      assert.deepEqual(await filesInFolder(), []);
    } finally {
      cancel.dispose();
      await front.close();
    }
  });
});
