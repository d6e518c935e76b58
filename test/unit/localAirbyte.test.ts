import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseCliArgs } from '../../local-airbyte/cliArgs';
import { createLocalAirbyte, type LocalAirbyte, type LocalAirbyteOptions } from '../../local-airbyte/createLocalAirbyte';
import { SEED_IDS } from '../../local-airbyte/seed';

const AUTH = `Basic ${Buffer.from('airbyte:password').toString('base64')}`;
const WORKSPACE = SEED_IDS.workspace;
const POSTGRES = SEED_IDS.sources.postgres;
const STRIPE = SEED_IDS.sources.stripe;
const SNOWFLAKE = SEED_IDS.destinations.snowflake;

interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

async function call(
  server: LocalAirbyte,
  endpoint: string,
  body?: unknown,
  init: { method?: string; authorization?: string | null; raw?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (init.authorization !== null) headers.Authorization = init.authorization ?? AUTH;
  const method = init.method ?? 'POST';
  const payload = init.raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(`${server.url}${endpoint}`, { method, headers, body: method === 'GET' ? undefined : payload });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // HTML (the 401 page) stays text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

const tempDirs: string[] = [];
after(() => Promise.all(tempDirs.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'local-airbyte-test-'));
  tempDirs.push(dir);
  return dir;
}

async function tempDataFile(): Promise<string> {
  return path.join(await tempDir(), 'nested', 'data.json');
}

function createBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { sourceId: POSTGRES, destinationId: SNOWFLAKE, status: 'active', ...extra };
}

