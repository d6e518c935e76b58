// Field-path completion and hover over stdio: what any LSP editor gets inside
// `cursorField`, `primaryKey` and `selectedFields[].fieldPath`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from './lspTestClient';

const text = JSON.stringify(
  {
    sourceId: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e03',
    destinationId: '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01',
    status: 'active',
    syncCatalog: {
      streams: [
        {
          stream: {
            name: 'issues',
            jsonSchema: { type: 'object', properties: { id: { type: ['null', 'integer'] }, updated_at: { type: ['null', 'string'], format: 'date-time' }, user: { type: ['null', 'object'], properties: { login: { type: ['null', 'string'] } } } } },
            supportedSyncModes: ['full_refresh', 'incremental'],
            sourceDefinedCursor: true,
            defaultCursorField: ['updated_at'],
            sourceDefinedPrimaryKey: [['id']],
          },
          config: { syncMode: 'incremental', destinationSyncMode: 'append_dedup', cursorField: ['updated_at'], primaryKey: [['id']], selected: true },
        },
      ],
    },
  },
  null,
  2,
);

function positionAt(offset: number): { line: number; character: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('field paths over stdio', () => {
  let client: LspTestClient;
  const uri = 'file:///work/paths.connection.json';
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    await client.open(uri, text);
  });
  after(() => client.stop());

  it('completes cursorField from the stream’s schema, nested fields included, the source’s cursor and key first', async () => {
    const cursorAt = positionAt(text.indexOf('"updated_at"', text.indexOf('"cursorField"')) + 1);
    const list = await client.completion(uri, cursorAt.line, cursorAt.character);
    const items = (list?.items ?? []) as CompletionItem[];
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.deepEqual(sorted.map((i) => i.label), ['id', 'updated_at', 'user', 'user.login']);
    const login = items.find((i) => i.label === 'user.login')!;
    assert.equal(login.detail, 'string | null');
    assert.equal((login.textEdit as { newText: string }).newText, '["user", "login"]');
  });

  it('hovers a primary key path with its type and role', async () => {
    const keyAt = positionAt(text.indexOf('"id"', text.indexOf('"primaryKey"')) + 1);
    const hover = await client.hover(uri, keyAt.line, keyAt.character);
    const value = (hover?.contents as MarkupContent).value;
    // The path's facts first, then the documentation of `primaryKey` itself (not replaced by them).
    const [facts, documentation] = value.split('\n\n---\n\n');
    assert.equal(facts, "**`id`**: integer | null — the source's primary key");
    assert.match(documentation ?? '', /The \*\*primary key\*\* used to deduplicate/);
  });

  it('hovers a nested cursor path: its type, then the documentation of `cursorField`', async () => {
    const nestedText = text.replace('"cursorField": [\n            "updated_at"\n          ]', '"cursorField": ["user", "login"]');
    const nestedUri = 'file:///work/nested-hover.connection.json';
    await client.open(nestedUri, nestedText);
    const offset = nestedText.lastIndexOf('"login"') + 2;
    const lines = nestedText.slice(0, offset).split('\n');
    const hover = await client.hover(nestedUri, lines.length - 1, lines[lines.length - 1].length);
    const [facts, documentation] = (hover?.contents as MarkupContent).value.split('\n\n---\n\n');
    assert.equal(facts, '**`user.login`**: string | null');
    assert.match(documentation ?? '', /Path to the \*\*cursor field\*\*/);
  });

  it('completes `"cursorField": |` and `"primaryKey": |` (no value yet) with whole values', async () => {
    const typing = 'file:///work/typing.connection.json';
    // The user is writing a new config: the values are not there yet.
    const partial = text.replace('"cursorField": [\n            "updated_at"\n          ]', '"cursorField": ').replace(/"primaryKey": \[[^\]]*\]\s*\]/, '"primaryKey": ');
    assert.ok(partial.includes('"cursorField": ,') && partial.includes('"primaryKey": ,'), partial);
    await client.open(typing, partial);
    const at = (needle: string) => {
      const offset = partial.indexOf(needle) + needle.length;
      const lines = partial.slice(0, offset).split('\n');
      return { line: lines.length - 1, character: lines[lines.length - 1].length };
    };
    const valuesAt = async (needle: string) => {
      const position = at(needle);
      const list = await client.completion(typing, position.line, position.character);
      const items = [...((list?.items ?? []) as CompletionItem[])].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
      return items.map((i) => {
        const edit = i.textEdit as { newText: string; range: { start: unknown; end: unknown } };
        assert.deepEqual(edit.range, { start: position, end: position });
        return [i.label, edit.newText];
      });
    };
    assert.deepEqual(await valuesAt('"cursorField": '), [
      ['id', '["id"]'],
      ['updated_at', '["updated_at"]'],
      ['user', '["user"]'],
      ['user.login', '["user", "login"]'],
    ]);
    assert.deepEqual(await valuesAt('"primaryKey": '), [
      ['id', '[["id"]]'],
      ['updated_at', '[["updated_at"]]'],
      ['user', '[["user"]]'],
      ['user.login', '[["user", "login"]]'],
    ]);
  });
});
