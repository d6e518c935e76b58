// The API client against fault-injecting servers: one test (at least) per error kind.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { AirbyteClient, type AirbyteApiError, type AirbyteClientConfig, type ApiResult } from '../../core/api';
import { answer, closedPortUrl, startServer, type TestServer } from './apiTestServer';

const SOURCE_ID = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION_ID = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';
const OPERATION_IDS = ['0f0e0d0c-0b0a-4909-8807-060504030201', '1f1e1d1c-1b1a-4919-8817-161514131211'];

const body = {
  name: 'Postgres to Warehouse',
  sourceId: SOURCE_ID,
  destinationId: DESTINATION_ID,
  operationIds: OPERATION_IDS,
  status: 'active',
  scheduleType: 'cron',
  scheduleData: { cron: { cronExpression: '0 0 * * * ?', cronTimeZone: 'UTC' } },
  syncCatalog: { streams: [{ stream: { name: 'users' }, config: { syncMode: 'full_refresh', destinationSyncMode: 'append' } }] },
};

const servers: TestServer[] = [];
after(() => Promise.all(servers.map((s) => s.close())));

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

function clientFor(serverUrl: string, overrides: Partial<AirbyteClientConfig> = {}) {
  const lines: string[] = [];
  const client = new AirbyteClient({
    serverUrl,
    auth: { kind: 'basic', username: 'airbyte', password: 'password' },
    timeoutMs: 5000,
    log: (line) => lines.push(line),
    ...overrides,
  });
  return { client, lines };
}

function expectError<T>(result: ApiResult<T>, kind: AirbyteApiError['kind']): AirbyteApiError {
  assert.equal(result.ok, false, 'expected a failure');
  if (result.ok) throw new Error('unreachable');
  assert.equal(result.error.kind, kind, result.error.message);
  assert.ok(result.error.message.length > 0);
  assert.ok(result.error.hint.length > 0);
  return result.error;
}

describe('createConnection success', () => {
  test('posts the body as JSON with basic auth and returns the created connection', async () => {
    const server = await serve(
      answer(200, { connectionId: 'c-1', name: body.name, sourceId: SOURCE_ID, destinationId: DESTINATION_ID, source: { workspaceId: 'w-1' } }),
    );
    const { client } = clientFor(server.url);
    const result = await client.createConnection(body);
    assert.ok(result.ok);
    assert.equal(result.value.connectionId, 'c-1');
    const [request] = server.requests;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/api/v1/web_backend/connections/create');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers.authorization, `Basic ${Buffer.from('airbyte:password').toString('base64')}`);
    assert.deepEqual(JSON.parse(request.body), body);
  });

  test('a trailing slash in the server URL does not double the slash', async () => {
    const server = await serve(answer(200, { connectionId: 'c-2' }));
    await clientFor(`${server.url}/`).client.createConnection(body);
    assert.equal(server.requests[0].url, '/api/v1/web_backend/connections/create');
  });

  test('bearer auth sends the token; none sends no Authorization header', async () => {
    const server = await serve(answer(200, { available: true }));
    await clientFor(server.url, { auth: { kind: 'bearer', token: 'tok-123' } }).client.health();
    await clientFor(server.url, { auth: { kind: 'none' } }).client.health();
    assert.equal(server.requests[0].headers.authorization, 'Bearer tok-123');
    assert.equal(server.requests[1].headers.authorization, undefined);
    assert.equal(server.requests[0].method, 'GET');
  });

  test('200 without a connectionId is an unexpectedResponse', async () => {
    const server = await serve(answer(200, { hello: 'world' }));
    expectError(await clientFor(server.url).client.createConnection(body), 'unexpectedResponse');
  });
});

describe('list endpoints', () => {
  test('listSources / listDestinations post the workspace id and return the lists', async () => {
    const server = await serve((request, res) => {
      const reply = request.url.endsWith('/sources/list')
        ? { sources: [{ sourceId: SOURCE_ID, name: 'pg', workspaceId: 'w' }] }
        : { destinations: [{ destinationId: DESTINATION_ID, name: 'wh', workspaceId: 'w' }] };
      answer(200, reply)(request, res, undefined as never);
    });
    const { client } = clientFor(server.url);
    const sources = await client.listSources('w');
    const destinations = await client.listDestinations('w');
    assert.ok(sources.ok && destinations.ok);
    assert.equal(sources.value[0].sourceId, SOURCE_ID);
    assert.equal(destinations.value[0].destinationId, DESTINATION_ID);
    assert.deepEqual(JSON.parse(server.requests[0].body), { workspaceId: 'w' });
  });

  test('listWorkspaces and listOperations check the list field', async () => {
    const server = await serve(answer(200, { workspaces: [{ workspaceId: 'w', name: 'Default' }] }));
    const { client } = clientFor(server.url);
    const workspaces = await client.listWorkspaces();
    assert.ok(workspaces.ok);
    assert.equal(workspaces.value[0].name, 'Default');
    expectError(await client.listOperations('c'), 'unexpectedResponse');
  });
});

