// Plan, Apply and Export Connection in a real extension host, against the project's local
// Airbyte server. Modal questions are answered through the commands' documented options
// argument (as Create Connection's are); the diff editor is checked through the tab API.
import * as assert from 'assert';
import * as fs from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ApplyConnectionOptions, ApplyConnectionResult, ExportConnectionResult, PlanConnectionResult } from '../../client/src/commands';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { normalizeServerUrl } from '../../core/api';

const WORKSPACE_ID = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';
const SOURCE_ID = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION_ID = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';
const SEED_CONNECTION_ID = '9e8f7a6b-5c4d-4e3f-8a1b-2c3d4e5f6a01';

const airbyteSettings = () => vscode.workspace.getConfiguration('airbyte');
const plan = (uri: vscode.Uri) => vscode.commands.executeCommand<PlanConnectionResult>('airbyte.planConnection', uri);
const apply = (uri: vscode.Uri, options: ApplyConnectionOptions) =>
  vscode.commands.executeCommand<ApplyConnectionResult>('airbyte.applyConnection', uri, options);

function body(name: string, destinationSyncMode = 'overwrite') {
  return {
    name,
    sourceId: SOURCE_ID,
    destinationId: DESTINATION_ID,
    status: 'active',
    scheduleType: 'manual',
    syncCatalog: {
      streams: [
        {
          stream: { name: 'orders', namespace: 'public', jsonSchema: { type: 'object', properties: { id: { type: 'number' } } }, supportedSyncModes: ['full_refresh'] },
          config: { syncMode: 'full_refresh', destinationSyncMode, selected: true },
        },
      ],
    },
  };
}

/** The diff editor that is active now, if any: its two sides. */
function activeDiff(): vscode.TabInputTextDiff | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputTextDiff ? input : undefined;
}

suite('Plan, Apply and Export Connection', () => {
  let airbyte: LocalAirbyte;
  let folder: string;

  async function writeFile(name: string, value: unknown): Promise<vscode.Uri> {
    const file = path.join(folder, name);
    await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    return vscode.Uri.file(file);
  }
  const named = (name: string) => airbyte.store.listConnections(WORKSPACE_ID).filter((c) => c.name === name);

  suiteSetup(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'airbyte-lifecycle-'));
    airbyte = await createLocalAirbyte({ port: 0, host: '127.0.0.1', auth: { username: 'airbyte', password: 'password' }, warn: () => undefined });
    await airbyteSettings().update('serverUrl', airbyte.url, vscode.ConfigurationTarget.Global);
    await airbyteSettings().update('authentication', 'basic', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('airbyte.clearCredentials', { serverUrl: airbyte.url });
  });

  suiteTeardown(async () => {
    for (const key of ['serverUrl', 'authentication']) await airbyteSettings().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await airbyte?.close();
    await fs.rm(folder, { recursive: true, force: true });
  });

  test('Apply creates once, Plan opens a diff of an edit, Apply updates after confirmation and names the resets', async () => {
    const uri = await writeFile('suite-lifecycle.connection.json', body('Suite lifecycle'));
    const planned = await plan(uri);
    assert.ok(planned?.ok && planned.action === 'create', JSON.stringify(planned));

    const declined = await apply(uri, { confirm: false });
    assert.strictEqual(declined, undefined);
    assert.strictEqual(named('Suite lifecycle').length, 0, 'declining sends nothing');

    const created = await apply(uri, { confirm: true });
    assert.ok(created?.ok && created.kind === 'created', JSON.stringify(created));
    const state = JSON.parse(await fs.readFile(path.join(folder, 'suite-lifecycle.connection.state.json'), 'utf8'));
    assert.deepStrictEqual(state, { connections: { [normalizeServerUrl(airbyte.url)]: created.connectionId } });

    await writeFile('suite-lifecycle.connection.json', body('Suite lifecycle', 'append'));
    const edited = await plan(uri);
    assert.ok(edited?.ok && edited.action === 'update', JSON.stringify(edited));
    assert.deepStrictEqual(edited.changes, ['~ stream public.orders: destinationSyncMode: "overwrite" → "append"']);
    assert.deepStrictEqual(edited.resets, ['public.orders']);
    const diff = activeDiff();
    assert.ok(diff, 'a diff editor is open');
    assert.strictEqual(diff.original.toString(), edited.diff?.live.toString());
    const live = (await vscode.workspace.openTextDocument(diff.original)).getText();
    const file = (await vscode.workspace.openTextDocument(diff.modified)).getText();
    assert.match(live, /"destinationSyncMode": "overwrite"/);
    assert.match(file, /"destinationSyncMode": "append"/);

    const updated = await apply(uri, { confirm: true });
    assert.ok(updated?.ok && updated.kind === 'updated', JSON.stringify(updated));
    assert.strictEqual(updated.connectionId, created.connectionId);
    assert.deepStrictEqual(updated.resets, ['public.orders']);
    assert.deepStrictEqual(updated.notKept, []);
    assert.strictEqual(named('Suite lifecycle').length, 1, 'one connection on the server, not two');
    assert.strictEqual(airbyte.store.getConnection(created.connectionId).syncCatalog.streams[0].config?.destinationSyncMode, 'append');

    const after = await plan(uri);
    assert.ok(after?.ok && after.action === 'none', JSON.stringify(after));
    assert.deepStrictEqual(after.changes, []);
  });

  test('Create Connection writes the state file that Plan then follows', async () => {
    const uri = await writeFile('suite-created.connection.json', body('Suite created'));
    const created = await vscode.commands.executeCommand<{ ok: boolean; connectionId?: string }>('airbyte.createConnection', uri);
    assert.ok(created?.ok && created.connectionId, JSON.stringify(created));
    const state = JSON.parse(await fs.readFile(path.join(folder, 'suite-created.connection.state.json'), 'utf8'));
    assert.deepStrictEqual(state, { connections: { [normalizeServerUrl(airbyte.url)]: created.connectionId } });
    const planned = await plan(uri);
    assert.ok(planned?.ok && planned.action === 'none' && planned.connectionId === created.connectionId, JSON.stringify(planned));
  });

  test('Export writes a file and its state file, and planning it shows no change', async () => {
    const target = vscode.Uri.file(path.join(folder, 'exported.connection.json'));
    const exported = await vscode.commands.executeCommand<ExportConnectionResult>('airbyte.exportConnection', { connectionId: SEED_CONNECTION_ID, target });
    assert.ok(exported?.ok, JSON.stringify(exported));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the exported file is opened');
    const state = JSON.parse(await fs.readFile(path.join(folder, 'exported.connection.state.json'), 'utf8'));
    assert.deepStrictEqual(state, { connections: { [normalizeServerUrl(airbyte.url)]: SEED_CONNECTION_ID } });
    const planned = await plan(target);
    assert.ok(planned?.ok && planned.action === 'none', JSON.stringify(planned));
    const diff = activeDiff();
    assert.ok(diff, 'the (empty) diff is shown');
    const sides = await Promise.all([diff.original, diff.modified].map(async (u) => (await vscode.workspace.openTextDocument(u)).getText()));
    assert.strictEqual(sides[0], sides[1]);
  });
});
