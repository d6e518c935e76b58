// Restricted Mode, in a real extension host whose folder is untrusted (runInCodeServer
// --restricted: workspace trust on, the fixtures folder never trusted). Editing features work
// from the schema alone; nothing is sent: no id lookups, no offer to allow them, Create Connection
// refuses and says why. The user's own settings name a local server that records every request
// it gets, so a leak of any kind shows up as a request.
import * as assert from 'assert';
import * as http from 'http';
import * as vscode from 'vscode';
import type { CreateConnectionResult } from '../../client/src/commands';
import { fixtureUri, openFixture, ourExtension, retry, waitForDiagnostics } from './helpers';

const SOURCE_ID = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';

const settings = () => vscode.workspace.getConfiguration('airbyte');
const setUserSetting = (key: string, value: unknown) => settings().update(key, value, vscode.ConfigurationTarget.Global);
const complete = (uri: vscode.Uri, position: vscode.Position) =>
  vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
const labels = (list: vscode.CompletionList | undefined) => (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));

suite('Restricted Mode (an untrusted folder)', () => {
  const requests: string[] = [];
  let server: http.Server;

  suiteSetup(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"a request reached the server"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await setUserSetting('serverUrl', `http://127.0.0.1:${port}/api`);
    await setUserSetting('authentication', 'basic');
    await setUserSetting('username', 'airbyte');
    await ourExtension().activate();
  });

  suiteTeardown(async () => {
    for (const key of ['serverUrl', 'authentication', 'username']) await setUserSetting(key, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  test('the folder is untrusted and the extension is active in it', () => {
    // Without this the rest would prove nothing: the normal run turns workspace trust off.
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the workspace is trusted: this run must leave it in Restricted Mode');
    assert.ok(ourExtension().isActive);
  });

  test('diagnostics and completion of schema properties work', async () => {
    const editor = await openFixture('problems.connection.json');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => /actve/.test(d.message)));
    const status = diagnostics.find((d) => /actve/.test(d.message))!;
    assert.strictEqual(status.severity, vscode.DiagnosticSeverity.Error);
    assert.match(status.message, /Did you mean "active"\?/);

    const document = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: '{\n  \n}' });
    await vscode.window.showTextDocument(document);
    const list = await retry(() => complete(document.uri, new vscode.Position(1, 2)), (l) => labels(l).includes('sourceId'), {
      what: 'property completion',
    });
    for (const property of ['destinationId', 'scheduleType', 'namespaceDefinition']) assert.ok(labels(list).includes(property), property);
  });

  test('ids are not looked up, and nothing offers to allow lookups', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: `{\n  "sourceId": "${SOURCE_ID}"\n}` });
    await vscode.window.showTextDocument(document);
    const empty = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: '{\n  "sourceId": ""\n}' });
    for (let i = 0; i < 3; i++) {
      const offered = labels(await complete(empty.uri, new vscode.Position(1, 15)));
      assert.ok(!offered.some((l) => /allow lookups/i.test(l)), `offered: ${JSON.stringify(offered)}`);
      await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 20));
    }
    assert.strictEqual(await vscode.commands.executeCommand('airbyte.allowServer', { uri: empty.uri.toString(), confirm: true }), false);
    assert.deepStrictEqual(requests, []);
  });

  test('Create Connection refuses with a clear message and sends nothing', async () => {
    const result = await vscode.commands.executeCommand<CreateConnectionResult>('airbyte.createConnection', fixtureUri('valid.connection.json'));
    assert.ok(result && !result.ok, JSON.stringify(result));
    assert.strictEqual(result.kind, 'restrictedMode');
    assert.match(result.message, /Restricted Mode/);
    assert.match(result.message, /trust the folder/);
    assert.deepStrictEqual(requests, []);
  });

  test('no request reached the server during the whole run', () => {
    assert.deepStrictEqual(requests, []);
  });
});
