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
      const missing = await call(server, '/v1/destinations/get', { destinationId: 'not-a-uuid' });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.id, 'not-a-uuid');
      assert.match(missing.body.message, /DESTINATION_CONNECTION: not-a-uuid/);
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

    it('attaches existing operations and creates inline ones', async () => {
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
      assert.equal(reply.body.operationIds.length, 2);
      assert.equal(reply.body.operationIds[0], SEED_IDS.operations.dbt);
      assert.deepEqual(reply.body.operations.map((o: any) => o.name), ['dbt — analytics models', 'Normalize']);
      const listed = await call(server, '/v1/operations/list', { connectionId: reply.body.connectionId });
      assert.equal(listed.body.operations.length, 2);
    });

    it('answers 404 with NotFoundKnownExceptionInfo for an unknown source, destination or operation', async () => {
      const unknown = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5eff';
      const cases: [Record<string, unknown>, string][] = [
        [createBody({ sourceId: unknown }), 'SOURCE_CONNECTION'],
        [createBody({ destinationId: unknown }), 'DESTINATION_CONNECTION'],
        [createBody({ operationIds: [unknown] }), 'STANDARD_SYNC_OPERATION'],
      ];
      for (const [body, type] of cases) {
        const reply = await call(server, '/v1/web_backend/connections/create', body);
        assert.equal(reply.status, 404);
        assert.equal(reply.body.id, unknown);
        assert.equal(reply.body.message, `Could not find configuration for ${type}: ${unknown}.`);
        assert.equal(reply.body.exceptionClassName, 'io.airbyte.config.persistence.ConfigNotFoundException');
        assert.equal(reply.body.rootCauseExceptionClassName, 'io.airbyte.config.persistence.ConfigNotFoundException');
        assert.deepEqual(reply.body.exceptionStack, []);
      }
    });

    it('answers 400 with bean-validation paths for a missing status', async () => {
      const reply = await call(server, '/v1/web_backend/connections/create', { sourceId: POSTGRES, destinationId: SNOWFLAKE });
      assert.equal(reply.status, 400);
      assert.equal(reply.body.message, 'Some properties contained invalid input.');
      assert.deepEqual(reply.body.validationErrors, [
        { propertyPath: 'webBackendCreateConnection.arg0.status', invalidValue: 'null', message: 'must not be null' },
      ]);
    });

    it('answers 400 for wrong types and enum values, nested ones included', async () => {
      const reply = await call(
        server,
        '/v1/web_backend/connections/create',
        createBody({
          status: 'paused',
          sourceId: 42,
          syncCatalog: { streams: [{ stream: { name: 'orders' }, config: { syncMode: 'full_refresh', destinationSyncMode: 'upsert' } }] },
        }),
      );
      assert.equal(reply.status, 400);
      const byPath = Object.fromEntries(reply.body.validationErrors.map((v: any) => [v.propertyPath, v]));
      assert.equal(byPath['webBackendCreateConnection.arg0.sourceId'].invalidValue, '42');
      assert.match(byPath['webBackendCreateConnection.arg0.status'].message, /active, inactive, deprecated/);
      assert.ok(byPath['webBackendCreateConnection.arg0.syncCatalog.streams[0].config.destinationSyncMode']);
    });

    const scheduleCases: [string, Record<string, unknown>, string][] = [
      ['schedule type without data', { scheduleType: 'basic' }, 'schedule data must be populated if schedule type is populated'],
      ['basic without basicSchedule', { scheduleType: 'basic', scheduleData: {} }, 'if schedule type is basic, then scheduleData.basic must be populated'],
      ['cron without cron', { scheduleType: 'cron', scheduleData: {} }, 'if schedule type is cron, then scheduleData.cron must be populated'],
      ['cron without a time zone', { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 12 * * ?' } } }, 'Cron expression and timezone are required'],
      ['cron without an expression', { scheduleType: 'cron', scheduleData: { cron: { cronTimeZone: 'UTC' } } }, 'Cron expression and timezone are required'],
      ['an Etc/ zone', { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'etc/UTC' } } }, 'Etc/ timezones are unsupported'],
      ['a Unix cron', { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 12 * * *', cronTimeZone: 'UTC' } } }, 'invalid cron expression'],
      ['an unknown zone', { scheduleType: 'cron', scheduleData: { cron: { cronExpression: '0 0 12 * * ?', cronTimeZone: 'Mars/Base' } } }, 'invalid cron timezone'],
    ];
    for (const [label, schedule, message] of scheduleCases) {
      it(`answers 422 for ${label}`, async () => {
        const reply = await call(server, '/v1/web_backend/connections/create', createBody(schedule));
        assert.equal(reply.status, 422);
        assert.equal(reply.body.message, message);
      });
    }

    it('lets scheduleType manual go without schedule data', async () => {
      const reply = await call(server, '/v1/web_backend/connections/create', createBody({ scheduleType: 'manual' }));
      assert.equal(reply.status, 200);
      assert.equal(reply.body.scheduleData, undefined);
    });

    it('answers 400 for a body that is not JSON, or no body at all', async () => {
      const garbage = await call(server, '/v1/web_backend/connections/create', undefined, { raw: '{"sourceId": ' });
      assert.equal(garbage.status, 400);
      assert.match(garbage.body.message, /Invalid json/);
      const empty = await call(server, '/v1/web_backend/connections/create', undefined, { raw: '' });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.validationErrors[0].propertyPath, 'webBackendCreateConnection.arg0');
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
      assert.match(reply.body.message, /Not Found/);
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
    const server = await createLocalAirbyte({ latencyMs: 300, warn: () => {} });
    const started = Date.now();
    await call(server, '/v1/health');
    assert.ok(Date.now() - started >= 280);
    const pending = call(server, '/v1/health').catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = Date.now();
    await server.close();
    assert.ok(Date.now() - closing < 250);
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
