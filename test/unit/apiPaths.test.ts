// Server-reported paths, ids and messages mapped back into the submitted body; URLs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { connectionPageUrl, endpointUrl, findIdField, guessPathFromMessage, mapPropertyPath, webAppUrl } from '../../core/api';

const body = {
  name: 'n',
  sourceId: 'aaaaaaaa-0000-4000-8000-000000000001',
  destinationId: 'bbbbbbbb-0000-4000-8000-000000000002',
  operationIds: ['cccccccc-0000-4000-8000-000000000003'],
  status: 'active',
  scheduleType: 'cron',
  scheduleData: { cron: { cronExpression: 'x', cronTimeZone: 'UTC' } },
  syncCatalog: { streams: [{ stream: { name: 'users' }, config: { syncMode: 'full_refresh' } }] },
};

describe('mapPropertyPath', () => {
  const cases: [string, (string | number)[]][] = [
    ['status', ['status']],
    ['webBackendCreateConnection.arg0.status', ['status']],
    ['webBackendCreateConnection.webBackendConnectionCreate.syncCatalog.streams[0].config.syncMode', ['syncCatalog', 'streams', 0, 'config', 'syncMode']],
    ['/syncCatalog/streams/0/config', ['syncCatalog', 'streams', 0, 'config']],
    // Missing properties: the prefix is dropped even though nothing matches.
    ['webBackendCreateConnection.arg0.namespaceDefinition', ['namespaceDefinition']],
    ['createConnection.body.prefix', ['prefix']],
    ['geography', ['geography']],
    // Missing leaf under an existing parent keeps the full suffix.
    ['webBackendCreateConnection.arg0.syncCatalog.streams[0].config.destinationSyncMode', ['syncCatalog', 'streams', 0, 'config', 'destinationSyncMode']],
  ];
  for (const [propertyPath, expected] of cases) {
    test(propertyPath, () => assert.deepEqual(mapPropertyPath(propertyPath, body), expected));
  }
});

describe('findIdField / guessPathFromMessage', () => {
  test('ids', () => {
    assert.deepEqual(findIdField(body, body.sourceId), ['sourceId']);
    assert.deepEqual(findIdField(body, body.destinationId.toUpperCase()), ['destinationId']);
    assert.deepEqual(findIdField(body, body.operationIds[0]), ['operationIds', 0]);
    assert.equal(findIdField(body, 'other'), undefined);
  });

  test('messages', () => {
    assert.deepEqual(guessPathFromMessage('Invalid cron expression', body), ['scheduleData', 'cron', 'cronExpression']);
    assert.deepEqual(guessPathFromMessage('Unknown time zone Mars/Olympus', body), ['scheduleData', 'cron', 'cronTimeZone']);
    assert.deepEqual(guessPathFromMessage('schedule data is required', body), ['scheduleData']);
    assert.deepEqual(guessPathFromMessage('schedule is required', { scheduleType: 'basic' }), ['scheduleType']);
    assert.deepEqual(guessPathFromMessage('sourceId and destinationId are in different workspaces', body), ['destinationId']);
    assert.deepEqual(guessPathFromMessage('something else', body), []);
  });

  test("the local server's (and Airbyte's) terse schedule messages", () => {
    const basic = { scheduleType: 'basic', scheduleData: { basicSchedule: { units: 1 } } };
    const typeOnly = { scheduleType: 'cron' };
    assert.deepEqual(guessPathFromMessage('invalid cron expression', body), ['scheduleData', 'cron', 'cronExpression']);
    assert.deepEqual(guessPathFromMessage('invalid cron timezone', body), ['scheduleData', 'cron', 'cronTimeZone']);
    assert.deepEqual(guessPathFromMessage('Etc/ timezones are unsupported', body), ['scheduleData', 'cron', 'cronTimeZone']);
    assert.deepEqual(guessPathFromMessage('schedule data must be populated if schedule type is populated', typeOnly), ['scheduleType']);
    assert.deepEqual(guessPathFromMessage('if schedule type is basic, then scheduleData.basic must be populated', basic), ['scheduleData', 'basicSchedule']);
    assert.deepEqual(guessPathFromMessage('if schedule type is cron, then scheduleData.cron must be populated', typeOnly), ['scheduleType']);
  });
});

describe('URLs', () => {
  test('endpointUrl accepts http(s) only', () => {
    assert.equal(endpointUrl('http://localhost:8000/api/', '/v1/health')?.href, 'http://localhost:8000/api/v1/health');
    assert.equal(endpointUrl('localhost:8000/api', '/v1/health'), undefined);
    assert.equal(endpointUrl('ftp://x/api', '/v1/health'), undefined);
  });

  test('webAppUrl and the connection page', () => {
    assert.equal(webAppUrl('http://localhost:8000/api/'), 'http://localhost:8000');
    assert.equal(webAppUrl('http://localhost:8000/api', ' https://airbyte.example.com/ '), 'https://airbyte.example.com');
    assert.equal(connectionPageUrl('http://localhost:8000', 'w', 'c'), 'http://localhost:8000/workspaces/w/connections/c');
  });
});