describe('no HTTP answer', () => {
  test('connectionRefused on a closed port', async () => {
    const error = expectError(await clientFor(await closedPortUrl()).client.createConnection(body), 'connectionRefused');
    assert.match(error.hint, /running/);
  });

  test('dnsFailure on a .invalid host', async () => {
    const error = expectError(await clientFor('http://airbyte.invalid:8000/api').client.health(), 'dnsFailure');
    assert.match(error.message, /airbyte\.invalid/);
  });

  test('timeout aborts a request the server never answers', async () => {
    const server = await serve(() => undefined);
    const started = Date.now();
    const error = expectError(await clientFor(server.url, { timeoutMs: 150 }).client.createConnection(body), 'timeout');
    assert.ok(Date.now() - started < 3000, 'the timeout must abort the request');
    assert.match(error.message, /0\.2 s|0\.1 s|0\.15 s/);
  });

  test('timeout also covers a body that never ends', async () => {
    const server = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"connectionId":');
    });
    expectError(await clientFor(server.url, { timeoutMs: 150 }).client.createConnection(body), 'timeout');
  });

  test('cancelled when the caller aborts mid-request', async () => {
    const controller = new AbortController();
    const server = await serve(() => controller.abort());
    const result = await clientFor(server.url).client.createConnection(body, { signal: controller.signal });
    expectError(result, 'cancelled');
    assert.equal(server.requests.length, 1);
  });

  test('cancelled, without sending, when the signal is already aborted', async () => {
    const server = await serve(answer(200, { connectionId: 'x' }));
    const controller = new AbortController();
    controller.abort();
    expectError(await clientFor(server.url).client.createConnection(body, { signal: controller.signal }), 'cancelled');
    assert.equal(server.requests.length, 0);
  });

  test('network when the server drops the connection', async () => {
    const server = await serve((_request, _res, req) => req.socket.destroy());
    expectError(await clientFor(server.url).client.createConnection(body), 'network');
  });

  test('invalidServerUrl without a scheme, nothing sent', async () => {
    expectError(await clientFor('localhost:8000/api').client.health(), 'invalidServerUrl');
  });
});

describe('answers that are not Airbyte JSON', () => {
  test('notJson for an HTML login page with 200', async () => {
    const server = await serve(answer(200, '<!doctype html><html><head><title>Sign in</title></head><body>login</body></html>'));
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'notJson');
    assert.match(error.message, /Sign in/);
    assert.match(error.hint, /\/api/);
  });

  test('notJson for an HTML 404 (server URL without /api)', async () => {
    const server = await serve(answer(404, '<html><title>Airbyte</title></html>'));
    expectError(await clientFor(server.url).client.createConnection(body), 'notJson');
  });

  test('redirect is reported, not followed', async () => {
    const server = await serve(answer(302, '', { Location: 'https://sso.example.com/login?next=/api' }));
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'redirect');
    assert.equal(server.requests.length, 1, 'the redirect must not be followed');
    assert.ok(error.kind === 'redirect' && error.location === 'https://sso.example.com/login?next=/api');
    assert.match(error.hint, /proxy/);
  });

  test('redirect from http to https suggests the https address', async () => {
    const server = await serve((request, res) => {
      res.writeHead(301, { Location: `https://${request.headers.host}${request.url}` });
      res.end();
    });
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'redirect');
    assert.match(error.hint, /https:\/\//);
  });
});

