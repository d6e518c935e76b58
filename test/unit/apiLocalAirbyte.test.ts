// The API client against the project's local Airbyte-compatible server: the shapes a real
// server answers with, end to end.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AirbyteClient, type AirbyteClientConfig } from '../../core/api';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';

const WORKSPACE_ID = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';
const SOURCE_ID = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION_ID = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';
const UNKNOWN_SOURCE_ID = '00000000-0000-4000-8000-00000000dead';

const connection = (overrides: Record<string, unknown> = {}) => ({
  name: 'Postgres to Snowflake (api test)',
  sourceId: SOURCE_ID,
  destinationId: DESTINATION_ID,
  status: 'active',
  scheduleType: 'manual',
  syncCatalog: { streams: [] },
  ...overrides,
});

let airbyte: LocalAirbyte;
let folder: string;

before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'airbyte-api-test-'));
  airbyte = await createLocalAirbyte({
    port: 0,
    host: '127.0.0.1',
    dataFile: path.join(folder, 'data.json'),
    auth: { username: 'airbyte', password: 'password' },
    warn: () => undefined,
  });
});

after(async () => {
  await airbyte?.close();
  await rm(folder, { recursive: true, force: true });
});

function client(overrides: Partial<AirbyteClientConfig> = {}) {
  return new AirbyteClient({
    serverUrl: airbyte.url,
    auth: { kind: 'basic', username: 'airbyte', password: 'password' },
    timeoutMs: 5000,
    ...overrides,
  });
}

describe('against the local Airbyte server', () => {
  test('createConnection succeeds and the connection exists on the server', async () => {
    const result = await client().createConnection(connection());
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.equal(result.value.name, 'Postgres to Snowflake (api test)');
    assert.equal(result.value.source?.workspaceId, WORKSPACE_ID);
    assert.equal(airbyte.store.getConnection(result.value.connectionId).connectionId, result.value.connectionId);
  });

  test('an unknown sourceId is a notFound at sourceId', async () => {
    const result = await client().createConnection(connection({ sourceId: UNKNOWN_SOURCE_ID }));
    assert.ok(!result.ok && result.error.kind === 'notFound');
    assert.equal(result.error.id, UNKNOWN_SOURCE_ID);
    assert.deepEqual(result.error.field, ['sourceId']);
  });

  test('a bad status value is a validation error mapped to status', async () => {
    const result = await client().createConnection(connection({ status: 'paused' }));
    assert.ok(!result.ok && result.error.kind === 'validation', JSON.stringify(result));
    assert.deepEqual(result.error.issues[0].path, ['status']);
  });

  test('a malformed id deep in the body is a 400 placed on it, with Micronaut\'s message', async () => {
    const result = await client().createConnection(
      connection({ operations: [{ workspaceId: 'not-a-uuid', name: 'n', operatorConfiguration: { operatorType: 'normalization', normalization: { option: 'basic' } } }] }),
    );
    assert.ok(!result.ok && result.error.kind === 'validation', JSON.stringify(result));
    assert.equal(result.error.status, 400);
    assert.deepEqual(result.error.issues[0].path, ['operations', 0, 'workspaceId']);
    assert.match(result.error.issues[0].message, /Cannot deserialize value of type `java.util.UUID` from String "not-a-uuid"/);
  });

  test('a missing status is accepted, as v0.44.3 accepts it', async () => {
    const body: Record<string, unknown> = connection();
    delete body.status;
    const result = await client().createConnection(body);
    assert.ok(result.ok, JSON.stringify(result));
  });

  test('a 422 schedule message lands on the schedule', async () => {
    const result = await client().createConnection(
      connection({ scheduleType: 'cron', scheduleData: { cron: { cronExpression: 'not a cron', cronTimeZone: 'UTC' } } }),
    );
    assert.ok(!result.ok && result.error.kind === 'validation', JSON.stringify(result));
    assert.equal(result.error.status, 422);
    assert.deepEqual(result.error.issues[0].path, ['scheduleData', 'cron', 'cronExpression']);
  });

  test('wrong password is unauthorized', async () => {
    const result = await client({ auth: { kind: 'basic', username: 'airbyte', password: 'nope' } }).createConnection(connection());
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'unauthorized');
  });

  test('health and the lists used for completion', async () => {
    const c = client();
    const health = await c.health();
    assert.ok(health.ok && health.value.available);
    const workspaces = await c.listWorkspaces();
    assert.ok(workspaces.ok && workspaces.value.some((w) => w.workspaceId === WORKSPACE_ID));
    const sources = await c.listSources(WORKSPACE_ID);
    assert.ok(sources.ok && sources.value.some((s) => s.sourceId === SOURCE_ID));
    const destinations = await c.listDestinations(WORKSPACE_ID);
    assert.ok(destinations.ok && destinations.value.some((d) => d.destinationId === DESTINATION_ID));
  });
});
