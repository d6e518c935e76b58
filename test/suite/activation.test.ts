// The extension activates on its own language (`*.connection.json`) and stays asleep for other
// JSON. Order matters: the first test runs while nothing has activated the extension yet.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, ourExtension, waitUntil } from './helpers';

// VS Code's built-in JSON support activates on `onLanguage:json`; once it is active, that
// activation event has been handled, so "ours is still inactive" is a settled answer.
const BUILT_IN_JSON = 'vscode.json-language-features';

suite('Activation', () => {
  test('opening a plain .json file does not activate the extension', async () => {
    assert.strictEqual(ourExtension().isActive, false, 'active before any file was opened');

    const editor = await openFixture('other.json');
    assert.strictEqual(editor.document.languageId, 'json');

    const builtInJson = vscode.extensions.getExtension(BUILT_IN_JSON);
    assert.ok(builtInJson, `${BUILT_IN_JSON} is missing from this VS Code`);
    await waitUntil(() => builtInJson.isActive, `${BUILT_IN_JSON} is active (onLanguage:json handled)`);

    assert.strictEqual(ourExtension().isActive, false, 'a plain .json file activated the extension');
  });

  test('opening a .connection.json file activates the extension', async () => {
    const editor = await openFixture('valid.connection.json');
    assert.strictEqual(editor.document.languageId, 'airbyte-connection');

    await waitUntil(() => ourExtension().isActive, 'the extension is active');
  });
});
