// The lifecycle core without a server: normalisation, the plan's diff, the reset prediction
// (checked against the local server's own decision), the state file and export.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  changeLines,
  diffConnections,
  exportConnectionFile,
  normalizeFile,
  normalizeLive,
  parseState,
  predictResets,
  readStateFile,
  stateFilePath,
  writeStateEntry,
} from '../../core/lifecycle';
import type { WebBackendConnectionRead } from '../../core/api';
import type { AirbyteCatalog } from '../../local-airbyte/apiTypes';
import { streamsToReset } from '../../local-airbyte/resetDecision';

const ids = { sourceId: '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01', destinationId: '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01' };

function entry(name: string, config: Record<string, unknown> = {}, properties: Record<string, unknown> = { id: { type: 'number' } }) {
  return {
    stream: { name, namespace: 'public', jsonSchema: { type: 'object', properties }, supportedSyncModes: ['full_refresh', 'incremental'] },
    config: { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', selected: true, ...config },
  };
}

function live(streams: ReturnType<typeof entry>[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    connectionId: 'c', name: 'n', ...ids, status: 'active', namespaceDefinition: 'source', prefix: '', geography: 'auto',
    nonBreakingChangesPreference: 'ignore', scheduleType: 'manual', syncCatalog: { streams }, operationIds: [], operations: [], ...extra,
  };
}

describe('normalisation', () => {
  it('treats the defaults Airbyte fills in, key order and the legacy schedule as no change', () => {
    const file = normalizeFile({ status: 'active', ...ids, name: 'n', schedule: { units: 24, timeUnit: 'hours' }, syncCatalog: { streams: [entry('a', { aliasName: 'a' })] } });
    const server = normalizeLive(live([entry('a', { cursorField: [], primaryKey: [] }), entry('b', { selected: false })], {
      scheduleType: 'basic', scheduleData: { basicSchedule: { units: 24, timeUnit: 'hours' } }, schedule: { units: 24, timeUnit: 'hours' },
    }));
    assert.deepEqual(changeLines(diffConnections(server, file)), []);
  });

  it('names every changed field, added and removed stream', () => {
    const server = normalizeLive(live([entry('a'), entry('b')]));
    const file = normalizeFile({ ...live([entry('a', { syncMode: 'incremental', destinationSyncMode: 'append', cursorField: ['id'] }), entry('c')]), prefix: 'x_' });
    assert.deepEqual(changeLines(diffConnections(server, file)), [
      '~ prefix: "" → "x_"',
      '+ stream public.c (full_refresh → overwrite)',
      '- stream public.b',
      '~ stream public.a: syncMode: "full_refresh" → "incremental"',
      '~ stream public.a: destinationSyncMode: "overwrite" → "append"',
      '~ stream public.a: cursorField: [] → ["id"]',
    ]);
  });
});

describe('reset prediction', () => {
  const cases: [string, ReturnType<typeof entry>[], ReturnType<typeof entry>[]][] = [
    ['a rename resets nothing', [entry('a'), entry('b')], [entry('a'), entry('b')]],
    ['a changed sync mode resets that stream', [entry('a'), entry('b')], [entry('a', { destinationSyncMode: 'append' }), entry('b')]],
    ['a reordered primary key set does not reset', [entry('a', { primaryKey: [['x'], ['y']] })], [entry('a', { primaryKey: [['y'], ['x']] })]],
    ['an added field in the schema resets', [entry('a')], [entry('a', {}, { id: { type: 'number' }, name: { type: 'string' } })]],
    ['selecting and deselecting reset', [entry('a'), entry('b')], [entry('a', { selected: false }), entry('c')]],
    ['an alias change does not reset', [entry('a')], [entry('a', { aliasName: 'other' })]],
  ];
  for (const stateType of ['stream', 'not_set']) {
    for (const [title, before, after] of cases) {
      it(`${title} (state ${stateType}) — as the local server decides`, () => {
        const predicted = predictResets(normalizeLive(live(before)), normalizeFile(live(after)), stateType);
        const server = streamsToReset({ streams: before } as AirbyteCatalog, { streams: after } as AirbyteCatalog, stateType)
          .map((s) => `${s.namespace}.${s.name}`)
          .sort();
        assert.deepEqual(predicted.streams, server);
        assert.equal(predicted.allStreams, stateType === 'not_set' && server.length > 0);
      });
    }
  }
});

describe('state file', () => {
  it('sits beside the connection file, keeps other servers and normalises URLs', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'state-'));
    const state = stateFilePath(path.join(dir, 'orders.connection.json'));
    assert.equal(path.basename(state), 'orders.connection.state.json');
    assert.deepEqual(await readStateFile(state), { ok: true, state: { connections: {} } });
    await writeStateEntry(state, 'https://b.example/api/', '11111111-2222-4333-8444-555555555555');
    await writeStateEntry(state, 'http://a.example/api', '66666666-2222-4333-8444-555555555555');
    assert.equal(
      await fs.readFile(state, 'utf8'),
      '{\n  "connections": {\n    "http://a.example/api": "66666666-2222-4333-8444-555555555555",\n    "https://b.example/api": "11111111-2222-4333-8444-555555555555"\n  }\n}\n',
    );
    await fs.rm(dir, { recursive: true });
  });

  it('refuses what is not a map of server URL to connection id', () => {
    assert.equal(parseState('nope', 'x').ok, false);
    assert.equal(parseState('{"connections": []}', 'x').ok, false);
    assert.equal(parseState('{"connections": {"u": "not-an-id"}}', 'x').ok, false);
  });
});

