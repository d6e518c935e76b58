// Ids from the Airbyte server, per document: the server asks the editor for the document's
// `airbyte.serverUrl` (workspace/configuration) and for its lists (`airbyte/resources` with the
// document's uri), and caches the lists per server in canonical form.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type CancellationToken } from 'vscode-jsonrpc';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-protocol';
import type { AirbyteResourcesParams, AirbyteResourcesResult } from '../../core/protocol';
import { LspTestClient, positionOf } from './lspTestClient';

// Two folders, two servers; a third folder spells the first server differently.
const SERVER_OF: Record<string, string> = {
  'file:///a/': 'http://127.0.0.1:8000/api/',
  'file:///b/': 'https://airbyte.example.com/api',
  'file:///c/': 'http://LOCALHOST:8000/api',
  'file:///slow/': 'https://slow.example.com/api',
  'file:///consent/': 'https://consent.example.com/api',
};
const serverOf = (uri: string) => Object.entries(SERVER_OF).find(([prefix]) => uri.startsWith(prefix))?.[1];

function listsFor(uri: string): AirbyteResourcesResult {
  const server = serverOf(uri) ?? '';
  const tag = server.includes('example.com') ? 'B' : 'A';
  return {
    ok: true,
    resources: {
      serverUrl: server,
      sources: [{ id: `${tag === 'A' ? '1' : '2'}1111111-1111-4111-8111-111111111111`, name: `Source on ${tag}` }],
      destinations: [],
    },
  };
}

describe('ids from the Airbyte server, per document', () => {
  let client: LspTestClient;
  const asked: string[] = [];
  // The slow server's lookup: resolves only when the language server cancels it.
  let slowLookup: { arrived: () => void; cancelled: Promise<void> } | undefined;
  let slowArrived!: Promise<void>;
  before(async () => {
    client = new LspTestClient();
    client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => (item.section === 'airbyte.serverUrl' ? serverOf(item.scopeUri ?? '') : null)),
    );
    slowArrived = new Promise((resolve) => (slowLookup = { arrived: resolve, cancelled: Promise.resolve() }));
    client.connection.onRequest('airbyte/resources', (params: AirbyteResourcesParams, token: CancellationToken) => {
      asked.push(params.uri);
      if (params.uri.startsWith('file:///consent/')) {
        return { ok: false, reason: 'not allowed yet', needsPermission: true, serverUrl: 'https://consent.example.com/api' };
      }
      if (!params.uri.startsWith('file:///slow/')) return listsFor(params.uri);
      // Opening the file looks its lists up quietly (for validation); only the user's lookup hangs.
      if (params.quiet) return { ok: false, reason: 'lookups on this server are not allowed yet' };
      const cancelled = new Promise<AirbyteResourcesResult>((resolve) => token.onCancellationRequested(() => resolve({ ok: false, reason: 'cancelled' })));
      slowLookup!.cancelled = cancelled.then(() => undefined);
      slowLookup!.arrived();
      return cancelled;
    });
    await client.initialize({ airbyteResources: true });
  });
  after(() => client.stop());

  const labelsAt = async (uri: string, text: string) => {
    await client.open(uri, text);
    const at = positionOf(text, '""', 1);
    const list = await client.completion(uri, at.line, at.character);
    return (list?.items ?? []).map((i: CompletionItem) => i.label);
  };

  it("each document gets its own server's ids; the request names the document", async () => {
    assert.ok((await labelsAt('file:///a/one.connection.json', '{\n  "sourceId": ""\n}')).includes('Source on A'));
    assert.ok((await labelsAt('file:///b/two.connection.json', '{\n  "sourceId": ""\n}')).includes('Source on B'));
    // Opening a document also looks its lists up quietly (for validation): each document asks for itself.
    assert.deepEqual([...new Set(asked)], ['file:///a/one.connection.json', 'file:///b/two.connection.json']);
  });

  it('the lists are cached per server: another spelling of the same server asks nothing', async () => {
    const before = asked.length;
    assert.ok((await labelsAt('file:///c/three.connection.json', '{\n  "sourceId": ""\n}')).includes('Source on A'));
    assert.equal(asked.length, before);
  });

  it('a cancelled completion cancels the id lookup it was waiting for', { timeout: 30_000 }, async () => {
    const uri = 'file:///slow/four.connection.json';
    const text = '{\n  "sourceId": ""\n}';
    await client.open(uri, text);
    const at = positionOf(text, '""', 1);
    const cancel = new CancellationTokenSource();
    const completion = client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: at }, cancel.token);
    await slowArrived;
    cancel.cancel();
    await completion.catch(() => undefined);
    // The lookup's own cancellation reached the editor side (no fixed wait: this resolves only then).
    await slowLookup!.cancelled;
  });

  it('property names such as constructor, __proto__ and toString never reach object prototypes', async () => {
    const before = asked.length;
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const uri = `file:///a/${key}.connection.json`;
      const text = `{\n  "${key}": ""\n}`;
      const labels = await labelsAt(uri, text);
      assert.ok(!labels.some((l) => /Source on/.test(l)), `${key}: ${labels.join(', ')}`);
      const at = positionOf(text, '""', 1);
      const hover = await client.hover(uri, at.line, at.character);
      const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      assert.doesNotMatch(value, /native code|function Object/);
    }
    assert.equal(asked.length, before, 'no lookup for those keys');
    assert.equal(client.stderr.includes('TypeError'), false, client.stderr);
  });

  it('before consent, id completion offers to allow the server, sorted last, leaving an empty string', async () => {
    const uri = 'file:///consent/five.connection.json';
    const text = '{\n  "sourceId": ""\n}';
    await client.open(uri, text);
    const at = positionOf(text, '""', 1);
    const list = await client.completion(uri, at.line, at.character);
    const items: CompletionItem[] = list?.items ?? [];
    const offer = items.find((i) => i.label === 'Allow lookups on https://consent.example.com/api…');
    assert.ok(offer, items.map((i) => i.label).join(', '));
    assert.deepEqual(offer.command?.command, 'airbyte.allowLookupsAndSuggest');
    assert.deepEqual(offer.command?.arguments, [{ uri }]);
    assert.equal((offer.textEdit as { newText: string } | undefined)?.newText, '"$1"');
    for (const other of items) if (other !== offer) assert.ok((other.sortText ?? other.label) < offer.sortText!, other.label);
  });
});
