// Rules that need the Airbyte server's data (an operation whose workspace is not the source's):
// the language server gives the validator the sources it already may know, quietly (never
// prompting for permission), and validates the file again when that data arrives or changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { AirbyteResourcesParams, AirbyteResourcesResult } from '../../core/protocol';
import { LspTestClient } from './lspTestClient';

const SOURCE = '11111111-1111-4111-8111-111111111111';
const SOURCE_WORKSPACE = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';
const OTHER_WORKSPACE = '0f4c2a1e-3b5d-4e6f-9a7b-8c9d0e1f2a3b';

const body = (operationWorkspace: string) =>
  JSON.stringify(
    {
      sourceId: SOURCE,
      destinationId: '22222222-2222-4222-8222-222222222222',
      status: 'active',
      operations: [{ workspaceId: operationWorkspace, name: 'normalize', operatorConfiguration: { operatorType: 'normalization', normalization: { option: 'basic' } } }],
    },
    null,
    2,
  );

const lists: AirbyteResourcesResult = {
  ok: true,
  resources: {
    serverUrl: 'http://127.0.0.1:8000/api',
    sources: [{ id: SOURCE, name: 'Postgres', workspaceId: SOURCE_WORKSPACE }],
    destinations: [],
  },
};

const workspaceErrors = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'operation-workspace');

describe('validation with the server data the editor already allows', () => {
  let client: LspTestClient;
  const asked: AirbyteResourcesParams[] = [];
  let allowed = false;
  let answered!: () => void;
  let firstAnswer!: Promise<void>;
  before(async () => {
    client = new LspTestClient();
    client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'airbyte.serverUrl' ? 'http://127.0.0.1:8000/api' : null)),
    );
    firstAnswer = new Promise((resolve) => (answered = resolve));
    client.connection.onRequest('airbyte/resources', (params: AirbyteResourcesParams): AirbyteResourcesResult => {
      asked.push(params);
      setImmediate(answered);
      return allowed ? lists : { ok: false, reason: 'lookups on this server are not allowed yet', needsPermission: true };
    });
    await client.initialize({ airbyteResources: true });
  });
  after(() => client.stop());

  it('without permission: asked quietly, no server-data error; once allowed, the error appears', async () => {
    const uri = 'file:///w/ops.connection.json';
    const text = body(OTHER_WORKSPACE);
    await client.open(uri, text);
    await firstAnswer;
    assert.deepEqual(asked, [{ uri, quiet: true }], 'validation asks quietly (the editor must not prompt)');
    // A later version is validated after the refusal was handled: still no server-data error.
    await client.change(uri, text + '\n');
    assert.deepEqual(workspaceErrors(await client.diagnostics(uri)), []);

    allowed = true;
    await client.connection.sendNotification('airbyte/resourcesChanged');
    const found = workspaceErrors(await client.diagnostics(uri, (d) => workspaceErrors(d).length > 0));
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 1);
    assert.match(found[0].message, new RegExp(`workspace ${OTHER_WORKSPACE}.*source is in ${SOURCE_WORKSPACE}.*500`));
    assert.equal(found[0].range.start.line, text.split('\n').findIndex((line) => line.includes(OTHER_WORKSPACE)));
  });

  it("an operation in the source's workspace has no error with the data known; edits keep the data", async () => {
    const uri = 'file:///w/same.connection.json';
    const text = body(SOURCE_WORKSPACE);
    await client.open(uri, text);
    assert.deepEqual(workspaceErrors(await client.diagnostics(uri)), []);
    // Editing the operation's workspace to another one: the header is judged with the known sources.
    const line = text.split('\n').findIndex((l) => l.includes(SOURCE_WORKSPACE));
    const character = text.split('\n')[line].indexOf(SOURCE_WORKSPACE);
    await client.edit(uri, { start: { line, character }, end: { line, character: character + SOURCE_WORKSPACE.length } }, OTHER_WORKSPACE);
    assert.equal(workspaceErrors(await client.diagnostics(uri, (d) => workspaceErrors(d).length > 0)).length, 1);
  });

  it('Create Connection\'s check of a text uses the same server data', async () => {
    const result = await client.request<{ diagnostics: Diagnostic[] }>('airbyte/validateText', { uri: 'file:///w/ops.connection.json', text: body(OTHER_WORKSPACE) });
    assert.equal(workspaceErrors(result.diagnostics).length, 1);
  });
});

describe('a quiet lookup under way and a user request', () => {
  let client: LspTestClient;
  const asked: AirbyteResourcesParams[] = [];
  let release!: () => void;
  let quietArrived!: () => void;
  const quietAsked = new Promise<void>((resolve) => (quietArrived = resolve));
  before(async () => {
    client = new LspTestClient();
    client.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'airbyte.serverUrl' ? 'http://127.0.0.1:8000/api' : null)),
    );
    client.connection.onRequest('airbyte/resources', (params: AirbyteResourcesParams): AirbyteResourcesResult | Promise<AirbyteResourcesResult> => {
      asked.push(params);
      const refusal: AirbyteResourcesResult = { ok: false, reason: 'lookups on this server are not allowed yet', needsPermission: true, serverUrl: 'http://127.0.0.1:8000/api' };
      if (!params.quiet) return refusal;
      quietArrived();
      return new Promise((resolve) => (release = () => resolve(refusal)));
    });
    await client.initialize({ airbyteResources: true });
  });
  after(() => {
    release?.();
    return client.stop();
  });

  it('a completion does not wait on the quiet lookup: it asks itself, so the editor may offer to allow lookups', { timeout: 30_000 }, async () => {
    const uri = 'file:///q/ids.connection.json';
    const text = '{\n  "sourceId": ""\n}';
    await client.open(uri, text);
    await quietAsked;
    const list = await client.completion(uri, 1, 15);
    assert.deepEqual(asked.map((p) => p.quiet ?? false), [true, false]);
    assert.ok((list?.items ?? []).some((i: { label: string }) => i.label.startsWith('Allow lookups')), JSON.stringify(list?.items.map((i: { label: string }) => i.label)));
  });
});

describe('validation without server data', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.stop());

  it('an editor that offers no server lists: no server-data error', async () => {
    const uri = 'file:///none/ops.connection.json';
    await client.open(uri, body(OTHER_WORKSPACE));
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(workspaceErrors(diagnostics), []);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 1), []);
  });
});
