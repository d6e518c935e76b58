// Large catalogs in the standalone server: edits are followed stream by stream with problems
// at the right lines, completion and hover work inside a stream, a reopened file never shows
// the previous text's problems, the number of problems shown is capped, Create Connection's
// check validates exactly the text it is given, and a validation that hangs is stopped.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol, FoldingRange, MarkupContent, PublishDiagnosticsParams, SelectionRange } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scanLayout } from '../../core/language/catalogLayout';
import { discoveredCatalog } from '../bench/discoveredCatalog';
import { LspTestClient } from './lspTestClient';

const SOURCE = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';

/** The range of the n-th occurrence of `needle` (plus `delta` characters) in `text`. */
function rangeOf(text: string, needle: string, occurrence = 0, length = needle.length, delta = 0) {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} #${occurrence} not found`);
  const document = TextDocument.create('file:///x', 'json', 0, text);
  return { start: document.positionAt(at + delta), end: document.positionAt(at + delta + length) };
}

describe('large catalogs in the standalone server', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('follows ranged edits stream by stream, with problems at the right line', async () => {
    const uri = 'file:///work/large-edits.connection.json';
    const text = discoveredCatalog(1000);
    await client.open(uri, text);
    assert.deepEqual(await client.diagnostics(uri, () => true, 120_000), []);

    // Break stream 700's `selected`, then fix it.
    const selected = rangeOf(text, '"selected": true', 700, 4, '"selected": '.length);
    await client.edit(uri, selected, '"yes"');
    const [broken] = await client.diagnostics(uri, (ds) => ds.length > 0, 120_000);
    assert.equal(broken.range.start.line, selected.start.line);
    assert.match(broken.message, /as a boolean/);
    await client.edit(uri, { start: selected.start, end: { line: selected.start.line, character: selected.start.character + 5 } }, 'true');
    assert.deepEqual(await client.diagnostics(uri, (ds) => ds.length === 0, 120_000), []);

    // Paste a copy of the first stream before stream 10: a duplicate, reported on the later copy.
    const layout = scanLayout(text)!;
    const firstEntry = text.slice(layout.starts[0], layout.ends[0]);
    const at = layout.starts[10];
    const pasted = `${firstEntry},\n      `;
    const position = TextDocument.create('file:///x', 'json', 0, text).positionAt(at);
    await client.edit(uri, { start: position, end: position }, pasted);
    const duplicates = await client.diagnostics(uri, (ds) => ds.length > 0, 120_000);
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0].code, 'duplicate-stream');
    const after = text.slice(0, at) + pasted + text.slice(at);
    const name = TextDocument.create('file:///x', 'json', 0, after).positionAt(at + firstEntry.indexOf('"name": ') + '"name": '.length);
    assert.deepEqual(duplicates[0].range.start, name);
  });

  it('completes and hovers inside a stream of a large catalog, at the cursor', async () => {
    const uri = 'file:///work/large-features.connection.json';
    const text = discoveredCatalog(300);
    await client.open(uri, text);
    const config = rangeOf(text, '"config": {', 250, 0, '"config": {'.length);
    const list = await client.completion(uri, config.start.line, config.start.character);
    const labels = (list?.items ?? []).map((i) => i.label);
    assert.ok(labels.includes('fieldSelectionEnabled'), labels.join());
    const edit = list!.items.find((i) => i.label === 'fieldSelectionEnabled')!.textEdit as { range: { start: { line: number } } };
    assert.equal(edit.range.start.line, config.start.line);

    const key = rangeOf(text, '"syncMode"', 250, 0, 3);
    const hover = await client.hover(uri, key.start.line, key.start.character);
    assert.match((hover?.contents as MarkupContent).value, /full_refresh/);
    assert.equal(hover?.range?.start.line, key.start.line);

    const status = rangeOf(text, '"status"', 0, 0, 3);
    const statusHover = await client.hover(uri, status.start.line, status.start.character);
    assert.match((statusHover?.contents as MarkupContent).value, /inactive/);
  });

  it('completes a new stream between two streams of a large catalog, at the cursor, with the comma it needs', async () => {
    const uri = 'file:///work/large-gap.connection.json';
    const text = discoveredCatalog(300);
    await client.open(uri, text);
    const layout = scanLayout(text)!;
    const at = TextDocument.create('file:///x', 'json', 0, text).positionAt(layout.ends[100] + 1); // just after the comma
    const list = await client.completion(uri, at.line, at.character);
    const item = list?.items.find((i) => /^Stream/.test(String(i.label)));
    assert.ok(item, (list?.items ?? []).map((i) => i.label).join());
    const edit = item.textEdit as { range: { start: unknown; end: unknown }; newText: string };
    assert.deepEqual(edit.range, { start: at, end: at });
    assert.match(edit.newText, /^\{[\s\S]*\},$/, 'another stream follows: the new one ends with a comma');
  });

  it('outlines, folds and selects a large catalog stream by stream, as the file is', async () => {
    const uri = 'file:///work/large-outline.connection.json';
    const text = discoveredCatalog(300);
    await client.open(uri, text);
    const document = TextDocument.create('file:///x', 'json', 0, text);
    const layout = scanLayout(text)!;
    const catalog = JSON.parse(text) as { syncCatalog: { streams: Array<{ stream: { name: string; namespace?: string } }> } };

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['name', 'sourceId', 'destinationId', 'status', 'namespaceDefinition', 'prefix', 'scheduleType', 'scheduleData', 'syncCatalog']);
    const scheduleData = symbols.find((s) => s.name === 'scheduleData')!;
    assert.deepEqual(scheduleData.range.start, rangeOf(text, '"scheduleData"').start, 'header symbols after the streams are where the file has them');
    const streams = symbols.find((s) => s.name === 'syncCatalog')!.children!.find((s) => s.name === 'streams')!;
    assert.equal(streams.children!.length, 300);
    const entry = streams.children![250];
    const { name, namespace } = catalog.syncCatalog.streams[250].stream;
    assert.equal(entry.name, `${namespace}.${name}`);
    assert.deepEqual(entry.range, { start: document.positionAt(layout.starts[250]), end: document.positionAt(layout.ends[250]) });
    assert.deepEqual(entry.selectionRange, rangeOf(text, JSON.stringify(name)));

    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const entryFold = folds.find((f) => f.startLine === document.positionAt(layout.starts[250]).line);
    assert.deepEqual(entryFold && [entryFold.startLine, entryFold.endLine], [document.positionAt(layout.starts[250]).line, document.positionAt(layout.ends[250] - 1).line - 1]);
    const scheduleFold = folds.find((f) => f.startLine === rangeOf(text, '"scheduleData"').start.line);
    assert.ok(scheduleFold, 'header objects fold where they are');

    const at = rangeOf(text, '"syncMode": "', 250, 0, '"syncMode": "'.length + 2);
    const [selection] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [at.end] });
    const chain: string[] = [];
    for (let r: SelectionRange | undefined = selection; r; r = r.parent) chain.push(text.slice(document.offsetAt(r.range.start), document.offsetAt(r.range.end)));
    assert.ok(chain.includes(text.slice(layout.starts[250], layout.ends[250])), 'the whole stream entry is one step');
    assert.ok(chain.includes(text.slice(layout.arrayOpen, layout.arrayClose + 1)), 'then the streams array');
    assert.equal(chain[chain.length - 1], text, 'and finally the whole file');
    for (let k = 1; k < chain.length; k++) assert.ok(chain[k].length >= chain[k - 1].length, 'each step contains the previous one');
  });

  it('never shows the previous text of a file reopened at the same version', async () => {
    const uri = 'file:///work/reopened.connection.json';
    const before = discoveredCatalog(1500).replace('"status": "active"', '"status": "paused"');
    const published: PublishDiagnosticsParams[] = [];
    client.onPublish = (p) => p.uri === uri && published.push(p);
    await client.open(uri, before);
    await client.close(uri);
    await client.open(uri, `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}", "status": "active", "prefx": "" }`);
    const shown = await client.diagnostics(uri, (ds) => ds.some((d) => d.code === 'unknown-property'), 120_000);
    assert.equal(shown.length, 1);
    // The validator answers in order: once this answer is back, the first text's run is done too.
    await client.request('airbyte/validateText', { uri: 'file:///work/other.connection.json', text: '{}' });
    client.onPublish = undefined;
    assert.ok(!published.some((p) => p.diagnostics.some((d) => /paused/.test(d.message))), JSON.stringify(published).slice(0, 500));
  });

  it('shows at most 300 problems per file and says how many more there are', async () => {
    const uri = 'file:///work/many-problems.connection.json';
    const text = discoveredCatalog(500).replace(/"selected": (true|false)/g, '"selected": "yes"');
    await client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, (ds) => ds.length > 0, 120_000);
    assert.equal(diagnostics.length, 300);
    const summary = diagnostics.find((d) => d.code === 'more-problems');
    assert.match(summary?.message ?? '', /^201 more problems are not listed/);
  });

  it('validates exactly the text Create Connection is about to send', async () => {
    const uri = 'file:///work/presend.connection.json';
    await client.open(uri, `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}", "status": "active" }`);
    await client.diagnostics(uri);
    const result = await client.request<{ diagnostics: Diagnostic[] }>('airbyte/validateText', { uri, text: `{ "sourceId": "not-a-uuid", "destinationId": "${DESTINATION}", "status": "active" }` });
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['invalid-uuid']);
    const unopened = await client.request<{ diagnostics: Diagnostic[] }>('airbyte/validateText', { uri: 'file:///work/not-open.connection.json', text: '{ "status": ' });
    assert.ok(unopened.diagnostics.some((d) => d.severity === 1));
  });
});

describe('a validation that hangs', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient(['--stdio'], undefined, { ...process.env, AIRBYTE_LS_VALIDATION_TIMEOUT_MS: '1000' });
    await client.initialize();
  });
  after(() => client.stop());

  it('is stopped by the watchdog with a clear problem, and other files are validated again', async () => {
    // A syntax error makes the whole 30 MB file be analysed at once: far longer than the 1 s allowed here.
    const uri = 'file:///work/hangs.connection.json';
    const text = discoveredCatalog(5000);
    const middle = text.indexOf('"selected"', text.length / 2);
    await client.open(uri, text.slice(0, middle) + '"selected" tru' + text.slice(middle + '"selected": true'.length));
    const [failed] = await client.diagnostics(uri, (ds) => ds.length > 0, 300_000);
    assert.equal(failed.code, 'analysis-failed');
    assert.match(failed.message, /did not finish within 1 s/);

    const small = 'file:///work/after-hang.connection.json';
    await client.open(small, `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}", "status": "activ" }`);
    const diagnostics = await client.diagnostics(small, (ds) => ds.length > 0, 120_000);
    assert.equal(diagnostics[0].code, 'invalid-value');
    assert.equal(client.process.exitCode, null);
  });
});