async function withServer<T>(options: LocalAirbyteOptions, use: (server: LocalAirbyte) => Promise<T>): Promise<T> {
  const server = await createLocalAirbyte({ warn: () => {}, ...options });
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

describe('local Airbyte server', () => {
  let server: LocalAirbyte;
  before(async () => {
    server = await createLocalAirbyte({ port: 0 });
  });
  after(() => server.close());

  describe('authentication', () => {
    it('listens on loopback with the /api base path', () => assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/api$/));

    it('answers the health check without credentials, on GET and POST', async () => {
      for (const method of ['GET', 'POST']) {
        const reply = await call(server, '/v1/health', undefined, { method, authorization: null });
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body, { available: true });
      }
    });

    it('answers 401 with a Basic challenge when credentials are missing or wrong', async () => {
      const wrong = `Basic ${Buffer.from('airbyte:nope').toString('base64')}`;
      for (const authorization of [null, wrong, 'Bearer abc']) {
        const reply = await call(server, '/v1/workspaces/list', undefined, { authorization });
        assert.equal(reply.status, 401);
        assert.equal(reply.headers.get('www-authenticate'), 'Basic realm="Airbyte"');
        assert.match(String(reply.body), /401 Authorization Required/);
      }
    });

    it('asks for credentials before revealing whether a path exists', async () => {
      const reply = await call(server, '/v1/nope', {}, { authorization: null });
      assert.equal(reply.status, 401);
    });

    it('runs without authentication when auth is false', () =>
      withServer({ auth: false }, async (open) => {
        const reply = await call(open, '/v1/workspaces/list', undefined, { authorization: null });
        assert.equal(reply.status, 200);
      }));
  });

  describe('reads', () => {
    it('lists the seeded workspaces (also with an empty body)', async () => {
      const reply = await call(server, '/v1/workspaces/list');
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body.workspaces.map((w: any) => w.name), ['Data Platform', 'Sandbox']);
      const [workspace] = reply.body.workspaces;
      assert.equal(workspace.workspaceId, WORKSPACE);
      assert.equal(workspace.name, 'Data Platform');
      for (const field of ['customerId', 'slug', 'initialSetupComplete']) assert.ok(field in workspace, field);
    });

    it('gets a workspace by id, 404 for an unknown one', async () => {
      assert.equal((await call(server, '/v1/workspaces/get', { workspaceId: WORKSPACE })).body.name, 'Data Platform');
      assert.equal((await call(server, '/v1/workspaces/get', { workspaceId: SNOWFLAKE })).status, 404);
    });

    it('lists sources and destinations of the workspace with masked secrets', async () => {
      const sources = (await call(server, '/v1/sources/list', { workspaceId: WORKSPACE })).body.sources;
      assert.deepEqual(
        sources.map((s: any) => [s.sourceId, s.name]),
        [
          [POSTGRES, 'Postgres — orders db'],
          [STRIPE, 'Stripe'],
          [SEED_IDS.sources.github, 'GitHub — airbytehq'],
        ],
      );
      assert.equal(sources[0].sourceName, 'Postgres');
      assert.equal(sources[0].connectionConfiguration.password, '**********');
      for (const source of sources) {
        for (const field of ['sourceDefinitionId', 'workspaceId', 'connectionConfiguration', 'sourceName']) {
          assert.ok(field in source, field);
        }
      }
      const destinations = (await call(server, '/v1/destinations/list', { workspaceId: WORKSPACE })).body.destinations;
      assert.deepEqual(
        destinations.map((d: any) => [d.destinationId, d.name]),
        [
          [SNOWFLAKE, 'Snowflake — analytics'],
          [SEED_IDS.destinations.bigquery, 'BigQuery — warehouse'],
          [SEED_IDS.destinations.localJson, 'Local JSON'],
        ],
      );
      assert.ok(destinations.every((d: any) => d.destinationDefinitionId && d.destinationName));
    });

    it('lists nothing for an unknown workspace', async () => {
      const reply = await call(server, '/v1/sources/list', { workspaceId: SNOWFLAKE });
      assert.deepEqual(reply.body, { sources: [] });
    });

    it('gets a source and a destination; 404 with NotFoundKnownExceptionInfo otherwise', async () => {
      assert.equal((await call(server, '/v1/sources/get', { sourceId: STRIPE })).body.name, 'Stripe');
      assert.equal((await call(server, '/v1/destinations/get', { destinationId: SNOWFLAKE })).body.destinationName, 'Snowflake');
      const unknown = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1eff';
      const missing = await call(server, '/v1/destinations/get', { destinationId: unknown });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.id, unknown);
      assert.match(missing.body.message, new RegExp(`DESTINATION_CONNECTION: ${unknown}`));
      const malformed = await call(server, '/v1/destinations/get', { destinationId: 'not-a-uuid' });
      assert.equal(malformed.status, 400);
      assert.match(malformed.body._embedded.errors[0].message, /^Failed to convert argument \[destinationIdRequestBody\]/);
    });

    it('discovers the Postgres catalog', async () => {
      const reply = await call(server, '/v1/sources/discover_schema', { sourceId: POSTGRES });
      assert.equal(reply.status, 200);
      assert.equal(reply.body.catalogId, SEED_IDS.catalogs.postgres);
      assert.equal(reply.body.jobInfo.succeeded, true);
      assert.equal(reply.body.jobInfo.configId, POSTGRES);
      for (const field of ['id', 'configType', 'createdAt', 'endedAt']) assert.ok(field in reply.body.jobInfo, field);
      const streams = reply.body.catalog.streams;
      assert.deepEqual(
        streams.map((s: any) => `${s.stream.namespace}.${s.stream.name}`),
        ['public.orders', 'public.customers', 'public.order_items'],
      );
      const orders = streams[0];
      assert.deepEqual(orders.stream.supportedSyncModes, ['full_refresh', 'incremental']);
      assert.equal(orders.stream.sourceDefinedCursor, false);
      assert.deepEqual(orders.stream.defaultCursorField, []);
      assert.deepEqual(orders.stream.sourceDefinedPrimaryKey, [['id']]);
      assert.ok(orders.stream.jsonSchema.properties.total_amount);
      assert.equal(orders.config.syncMode, 'full_refresh');
      assert.equal(orders.config.destinationSyncMode, 'append');
    });

    it('discovers Stripe and GitHub with source-defined cursors', async () => {
      const stripe = (await call(server, '/v1/sources/discover_schema', { sourceId: STRIPE })).body.catalog.streams;
      assert.deepEqual(stripe.map((s: any) => s.stream.name), ['charges', 'customers', 'invoices']);
      assert.ok(stripe.every((s: any) => s.stream.sourceDefinedCursor === true));
      assert.deepEqual(stripe[0].stream.defaultCursorField, ['created']);
      const github = (await call(server, '/v1/sources/discover_schema', { sourceId: SEED_IDS.sources.github })).body.catalog;
      assert.deepEqual(github.streams.map((s: any) => s.stream.name), ['issues', 'pull_requests', 'commits']);
    });

    it('answers 404 when discovering an unknown source', async () => {
      const reply = await call(server, '/v1/sources/discover_schema', { sourceId: SNOWFLAKE });
      assert.equal(reply.status, 404);
    });

    it('lists the operations of the seeded connection', async () => {
      const reply = await call(server, '/v1/operations/list', { connectionId: SEED_IDS.connections.ordersToSnowflake });
      assert.deepEqual(reply.body.operations.map((o: any) => o.operationId), [SEED_IDS.operations.normalization]);
      assert.equal((await call(server, '/v1/operations/list', { connectionId: POSTGRES })).status, 404);
    });
  });

  describe('web_backend/connections/create', () => {
    it('creates a connection with Airbyte defaults and returns a WebBackendConnectionRead', async () => {
      const catalog = (await call(server, '/v1/sources/discover_schema', { sourceId: STRIPE })).body.catalog;
      const reply = await call(server, '/v1/web_backend/connections/create', {
        sourceId: STRIPE,
        destinationId: SNOWFLAKE,
        status: 'active',
        syncCatalog: catalog,
        scheduleType: 'cron',
        scheduleData: { cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'Europe/Berlin' } },
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const created = reply.body;
      const required = [
        'connectionId', 'name', 'sourceId', 'destinationId', 'syncCatalog', 'status', 'source', 'destination',
        'isSyncing', 'schemaChange', 'notifySchemaChanges', 'notifySchemaChangesByEmail', 'nonBreakingChangesPreference',
      ];
      for (const field of required) assert.ok(field in created, field);
      assert.match(created.connectionId, /^[0-9a-f-]{36}$/);
      assert.equal(created.name, 'Stripe <> Snowflake — analytics');
      assert.equal(created.namespaceDefinition, 'source');
      assert.equal(created.geography, 'auto');
      assert.equal(created.nonBreakingChangesPreference, 'ignore');
      assert.equal(created.isSyncing, false);
      assert.equal(created.schemaChange, 'no_change');
      assert.equal(created.catalogId, SEED_IDS.catalogs.stripe);
      assert.equal(created.source.sourceId, STRIPE);
      assert.equal(created.destination.destinationId, SNOWFLAKE);
      assert.deepEqual(created.operations, []);
      assert.equal(created.scheduleType, 'cron');
      assert.deepEqual(created.syncCatalog, catalog);
      assert.equal(created.latestSyncJobStatus, undefined);

      const got = await call(server, '/v1/web_backend/connections/get', { connectionId: created.connectionId });
      assert.deepEqual(got.body, created);
      const listed = await call(server, '/v1/web_backend/connections/list', { workspaceId: WORKSPACE });
      const item = listed.body.connections.find((c: any) => c.connectionId === created.connectionId);
      assert.equal(item.source.name, 'Stripe');
      assert.equal(item.destination.destinationName, 'Snowflake');
      const filtered = await call(server, '/v1/web_backend/connections/list', { workspaceId: WORKSPACE, sourceId: [STRIPE] });
      assert.ok(filtered.body.connections.every((c: any) => c.source.sourceId === STRIPE));
      const plain = await call(server, '/v1/connections/list', { workspaceId: WORKSPACE });
      const read = plain.body.connections.find((c: any) => c.connectionId === created.connectionId);
      assert.equal(read.breakingChange, false);
      assert.equal(read.workspaceId, WORKSPACE);
    });

    it('maps the legacy schedule to a basic schedule, and no schedule to manual', async () => {
      const legacy = await call(server, '/v1/web_backend/connections/create', createBody({ schedule: { units: 6, timeUnit: 'hours' } }));
      assert.equal(legacy.body.scheduleType, 'basic');
      assert.deepEqual(legacy.body.scheduleData, { basicSchedule: { units: 6, timeUnit: 'hours' } });
      assert.deepEqual(legacy.body.schedule, { units: 6, timeUnit: 'hours' });
      const manual = await call(server, '/v1/web_backend/connections/create', createBody({ name: 'by hand' }));
      assert.equal(manual.body.scheduleType, 'manual');
      assert.equal(manual.body.name, 'by hand');
      assert.deepEqual(manual.body.syncCatalog, { streams: [] });
    });

    it('ignores operationIds and creates the inline operations (v0.44.3 web_backend)', async () => {
      const reply = await call(
        server,
        '/v1/web_backend/connections/create',
        createBody({
          operationIds: [SEED_IDS.operations.dbt],
          operations: [
            { workspaceId: WORKSPACE, name: 'Normalize', operatorConfiguration: { operatorType: 'normalization', normalization: { option: 'basic' } } },
          ],
        }),
      );
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.equal(reply.body.operationIds.length, 1);
      assert.notEqual(reply.body.operationIds[0], SEED_IDS.operations.dbt);
      assert.deepEqual(reply.body.operations.map((o: any) => o.name), ['Normalize']);
      const listed = await call(server, '/v1/operations/list', { connectionId: reply.body.connectionId });
      assert.equal(listed.body.operations.length, 1);
    });

    it('answers 404 (IdNotFoundKnownException) for an unknown source or destination', async () => {
      const unknown = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5eff';
      const cases: [Record<string, unknown>, string][] = [
        [createBody({ sourceId: unknown }), 'SOURCE_CONNECTION'],
        [createBody({ destinationId: unknown }), 'DESTINATION_CONNECTION'],
        [createBody({ destinationId: POSTGRES }), 'DESTINATION_CONNECTION'],
      ];
      for (const [body, type] of cases) {
        const reply = await call(server, '/v1/web_backend/connections/create', body);
        assert.equal(reply.status, 404);
        const id = (body.sourceId === unknown ? unknown : body.destinationId) as string;
        assert.equal(reply.body.id, id);
        assert.equal(reply.body.message, `Could not find configuration for ${type}: ${id}.`);
        assert.equal(reply.body.exceptionClassName, 'io.airbyte.commons.server.errors.IdNotFoundKnownException');
        assert.equal(reply.body.rootCauseExceptionClassName, 'io.airbyte.config.persistence.ConfigNotFoundException');
      }
    });

    it('accepts a body without status (no bean validation) and stores a connection without one', async () => {
      const reply = await call(server, '/v1/web_backend/connections/create', { sourceId: POSTGRES, destinationId: SNOWFLAKE });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.equal(reply.body.status, undefined);
    });

    it("binds as Jackson does: nulls are omitted, numeric strings and single values are coerced, unknown properties dropped", async () => {
      const reply = await call(
        server,
        '/v1/web_backend/connections/create',
        createBody({
          prefix: null,
          namespaceFormat: null,
          unknownThing: 1,
          scheduleType: 'basic',
          scheduleData: { basicSchedule: { timeUnit: 'minutes', units: '30' } },
          syncCatalog: { streams: [{ stream: { name: 'orders', jsonSchema: {}, supportedSyncModes: 'incremental' }, config: { syncMode: 'incremental', cursorField: 'updated_at', destinationSyncMode: 'append_dedup', primaryKey: ['id'], selected: true } }] },
        }),
      );
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.scheduleData, { basicSchedule: { timeUnit: 'minutes', units: 30 } });
      const config = reply.body.syncCatalog.streams[0].config;
      assert.deepEqual([config.cursorField, config.primaryKey], [['updated_at'], [['id']]]);
      assert.equal('unknownThing' in reply.body, false);
    });

    const conversionCases: [string, Record<string, unknown>, RegExp, (string | number)[]][] = [
      ['a malformed UUID', { sourceId: 'x' }, /Cannot deserialize value of type `java.util.UUID` from String "x": UUID has to be represented by standard 36-char representation/, ['sourceId']],
      ['an unknown enum value', { status: 'paused' }, /Cannot construct instance of `io.airbyte.api.model.generated.ConnectionStatus`, problem: Unexpected value 'paused'/, ['status']],
      ['a nested unknown enum value', { syncCatalog: { streams: [{ stream: { name: 'a' }, config: { syncMode: 'full_refresh', destinationSyncMode: 'upsert', selected: true } }] } }, /Unexpected value 'upsert'/, ['syncCatalog', 'streams', 0, 'config', 'destinationSyncMode']],
      ['text where a number is needed', { scheduleType: 'basic', scheduleData: { basicSchedule: { timeUnit: 'hours', units: 'daily' } } }, /Cannot deserialize value of type `java.lang.Long` from String "daily"/, ['scheduleData', 'basicSchedule', 'units']],
      ['an object where text is needed', { name: { first: 'x' } }, /Cannot deserialize value of type `java.lang.String` from Object value/, ['name']],
    ];
    for (const [label, extra, message, chain] of conversionCases) {
      it(`answers Micronaut's 400 for ${label}`, async () => {
        const reply = await call(server, '/v1/web_backend/connections/create', createBody(extra));
        assert.equal(reply.status, 400);
        assert.equal(reply.body.message, 'Bad Request');
        assert.deepEqual(reply.body._links.self, { href: '/api/v1/web_backend/connections/create', templated: false });
        const [error] = reply.body._embedded.errors;
        assert.match(error.message, /^Failed to convert argument \[webBackendConnectionCreate\] for value \[null\] due to: /);
        assert.match(error.message, message);
        assert.equal(error.path, '/webBackendConnectionCreate');
        const links = chain.map((step) => (typeof step === 'number' ? `java.util.ArrayList[${step}]` : `["${step}"]`));
        for (const link of links) assert.ok(error.message.includes(link), `${link} in ${error.message}`);
      });
    }

    const STREAM = { name: 'orders', jsonSchema: { type: 'object', properties: { id: {}, updated_at: {} } }, supportedSyncModes: ['full_refresh', 'incremental'] };
    const failureCases: [string, Record<string, unknown>, number, RegExp][] = [
      ['schedule together with scheduleType (manual too)', { schedule: { units: 1, timeUnit: 'hours' }, scheduleType: 'manual' }, 422, /Errors: supply old or new schedule schema but not both$/],
      ['a selected stream without supportedSyncModes', { syncCatalog: { streams: [{ stream: { name: 'a', jsonSchema: {} }, config: { syncMode: 'full_refresh', destinationSyncMode: 'append', selected: true } }] } }, 500, /^Internal Server Error: null$/],
      ['a stream without selected', { syncCatalog: { streams: [{ stream: STREAM, config: { syncMode: 'full_refresh', destinationSyncMode: 'append' } }] } }, 500, /^Internal Server Error/],
      ['a catalog entry without config', { syncCatalog: { streams: [{ stream: STREAM }] } }, 500, /^Internal Server Error/],
      ['"streams": null', { syncCatalog: { streams: null } }, 500, /^Internal Server Error/],
      ['field selection without selectedFields', { syncCatalog: { streams: [{ stream: STREAM, config: { syncMode: 'full_refresh', destinationSyncMode: 'append', selected: true, fieldSelectionEnabled: true } }] } }, 422, /Errors: Requested field selection but no selected fields provided$/],
      ['a de-selected cursor', { syncCatalog: { streams: [{ stream: STREAM, config: { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append', selected: true, fieldSelectionEnabled: true, selectedFields: [{ fieldPath: ['id'] }] } }] } }, 422, /Errors: Cursor field cannot be de-selected in INCREMENTAL syncs$/],
      ['a de-selected primary key', { syncCatalog: { streams: [{ stream: STREAM, config: { syncMode: 'full_refresh', primaryKey: [['id']], destinationSyncMode: 'append_dedup', selected: true, fieldSelectionEnabled: true, selectedFields: [{ fieldPath: ['updated_at'] }] } }] } }, 422, /Errors: Primary key field cannot be de-selected in DEDUP mode$/],
      ['an unknown selected field', { syncCatalog: { streams: [{ stream: STREAM, config: { syncMode: 'full_refresh', destinationSyncMode: 'append', selected: true, fieldSelectionEnabled: true, selectedFields: [{ fieldPath: ['nope'] }] } }] } }, 422, /Errors: Requested selected field nope not found in JSON schema$/],
      ['a nested selected field', { syncCatalog: { streams: [{ stream: STREAM, config: { syncMode: 'full_refresh', destinationSyncMode: 'append', selected: true, fieldSelectionEnabled: true, selectedFields: [{ fieldPath: ['id', 'x'] }] } }] } }, 500, /Nested field selection not supported/],
      ['an omitted cursorField with field selection on', { syncCatalog: { streams: [{ stream: STREAM, config: { syncMode: 'incremental', destinationSyncMode: 'append', selected: true, fieldSelectionEnabled: true, selectedFields: [{ fieldPath: ['id'] }] } }] } }, 500, /^Internal Server Error/],
      ['an empty primary key path with field selection on', { syncCatalog: { streams: [{ stream: STREAM, config: { syncMode: 'full_refresh', primaryKey: [[]], destinationSyncMode: 'append_dedup', selected: true, fieldSelectionEnabled: true, selectedFields: [{ fieldPath: ['id'] }] } }] } }, 500, /Index 0 out of bounds/],
      ['a name over 256 characters', { name: 'n'.repeat(257) }, 500, /character varying\(256\)/],
      ['a prefix over 256 characters', { prefix: 'p'.repeat(257) }, 500, /character varying\(256\)/],
      ['an operation in an unknown workspace', { operations: [{ workspaceId: SNOWFLAKE, name: 'n', operatorConfiguration: { operatorType: 'normalization', normalization: { option: 'basic' } } }] }, 500, /foreign key constraint/],
      ['a dbt operation without dbt settings', { operations: [{ workspaceId: WORKSPACE, name: 'n', operatorConfiguration: { operatorType: 'dbt' } }] }, 500, /^Internal Server Error: null$/],
    ];
    for (const [label, extra, status, message] of failureCases) {
      it(`answers ${status} for ${label}`, async () => {
        const reply = await call(server, '/v1/web_backend/connections/create', createBody(extra));
        assert.equal(reply.status, status, JSON.stringify(reply.body));
        assert.match(reply.body.message, message);
        assert.ok(typeof reply.body.exceptionClassName === 'string' && Array.isArray(reply.body.exceptionStack), JSON.stringify(reply.body));
        if (status === 422) assert.equal(reply.body.exceptionClassName, 'io.airbyte.commons.server.errors.BadObjectSchemaKnownException');
        assert.match(reply.body.message, status === 422 ? /^The provided configuration does not fulfill the specification\. Errors: / : /^Internal Server Error: /);
      });
    }

    it('keeps the operations it created when the connection then fails', async () => {
      const before = (await call(server, '/v1/operations/list', { connectionId: SEED_IDS.connections.ordersToSnowflake })).status;
      assert.equal(before, 200);
      const operations = [{ workspaceId: WORKSPACE, name: 'left behind', operatorConfiguration: { operatorType: 'normalization', normalization: { option: 'basic' } } }];
      const reply = await call(server, '/v1/web_backend/connections/create', createBody({ operations, scheduleType: 'basic' }));
      assert.equal(reply.status, 422);
      assert.ok(server.store.listOperationsForTests().some((o) => o.name === 'left behind'));
    });

    it('accepts a pasted discover_schema answer and creates a connection with no streams', async () => {
      const discovered = (await call(server, '/v1/sources/discover_schema', { sourceId: POSTGRES })).body;
      const reply = await call(server, '/v1/web_backend/connections/create', createBody({ syncCatalog: discovered }));
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.deepEqual(reply.body.syncCatalog.streams, []);
    });

    it('lets scheduleType manual go without schedule data', async () => {
      const reply = await call(server, '/v1/web_backend/connections/create', createBody({ scheduleType: 'manual' }));
      assert.equal(reply.status, 200);
      assert.equal(reply.body.scheduleData, undefined);
    });

    it("answers Micronaut's 400 for a body that is not JSON, or no body at all", async () => {
      const garbage = await call(server, '/v1/web_backend/connections/create', undefined, { raw: '{"sourceId": ' });
      assert.equal(garbage.status, 400);
      assert.equal(garbage.body.message, 'Bad Request');
      assert.match(garbage.body._embedded.errors[0].message, /^Invalid JSON: /);
      const empty = await call(server, '/v1/web_backend/connections/create', undefined, { raw: '' });
      assert.equal(empty.status, 400);
      assert.equal(empty.body._embedded.errors[0].message, 'Required Body [webBackendConnectionCreate] not specified');
    });

    it("answers Micronaut's 413 for a body over 10 MiB", async () => {
      const huge = JSON.stringify(createBody({ name: 'x'.repeat(10 * 1024 * 1024) }));
      const reply = await call(server, '/v1/web_backend/connections/create', undefined, { raw: huge });
      assert.equal(reply.status, 413);
      assert.equal(reply.body.message, 'Request Entity Too Large');
      assert.match(reply.body._embedded.errors[0].message, /exceeds the maximum allowed content length \[10485760\]/);
    });

    it('answers 404 for an unknown connection', async () => {
      const reply = await call(server, '/v1/web_backend/connections/get', { connectionId: POSTGRES });
      assert.equal(reply.status, 404);
      assert.match(reply.body.message, /STANDARD_SYNC/);
    });
  });

  describe('routing', () => {
    it('answers 404 JSON for an unknown path', async () => {
      const reply = await call(server, '/v1/does/not/exist', {});
      assert.equal(reply.status, 404);
      assert.equal(reply.body.message, 'Not Found');
      assert.equal(reply.body._embedded.errors[0].message, 'Page Not Found');
    });

    it('answers 405 for a GET on a POST endpoint', async () => {
      const reply = await call(server, '/v1/sources/list', undefined, { method: 'GET' });
      assert.equal(reply.status, 405);
      assert.equal(reply.headers.get('allow'), 'POST');
    });
  });
});

describe('local Airbyte persistence', () => {
  it('keeps created connections across a restart with the same data file', async () => {
    const dataFile = await tempDataFile();
    const created = await withServer({ dataFile }, async (first) => {
      const reply = await call(first, '/v1/web_backend/connections/create', createBody({ name: 'survives restarts' }));
      assert.equal(reply.status, 200);
      return reply.body;
    });
    await withServer({ dataFile }, async (second) => {
      const got = await call(second, '/v1/web_backend/connections/get', { connectionId: created.connectionId });
      assert.equal(got.status, 200);
      assert.deepEqual(got.body, created);
    });
    const leftovers = (await fs.readdir(path.dirname(dataFile))).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(leftovers, []);
  });

  it('saves concurrent creates without losing one', async () => {
    const dataFile = await tempDataFile();
    const ids = await withServer({ dataFile }, async (first) => {
      const replies = await Promise.all(
        Array.from({ length: 5 }, (_, i) => call(first, '/v1/web_backend/connections/create', createBody({ name: `c${i}` }))),
      );
      return replies.map((r) => r.body.connectionId);
    });
    const saved = JSON.parse(await fs.readFile(dataFile, 'utf8'));
    assert.deepEqual(saved.connections.map((c: any) => c.connectionId).sort(), [...ids].sort());
  });

  it('never renames or overwrites a data file it did not write: it refuses to start', async () => {
    const dataFile = await tempDataFile();
    await fs.mkdir(path.dirname(dataFile), { recursive: true });
    await fs.writeFile(dataFile, '{ not json');
    await assert.rejects(createLocalAirbyte({ dataFile, warn: () => {} }), /not a local-airbyte data file.*left untouched/);
    assert.deepEqual(await fs.readdir(path.dirname(dataFile)), ['data.json']);
    assert.equal(await fs.readFile(dataFile, 'utf8'), '{ not json');
  });

  it('refuses requests whose Host names another host (DNS rebinding)', async () => {
    await withServer({}, async (server) => {
      const answerFor = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const request = http.request({ host: '127.0.0.1', port: server.port, path: '/api/v1/health', headers: { Host: host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          request.on('error', reject);
          request.end();
        });
      assert.equal(await answerFor(`evil.example:${server.port}`), 403);
      assert.equal(await answerFor(`localhost:${server.port}`), 200);
      assert.equal(await answerFor(`127.0.0.1:${server.port}`), 200);
      assert.equal(await answerFor(`[::1]:${server.port}`), 200);
    });
  });
});

describe('local Airbyte test hooks and CLI', () => {
  it('delays answers by latencyMs and still closes promptly', async () => {
    // Latency far above what closing may take, so a loaded machine cannot blur the two.
    const server = await createLocalAirbyte({ latencyMs: 2000, warn: () => {} });
    const started = Date.now();
    await call(server, '/v1/health');
    assert.ok(Date.now() - started >= 1950);
    const pending = call(server, '/v1/health').catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = Date.now();
    await server.close();
    assert.ok(Date.now() - closing < 1500, 'close does not wait for a delayed answer');
    await pending;
  });

  it('parses the command line', () => {
    const defaults = parseCliArgs([], '/work', {});
    assert.deepEqual(defaults, {
      port: 8000,
      host: '127.0.0.1',
      dataFile: path.join('/work', '.local-airbyte', 'data.json'),
      auth: { username: 'airbyte', password: 'password' },
    });
    const custom = parseCliArgs(['--port', '0', '--data-file=d.json', '--username', 'u'], '/work', { LOCAL_AIRBYTE_PASSWORD: 'p' });
    assert.equal(custom.port, 0);
    assert.throws(() => parseCliArgs(['--password', 'p']), /LOCAL_AIRBYTE_PASSWORD/);
    assert.equal(custom.dataFile, path.join('/work', 'd.json'));
    assert.deepEqual(custom.auth, { username: 'u', password: 'p' });
    assert.equal(parseCliArgs(['--no-auth']).auth, false);
    assert.throws(() => parseCliArgs(['--port', 'x']), /--port/);
    assert.throws(() => parseCliArgs(['--bogus']), /Unknown option/);
  });

  it('prints one line with the real port and stops on SIGTERM', async () => {
    const dir = await tempDir();
    const main = path.join(__dirname, '..', '..', 'local-airbyte', 'main.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--data-file', path.join(dir, 'data.json')], {
      cwd: path.join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => stdout.includes('\n') && resolve(stdout));
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    assert.match(line, /^Local Airbyte listening on http:\/\/127\.0\.0\.1:(\d+)\/api\n$/);
    const url = line.trim().split(' on ')[1];
    const health = await fetch(`${url}/v1/health`);
    assert.deepEqual(await health.json(), { available: true });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.equal(stdout.split('\n').filter(Boolean).length, 1);
  });
});

describe("the client reads Micronaut's 400", () => {
  it('places a conversion error by its reference chain, else by the one value it names, and shows the message', async () => {
    const { classifyResponse } = await import('../../core/api/classifyResponse');
    const answer = (message: string) => ({
      url: new URL('http://localhost:8000/api/v1/web_backend/connections/create'),
      status: 400,
      statusText: 'Bad Request',
      contentType: 'application/json',
      bodyText: JSON.stringify({ message: 'Bad Request', _embedded: { errors: [{ message, path: '/webBackendConnectionCreate' }] } }),
    });
    const submitted = { sourceId: 'x', destinationId: 'y', status: 'active', syncCatalog: { streams: [{ config: { syncMode: 'sometimes' } }] } };
    const prefix = 'Failed to convert argument [webBackendConnectionCreate] for value [null] due to: ';
    const chained = classifyResponse(answer(`${prefix}Cannot construct instance of \`io.airbyte.api.model.generated.SyncMode\`, problem: Unexpected value 'sometimes'\n at [Source: (byte[])"…"; line: 1, column: 99] (through reference chain: io.airbyte.api.model.generated.WebBackendConnectionCreate["syncCatalog"]->io.airbyte.api.model.generated.AirbyteCatalog["streams"]->java.util.ArrayList[0]->io.airbyte.api.model.generated.AirbyteStreamAndConfiguration["config"]->io.airbyte.api.model.generated.AirbyteStreamConfiguration["syncMode"])`), { auth: { kind: 'none' }, submitted });
    assert.ok(!chained.ok && chained.error.kind === 'validation');
    assert.deepEqual(chained.error.issues[0].path, ['syncCatalog', 'streams', 0, 'config', 'syncMode']);
    assert.equal(chained.error.issues[0].message, "Cannot construct instance of `io.airbyte.api.model.generated.SyncMode`, problem: Unexpected value 'sometimes'");
    assert.match(chained.error.message, /Unexpected value 'sometimes'/);

    const named = classifyResponse(answer(`${prefix}Cannot deserialize value of type \`java.util.UUID\` from String "y": UUID has to be represented by standard 36-char representation`), { auth: { kind: 'none' }, submitted });
    assert.ok(!named.ok && named.error.kind === 'validation');
    assert.deepEqual(named.error.issues[0].path, ['destinationId']);

    const ambiguous = classifyResponse(answer(`${prefix}Cannot deserialize value of type \`java.util.UUID\` from String "x"`), { auth: { kind: 'none' }, submitted: { sourceId: 'x', destinationId: 'x' } });
    assert.ok(!ambiguous.ok && ambiguous.error.kind === 'validation');
    assert.deepEqual(ambiguous.error.issues[0].path, []);
  });
});