describe('export', () => {
  it('writes only what differs from the defaults, selected streams only, and plans empty against its source', () => {
    const read = live([entry('a', { aliasName: 'a', suggested: true, cursorField: [], primaryKey: [['id']] }), entry('b', { selected: false })], {
      prefix: 'p_', scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 * * * ?', cronTimeZone: 'UTC' } },
    }) as WebBackendConnectionRead;
    const file = exportConnectionFile(read);
    assert.deepEqual(Object.keys(file), ['name', 'sourceId', 'destinationId', 'status', 'scheduleType', 'scheduleData', 'prefix', 'syncCatalog']);
    const streams = (file.syncCatalog as { streams: { config: Record<string, unknown> }[] }).streams;
    assert.equal(streams.length, 1);
    assert.deepEqual(streams[0].config, { syncMode: 'full_refresh', destinationSyncMode: 'overwrite', primaryKey: [['id']], selected: true });
    assert.deepEqual(changeLines(diffConnections(normalizeLive(read), normalizeFile(file))), []);
  });
});

describe('local-airbyte web_backend/connections/update', () => {
  it('patches, answers 404 for an unknown connection and 500 without connectionId (v0.44.3 has no bean validation: a null id), and honours skipReset', async () => {
    const { createLocalAirbyte } = await import('../../local-airbyte/createLocalAirbyte');
    const { AirbyteClient } = await import('../../core/api');
    const airbyte = await createLocalAirbyte({ auth: false, warn: () => undefined });
    try {
      const client = new AirbyteClient({ serverUrl: airbyte.url, auth: { kind: 'none' }, timeoutMs: 10_000 });
      const created = await client.createConnection({ ...ids, name: 'u', status: 'active', syncCatalog: { streams: [entry('a')] } });
      assert.ok(created.ok);
      const id = created.value.connectionId;
      const renamed = await client.updateConnection({ connectionId: id, name: 'renamed' });
      assert.ok(renamed.ok);
      assert.equal(renamed.value.name, 'renamed');
      assert.equal((renamed.value.syncCatalog as { streams: unknown[] }).streams.length, 1, 'absent fields stay');
      assert.deepEqual(airbyte.store.resetsOf(id), []);

      const skipped = await client.updateConnection({ connectionId: id, skipReset: true, syncCatalog: { streams: [entry('a', { destinationSyncMode: 'append' })] } });
      assert.ok(skipped.ok);
      assert.deepEqual(airbyte.store.resetsOf(id), []);

      const withOperation = await client.updateConnection({
        connectionId: id,
        operations: [{ workspaceId: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6', name: 'norm', operatorConfiguration: { operatorType: 'normalization', normalization: { option: 'basic' } } }],
      });
      assert.ok(withOperation.ok);
      assert.equal((withOperation.value.operationIds as string[]).length, 1);

      const unknown = await client.updateConnection({ connectionId: '00000000-1111-4222-8333-444444444444', name: 'x' });
      assert.equal(unknown.ok ? 'ok' : unknown.error.kind, 'notFound');
      const missing = await client.updateConnection({ name: 'x' } as unknown as { connectionId: string });
      assert.equal(missing.ok ? 'ok' : missing.error.status, 500);
      const stateType = await client.getStateType(id);
      assert.deepEqual(stateType, { ok: true, value: 'not_set' });
    } finally {
      await airbyte.close();
    }
  });
});
