// Completion, hover, outline, folding and formatting over stdio.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient, positionOf } from './lspTestClient';

const SOURCE = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';

describe('language features of the standalone server', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('completes top-level keys with their documentation', async () => {
    const uri = 'file:///work/keys.connection.json';
    const text = '{\n  \n}';
    await client.open(uri, text);
    const list = await client.completion(uri, 1, 2);
    const labels = (list?.items ?? []).map((i: CompletionItem) => i.label);
    for (const key of ['sourceId', 'destinationId', 'status', 'scheduleType', 'scheduleData', 'syncCatalog', 'namespaceDefinition', 'nonBreakingChangesPreference', 'geography']) {
      assert.ok(labels.includes(key), `missing ${key} in ${labels.join(', ')}`);
    }
  });

  it('completes enum values of status', async () => {
    const uri = 'file:///work/enum.connection.json';
    const text = '{\n  "status": \n}';
    await client.open(uri, text);
    const list = await client.completion(uri, 1, 12);
    const labels = (list?.items ?? []).map((i: CompletionItem) => i.label);
    assert.deepEqual(labels.filter((l) => /active|deprecated/.test(l)).sort(), ['"active"', '"deprecated"', '"inactive"']);
  });

  it('shows markdown hover documentation with allowed values', async () => {
    const uri = 'file:///work/hover.connection.json';
    const text = JSON.stringify({ sourceId: SOURCE, destinationId: DESTINATION, status: 'active', namespaceDefinition: 'source' }, null, 2);
    await client.open(uri, text);
    const pos = positionOf(text, '"namespaceDefinition"', 3);
    const hover = await client.hover(uri, pos.line, pos.character);
    const value = (hover?.contents as MarkupContent).value;
    assert.equal((hover?.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /customformat/);
    assert.match(value, /destination/);
  });

  it('gives an outline, folding ranges and formatting', async () => {
    const uri = 'file:///work/outline.connection.json';
    const text = `{"sourceId":"${SOURCE}","destinationId":"${DESTINATION}","status":"active","scheduleData":{"basicSchedule":{"timeUnit":"hours","units":24}}}`;
    await client.open(uri, text);
    const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['sourceId', 'destinationId', 'status', 'scheduleData']);
    const edits = await client.request<Array<{ newText: string }>>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.ok(edits.length > 0);
    const pretty = `{\n  "a": {\n    "b": 1\n  }\n}`;
    await client.open('file:///work/fold.connection.json', pretty);
    const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri: 'file:///work/fold.connection.json' } });
    assert.ok(folds.length >= 1);
  });

  it('offers a quick fix for a misspelt property', async () => {
    const uri = 'file:///work/fix.connection.json';
    const text = `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}", "status": "active", "prefx": "raw_" }`;
    await client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, (ds) => ds.length > 0);
    const actions = await client.quickFixes(uri, diagnostics);
    assert.equal(actions[0].title, 'Change to "prefix"');
    assert.equal(actions[0].edit.changes[uri][0].newText, '"prefix"');
  });

  it('completes cron time zones Airbyte accepts, without Etc/ zones', async () => {
    const uri = 'file:///work/zones.connection.json';
    const text = '{\n  "scheduleData": { "cron": { "cronExpression": "0 0 2 * * ?", "cronTimeZone":  } }\n}';
    await client.open(uri, text);
    const pos = positionOf(text, '"cronTimeZone": ', 16);
    const list = await client.completion(uri, pos.line, pos.character);
    const labels = (list?.items ?? []).map((i: CompletionItem) => i.label);
    assert.ok(labels.includes('Europe/Berlin') && labels.includes('America/New_York') && labels.includes('UTC'), labels.slice(0, 20).join());
    assert.ok(!labels.some((l) => l.startsWith('Etc/')));
  });

  it('reads a cron expression out loud on hover', async () => {
    const uri = 'file:///work/cron-hover.connection.json';
    const text = JSON.stringify({ scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 2 * * ?', cronTimeZone: 'UTC' } } }, null, 2);
    await client.open(uri, text);
    const pos = positionOf(text, '"0 0 2 * * ?"', 2);
    const hover = await client.hover(uri, pos.line, pos.character);
    assert.match((hover?.contents as MarkupContent).value, /\*\*At 02:00\*\* \(Quartz cron/);
  });

  it('offers the Quartz form of a Unix cron as a quick fix', async () => {
    const uri = 'file:///work/unix-cron.connection.json';
    const text = JSON.stringify({ sourceId: SOURCE, destinationId: DESTINATION, status: 'active', scheduleType: 'cron', scheduleData: { cron: { cronExpression: '30 6 * * 1-5', cronTimeZone: 'UTC' } } }, null, 2);
    await client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, (ds) => ds.length > 0);
    const actions = await client.quickFixes(uri, diagnostics);
    assert.equal(actions[0].edit.changes[uri][0].newText, '"0 30 6 ? * 2-6"');
  });
});
