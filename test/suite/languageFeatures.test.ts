// The language server as a person meets it in VS Code: diagnostics in the Problems panel,
// completion (including the ids of their own Airbyte server), hover, and no problem twice.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { fixtureUri, openFixture, retry, waitForDiagnostics } from './helpers';

const complete = (uri: vscode.Uri, position: vscode.Position) =>
  vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
const hover = (uri: vscode.Uri, position: vscode.Position) =>
  vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

suite('Language features', () => {
  test('connection files get the airbyte-connection language, plain JSON keeps json', async () => {
    const connection = await openFixture('valid.connection.json');
    assert.strictEqual(connection.document.languageId, 'airbyte-connection');
    const plain = await vscode.workspace.openTextDocument(fixtureUri('other.json'));
    assert.strictEqual(plain.languageId, 'json');
  });

  test('diagnostics say what is wrong, at the value, with what is allowed', async () => {
    const editor = await openFixture('problems.connection.json');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (ds) => ds.length >= 2);
    const status = diagnostics.find((d) => /actve/.test(d.message));
    assert.ok(status, 'no diagnostic for the misspelt status');
    assert.strictEqual(status.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(editor.document.getText(status.range), '"actve"');
    assert.match(status.message, /Did you mean "active"\?/);
    const cron = diagnostics.find((d) => d.code === 'invalid-cron');
    assert.ok(cron, 'no diagnostic for the Unix cron');
    assert.strictEqual(editor.document.getText(cron.range), '"0 2 * * *"');
  });

  test('a syntax error is reported once, by this extension only', async () => {
    // The built-in JSON server is alive: it reports the same mistake in a plain JSON file.
    const plain = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('syntax-error.json')));
    await waitForDiagnostics(plain.document.uri, (ds) => ds.length > 0);
    const editor = await openFixture('syntax-error.connection.json');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (ds) => ds.length > 0);
    assert.deepStrictEqual([...new Set(diagnostics.map((d) => d.source))], ['airbyte']);
    const messages = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);
    assert.strictEqual(new Set(messages).size, messages.length, `duplicates in ${messages.join(' | ')}`);
  });

  test('completion offers the properties of a connection', async () => {
    const editor = await openFixture('empty-object.connection.json');
    const list = await retry(
      () => complete(editor.document.uri, new vscode.Position(1, 2)),
      (l) => (l?.items.length ?? 0) > 0,
      { what: 'completion in an empty connection' },
    );
    const labels = list.items.map(labelOf);
    for (const key of ['sourceId', 'destinationId', 'status', 'scheduleType', 'syncCatalog']) assert.ok(labels.includes(key), `${key} missing from ${labels.join(', ')}`);
  });

  test('hover explains a field and its allowed values', async () => {
    const editor = await openFixture('valid.connection.json');
    const at = editor.document.positionAt(editor.document.getText().indexOf('"status"') + 2);
    const hovers = await retry(() => hover(editor.document.uri, at), (h) => hoverText(h ?? []).length > 0, { what: 'hover on status' });
    const text = hoverText(hovers);
    assert.match(text, /active/);
    assert.match(text, /inactive/);
    assert.match(text, /deprecated/);
  });

  suite('with an Airbyte server', () => {
    let airbyte: LocalAirbyte;
    suiteSetup(async () => {
      airbyte = await createLocalAirbyte({ port: 0 });
      await vscode.workspace.getConfiguration('airbyte').update('serverUrl', airbyte.url, vscode.ConfigurationTarget.Global);
    });
    suiteTeardown(async () => {
      await vscode.workspace.getConfiguration('airbyte').update('serverUrl', undefined, vscode.ConfigurationTarget.Global);
      await airbyte.close();
    });

    test('completes sourceId with the real sources of the server, by name', async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'airbyte-connection', content: '{\n  "sourceId": \n}' });
      await vscode.window.showTextDocument(document);
      const list = await retry(
        () => complete(document.uri, new vscode.Position(1, 14)),
        (l) => (l?.items ?? []).some((i) => labelOf(i) === 'Postgres — orders db'),
        { what: 'completion of sourceId from the local Airbyte server' },
      );
      const postgres = list.items.find((i) => labelOf(i) === 'Postgres — orders db')!;
      const inserted = typeof postgres.insertText === 'string' ? postgres.insertText : postgres.insertText?.value;
      assert.match(inserted ?? '', /2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01/);
    });
  });
});
