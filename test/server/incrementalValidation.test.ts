// Diagnostics kept up to date edit by edit equal those of a fresh open of the same text, over
// random sequences of the edits people make in a catalog: values changed or broken, characters
// typed or deleted, entries removed, duplicated or renamed, the header changed, whole-text
// replacements.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { scanLayout } from '../../core/language/catalogLayout';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { IncrementalValidation } from '../../core/language/incrementalValidation';
import { validateConnection } from '../../core/language/validateConnection';
import { serverFactsFor, type SourceWorkspaces } from '../../core/rules';
import { discoveredCatalog, random } from '../bench/discoveredCatalog';

const service = createConnectionLanguageService();

type Edit = { start: number; end: number; text: string };

/** Random edits, as offsets in `text`; several per round, sometimes in one notification. */
function randomEdit(text: string, rand: () => number): Edit {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const occurrence = (needle: string): number => {
    const from = Math.floor(rand() * text.length);
    const at = text.indexOf(needle, from);
    return at >= 0 ? at : text.indexOf(needle);
  };
  const layout = scanLayout(text);
  const entry = () => {
    const i = Math.floor(rand() * layout!.starts.length);
    return { start: layout!.starts[i], end: layout!.ends[i] };
  };
  const kind = Math.floor(rand() * 11);
  switch (kind) {
    case 0: {
      const at = occurrence('"selected": ');
      if (at < 0) break;
      const valueStart = at + '"selected": '.length;
      const valueEnd = text.startsWith('true', valueStart) ? valueStart + 4 : text.startsWith('false', valueStart) ? valueStart + 5 : valueStart;
      return { start: valueStart, end: valueEnd, text: pick(['true', 'false', '"yes"', 'null']) };
    }
    case 1: {
      const at = occurrence('"syncMode": "');
      if (at < 0) break;
      const start = at + '"syncMode": '.length;
      const end = text.indexOf('"', start + 1) + 1;
      return { start, end, text: pick(['"full_refresh"', '"incremental"', '"incrementl"']) };
    }
    case 2: {
      const at = Math.floor(rand() * text.length);
      return { start: at, end: at + (rand() < 0.5 ? 1 : 0), text: pick(['', '{', '}', '[', ']', '"', ',', ':', 'x', '1', '\n', ' ', '//']) };
    }
    case 3:
      if (layout && layout.starts.length > 1) {
        const { start, end } = entry();
        // Remove the entry and the comma that joins it to its neighbour.
        const next = text.indexOf(',', end);
        return next >= 0 && next < text.indexOf('{', end) ? { start, end: next + 1, text: '' } : { start: text.lastIndexOf(',', start), end, text: '' };
      }
      break;
    case 4:
      if (layout && layout.starts.length > 0) {
        const { start, end } = entry();
        return { start, end: start, text: text.slice(start, end) + ',\n    ' };
      }
      break;
    case 5: {
      const at = occurrence('"name": "');
      if (at < 0) break;
      const start = at + '"name": '.length;
      const end = text.indexOf('"', start + 1) + 1;
      return { start, end, text: pick(['"customer_0"', '"order_1"', '"renamed"', '42']) };
    }
    case 6: {
      const at = text.indexOf('"status": ');
      if (at < 0) break;
      const start = at + '"status": '.length;
      const end = text.indexOf(',', start);
      return { start, end, text: pick(['"active"', '"inactive"', '"bogus"', '"deprecated"']) };
    }
    case 7:
      return { start: 1, end: 1, text: pick(['\n  "prefx": "raw_",', '\n  "namespaceFormat": "${FOO}",', '']) };
    case 8: {
      const at = occurrence('"destinationSyncMode": "');
      if (at < 0) break;
      const start = at + '"destinationSyncMode": '.length;
      const end = text.indexOf('"', start + 1) + 1;
      return { start, end, text: pick(['"append_dedup"', '"overwrite"', '"append"']) };
    }
    case 9: {
      const at = occurrence('"properties": {');
      if (at < 0) break;
      const start = at + '"properties": {'.length;
      return { start, end: start, text: pick(['\n "id": {},', '"a": 1, "a": 2,', '']) };
    }
    default:
      break;
  }
  const at = occurrence('"aliasName": "');
  const start = Math.max(0, at) + '"aliasName": "'.length;
  return { start, end: start, text: 'x' };
}