describe('HTTP errors', () => {
  test('serverError carries Airbyte\'s message for a 500', async () => {
    const server = await serve(
      answer(500, { message: 'Internal Server Error: Temporal is unavailable', exceptionClassName: 'io.airbyte.X' }),
    );
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'serverError');
    assert.ok(error.kind === 'serverError' && error.serverMessage === 'Internal Server Error: Temporal is unavailable');
    assert.match(error.message, /Temporal is unavailable/);
    assert.equal(error.status, 500);
  });

  test('serverError for a proxy 502 HTML page', async () => {
    const server = await serve(answer(502, '<html><head><title>502 Bad Gateway</title></head></html>'));
    const error = expectError(await clientFor(server.url).client.health(), 'serverError');
    assert.match(error.hint, /started/);
  });

  test('unauthorized for 401, with a hint naming the user', async () => {
    const server = await serve(answer(401, 'Unauthorized'));
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'unauthorized');
    assert.match(error.hint, /airbyte/);
  });

  test('forbidden for 403', async () => {
    const server = await serve(answer(403, { message: 'Forbidden' }));
    expectError(await clientFor(server.url).client.createConnection(body), 'forbidden');
  });

  test('notFound names the sourceId field from the reported id', async () => {
    const server = await serve(
      answer(404, { id: SOURCE_ID, message: `Could not find configuration for SOURCE_CONNECTION: ${SOURCE_ID}.` }),
    );
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'notFound');
    assert.ok(error.kind === 'notFound');
    assert.equal(error.id, SOURCE_ID);
    assert.deepEqual(error.field, ['sourceId']);
    assert.match(error.message, /no source/);
  });

  test('notFound finds the destination id in the message when no id is given', async () => {
    const server = await serve(answer(404, { message: `Could not find configuration for DESTINATION_CONNECTION: ${DESTINATION_ID}.` }));
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'notFound');
    assert.ok(error.kind === 'notFound');
    assert.deepEqual(error.field, ['destinationId']);
  });

  test('notFound for an operation points at operationIds[i]', async () => {
    const server = await serve(answer(404, { id: OPERATION_IDS[1].toUpperCase(), message: 'operation not found' }));
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'notFound');
    assert.ok(error.kind === 'notFound');
    assert.deepEqual(error.field, ['operationIds', 1]);
  });

  test('validation for 422 InvalidInputExceptionInfo, prefixed paths mapped into the body', async () => {
    const server = await serve(
      answer(422, {
        message: 'Some properties contained invalid input.',
        validationErrors: [
          { propertyPath: 'webBackendCreateConnection.arg0.status', message: 'must be one of active, inactive, deprecated', invalidValue: 'paused' },
          { propertyPath: 'webBackendCreateConnection.arg0.scheduleData.cron.cronExpression', message: 'is invalid' },
        ],
      }),
    );
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'validation');
    assert.ok(error.kind === 'validation');
    assert.deepEqual(
      error.issues.map((i) => i.path),
      [['status'], ['scheduleData', 'cron', 'cronExpression']],
    );
    assert.equal(error.issues[0].invalidValue, 'paused');
    assert.match(error.message, /2 problems/);
  });

  test('validation for 422 KnownExceptionInfo (message only) about the cron expression', async () => {
    const server = await serve(answer(422, { message: 'The cron expression "0 0 * * *" is invalid: missing seconds.' }));
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'validation');
    assert.ok(error.kind === 'validation');
    assert.equal(error.issues.length, 1);
    assert.equal(error.issues[0].propertyPath, '');
    assert.deepEqual(error.issues[0].path, ['scheduleData', 'cron', 'cronExpression']);
  });

  test('validation for 400 with validationErrors, including a missing required property', async () => {
    const server = await serve(
      answer(400, {
        message: 'Some properties contained invalid input.',
        validationErrors: [
          { propertyPath: 'webBackendCreateConnection.arg0.syncCatalog.streams[0].config.syncMode', message: 'must not be null' },
          { propertyPath: 'webBackendCreateConnection.webBackendConnectionCreate.namespaceDefinition', message: 'must not be null' },
        ],
      }),
    );
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'validation');
    assert.ok(error.kind === 'validation');
    assert.equal(error.status, 400);
    assert.deepEqual(error.issues[0].path, ['syncCatalog', 'streams', 0, 'config', 'syncMode']);
    assert.deepEqual(error.issues[1].path, ['namespaceDefinition']);
  });

  test('badRequest for 400 without validationErrors', async () => {
    const server = await serve(answer(400, { message: 'Unrecognized field "sourceID"' }));
    const error = expectError(await clientFor(server.url).client.createConnection(body), 'badRequest');
    assert.match(error.message, /sourceID/);
  });

  test('unexpectedStatus for a status Airbyte does not use', async () => {
    const server = await serve(answer(418, { message: "I'm a teapot" }));
    expectError(await clientFor(server.url).client.createConnection(body), 'unexpectedStatus');
  });
});

describe('timers', () => {
  const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

  for (const outcome of ['answered', 'timed out', 'cancelled'] as const) {
    test(`no timer is left running once a request has ${outcome}`, async () => {
      const baseline = activeTimers();
      const controller = new AbortController();
      const server = await startServer((request, res) => {
        if (outcome === 'answered') answer(200, { available: true })(request, res, undefined as never);
        if (outcome === 'cancelled') controller.abort();
      });
      const timeoutMs = outcome === 'timed out' ? 100 : 60_000;
      await clientFor(server.url, { timeoutMs }).client.health({ signal: controller.signal });
      await server.close();
      assert.equal(activeTimers(), baseline);
    });
  }
});
