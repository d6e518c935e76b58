// Bad input never crashes or hangs the server: every request is answered and diagnostics are
// published. A huge file being validated does not block completion in another file.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { bigCatalog } from './catalogFixture';
import { LspTestClient } from './lspTestClient';

const SOURCE = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';

// [name, text, whether the file has problems]
const cases: Array<[string, string, boolean]> = [
  ['broken JSON', '{ "sourceId": "abc", "status": ', true],
  // A 2 MB string where Airbyte has no column limit (a name over 256 characters fails with 500).
  ['a valid file with a 2 MB string', `{ "sourceId": "${SOURCE}", "destinationId": "${DESTINATION}", "status": "active", "syncCatalog": { "streams": [{ "stream": { "name": "a", "jsonSchema": { "description": "${'x'.repeat(2 * 1024 * 1024)}" }, "supportedSyncModes": ["full_refresh"] }, "config": { "syncMode": "full_refresh", "destinationSyncMode": "append", "selected": true } }] } }`, false],
  ['a 2 MB string that never ends', `{ "sourceId": "${SOURCE}", "name": "${'x'.repeat(2 * 1024 * 1024)}`, true],
  ['20,000 levels of nesting', '['.repeat(20_000) + ']'.repeat(20_000), true],
  ['20,000 levels of unclosed nesting', '{"a":'.repeat(20_000), true],
  ['a root that is not an object', '[1, 2, 3]', true],
  ['an empty file', '', true],
  ['random bytes', randomBytes(64 * 1024).toString('latin1'), true],
];

describe('robustness of the standalone server', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.stop());

  for (const [name, text, hasProblems] of cases) {
    it(`answers every request and publishes diagnostics for ${name}`, async () => {
      const uri = `file:///work/${name.replace(/\W+/g, '-')}.connection.json`;
      await client.open(uri, text);
      const diagnostics = await client.diagnostics(uri);
      assert.equal(diagnostics.length > 0, hasProblems, JSON.stringify(diagnostics).slice(0, 500));
      assert.ok(diagnostics.every((d) => typeof d.message === 'string' && d.message.length > 0));
      // Every feature still answers.
      await client.completion(uri, 0, 1);
      await client.hover(uri, 0, 1);
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/foldingRange', { textDocument: { uri } });
      assert.equal(client.process.exitCode, null, `server exited: ${client.stderr}`);
    });
  }

  it('says why a deeply nested file is not analysed', async () => {
    const uri = 'file:///work/deep-message.connection.json';
    await client.open(uri, '['.repeat(20_000) + ']'.repeat(20_000));
    const [d] = await client.diagnostics(uri, (ds) => ds.length > 0);
    assert.match(d.message, /nested more than/);
  });

  it('answers completion in a small file while a large catalog is being validated', async () => {
    const big = bigCatalog(3000);
    assert.ok(big.length > 10_000_000, `catalog is ${big.length} bytes`);
    const bigUri = 'file:///work/big.connection.json';
    const smallUri = 'file:///work/small.connection.json';
    await client.open(smallUri, '{\n  \n}');
    await client.diagnostics(smallUri);
    await client.open(bigUri, big);
    const list = await client.completion(smallUri, 1, 2);
    assert.ok((list?.items ?? []).some((i) => i.label === 'sourceId'));
    const diagnostics = await client.diagnostics(bigUri, () => true, 120_000);
    // Sent compacted it is still over Micronaut's 10 MiB limit: v0.44.3 answers 413, nothing else is wrong.
    assert.deepEqual(diagnostics.map((d) => d.code), ['body-too-large']);
  });
});