function apply(text: string, edits: Edit[]): { text: string; changes: TextDocumentContentChangeEvent[] } {
  const changes: TextDocumentContentChangeEvent[] = [];
  for (const edit of edits) {
    const document = TextDocument.create('file:///t', 'json', 0, text);
    changes.push({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, text: edit.text });
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  return { text, changes };
}

/** A fresh open; with the server's sources known, as the whole-file validator is given them. */
async function fresh(text: string, sourceWorkspaces?: SourceWorkspaces) {
  const document = TextDocument.create('file:///t.connection.json', 'airbyte-connection', 0, text);
  const parsed = service.parseJSONDocument(document);
  return validateConnection(service, document, parsed, serverFactsFor(parsed.root, sourceWorkspaces));
}

/** `sourceWorkspaces`: server data given to the validator, sometimes withdrawn and given again mid-sequence. */
async function runSequence(initial: string, seed: number, rounds: number, sourceWorkspaces?: SourceWorkspaces): Promise<number> {
  const rand = random(seed);
  let text = initial;
  const incremental = new IncrementalValidation(service, 'file:///t.connection.json', 1, text);
  let known = sourceWorkspaces;
  incremental.setSourceWorkspaces(known);
  assert.deepEqual(await incremental.diagnostics(), await fresh(text, known));
  let version = 1;
  let withProblems = 0;
  for (let round = 0; round < rounds; round++) {
    const count = 1 + Math.floor(rand() * 3);
    let changes: TextDocumentContentChangeEvent[];
    if (rand() < 0.05) {
      text = rand() < 0.5 ? initial : text.replace('"status": "active"', '"status": "inactive"');
      changes = [{ text }];
    } else {
      const edits: Edit[] = [];
      for (let k = 0; k < count; k++) edits.push(randomEdit(text, rand));
      // Sometimes one notification carries several changes, as with multi-cursor edits.
      if (rand() < 0.3) ({ text, changes } = apply(text, edits));
      else {
        changes = [];
        for (const edit of edits) {
          const step = apply(text, [edit]);
          text = step.text;
          incremental.applyChanges(step.changes, ++version);
        }
      }
    }
    if (changes.length > 0) incremental.applyChanges(changes, ++version);
    if (sourceWorkspaces && rand() < 0.1) incremental.setSourceWorkspaces((known = known ? undefined : sourceWorkspaces));
    const expected = await fresh(text, known);
    if (expected.length > 0) withProblems++;
    assert.deepEqual(await incremental.diagnostics(), expected, `round ${round} (seed ${seed})`);
    // Broken JSON is usually fixed soon; go back to the last good text half of the time.
    if (expected.some((d) => d.code === 'json-syntax') && rand() < 0.5) {
      text = initial;
      incremental.applyChanges([{ text }], ++version);
    }
  }
  return withProblems;
}

describe('incremental validation', () => {
  it('equals a fresh open after random edit sequences on a 1,000-stream catalog', async () => {
    const withProblems = await runSequence(discoveredCatalog(1000), 1, 12);
    assert.ok(withProblems > 3, `only ${withProblems} rounds had problems: the edits do not exercise the rules`);
  });

  it('equals a fresh open for bodies just over and just under 10 MiB as sent (413)', async () => {
    // 500 streams whose schemas carry a long description: about 10 MiB once compacted.
    const body = (descriptionLength: number, indent: string) => {
      const value = JSON.parse(discoveredCatalog(500, 8)) as { syncCatalog: { streams: Array<{ stream: { jsonSchema: Record<string, unknown> } }> } };
      for (const { stream } of value.syncCatalog.streams) stream.jsonSchema.description = 'd'.repeat(descriptionLength);
      return JSON.stringify(value, null, indent);
    };
    const over = body(21_500, '  ');
    const overDiagnostics = await new IncrementalValidation(service, 'file:///t.connection.json', 1, over).diagnostics();
    assert.deepEqual(overDiagnostics, await fresh(over));
    assert.deepEqual(overDiagnostics.map((d) => d.code), ['body-too-large']);
    // Over 10 MiB as written, under once compacted (as Create Connection sends it): no 413.
    const under = body(18_500, '\t'.repeat(10));
    assert.ok(Buffer.byteLength(under) > 10 * 1024 * 1024 && Buffer.byteLength(JSON.stringify(JSON.parse(under))) < 10 * 1024 * 1024);
    const underDiagnostics = await new IncrementalValidation(service, 'file:///t.connection.json', 1, under).diagnostics();
    assert.deepEqual(underDiagnostics, await fresh(under));
    assert.deepEqual(underDiagnostics, []);
  });

  it('equals a fresh open after many random edits on a small catalog (nothing selected, duplicates)', async () => {
    const small = discoveredCatalog(3, 9).replace(/"selected": true/g, '"selected": false');
    await runSequence(small, 2, 150);
    await runSequence(discoveredCatalog(4, 3), 3, 150);
  });

  it("equals a fresh open given the same server data (an operation outside the source's workspace)", async () => {
    const catalog = discoveredCatalog(4, 3);
    const sourceId = (JSON.parse(catalog) as { sourceId: string }).sourceId;
    const operation = '"operations": [{ "workspaceId": "0f4c2a1e-3b5d-4e6f-9a7b-8c9d0e1f2a3b", "name": "n", "operatorConfiguration": { "operatorType": "normalization", "normalization": { "option": "basic" } } }],\n  "sourceId"';
    const withOperation = catalog.replace('"sourceId"', operation);
    const sourceWorkspaces = { [sourceId.toLowerCase()]: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6' };
    assert.ok((await fresh(withOperation, sourceWorkspaces)).some((d) => d.code === 'operation-workspace'), 'the rule is exercised');
    await runSequence(withOperation, 4, 120, sourceWorkspaces);
  });
});
