// The local server's discover behaviour that New Connection File and Discover Streams are tested
// against: a schema that changes after the first discovery, a discover job that fails (200 with
// `succeeded: false`), an unknown source (404), and destination specs.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createLocalAirbyte, type LocalAirbyte } from '../../local-airbyte/createLocalAirbyte';
import { DEFINITION_IDS, SEED_IDS } from '../../local-airbyte/seed';

const AUTH = `Basic ${Buffer.from('airbyte:password').toString('base64')}`;

async function post(server: LocalAirbyte, endpoint: string, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: AUTH },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('local Airbyte discovery', () => {
  let server: LocalAirbyte;
  before(async () => {
    server = await createLocalAirbyte({ warn: () => {} });
  });
  after(() => server.close());

  it('lists the sandbox workspace’s sources and destination', async () => {
    const sources = await post(server, '/v1/sources/list', { workspaceId: SEED_IDS.sandboxWorkspace });
    assert.deepEqual(sources.body.sources.map((s: any) => s.name), ['Shop API', 'Salesforce — sandbox']);
    const destinations = await post(server, '/v1/destinations/list', { workspaceId: SEED_IDS.sandboxWorkspace });
    assert.deepEqual(destinations.body.destinations.map((d: any) => d.name), ['Local JSON — sandbox']);
  });

  it('discovers a changed Shop API schema from the second discovery on', async () => {
    const first = await post(server, '/v1/sources/discover_schema', { sourceId: SEED_IDS.sources.shopApi });
    assert.equal(first.status, 200);
    assert.equal(first.body.jobInfo.succeeded, true);
    assert.equal(first.body.catalogId, SEED_IDS.catalogs.shopApi);
    assert.deepEqual(first.body.catalog.streams.map((s: any) => s.stream.name), ['products', 'customers', 'reviews']);
    const products = first.body.catalog.streams[0].stream;
    assert.deepEqual(Object.keys(products.jsonSchema.properties.dimensions.properties), ['width', 'height']);

    const second = await post(server, '/v1/sources/discover_schema', { sourceId: SEED_IDS.sources.shopApi });
    assert.equal(second.body.catalogId, SEED_IDS.catalogs.shopApiChanged);
    assert.deepEqual(second.body.catalog.streams.map((s: any) => s.stream.name), ['products', 'customers', 'inventory']);
    const changed = second.body.catalog.streams[0].stream.jsonSchema.properties;
    assert.ok('modified_at' in changed && !('updated_at' in changed) && !('price' in changed));
    assert.deepEqual(Object.keys(changed.dimensions.properties), ['width', 'height', 'depth']);
  });

  it('answers a failed discover job with 200, succeeded false, the failure reason and logs, and no catalog', async () => {
    const reply = await post(server, '/v1/sources/discover_schema', { sourceId: SEED_IDS.sources.salesforce });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.jobInfo.succeeded, false);
    assert.equal(reply.body.catalog, undefined);
    assert.equal(reply.body.jobInfo.failureReason.failureOrigin, 'source');
    assert.ok(reply.body.jobInfo.logs.logLines.some((l: string) => /expired access\/refresh token/.test(l)));
  });

  it('answers 404 for an unknown source id', async () => {
    const reply = await post(server, '/v1/sources/discover_schema', { sourceId: '0d0d0d0d-1e1e-4f2f-8a3a-4b4b4b4b4b4b' });
    assert.equal(reply.status, 404);
    assert.match(reply.body.message, /Could not find configuration for SOURCE_CONNECTION: 0d0d0d0d/);
  });

  it('answers destination definition specs with their supported sync modes, 404 for an unknown one', async () => {
    const json = await post(server, '/v1/destination_definition_specifications/get', {
      destinationDefinitionId: DEFINITION_IDS.destinationLocalJson,
      workspaceId: SEED_IDS.workspace,
    });
    assert.equal(json.status, 200);
    assert.deepEqual(json.body.supportedDestinationSyncModes, ['overwrite', 'append']);
    assert.equal(json.body.jobInfo.succeeded, true);
    const unknown = await post(server, '/v1/destination_definition_specifications/get', {
      destinationDefinitionId: SEED_IDS.sources.postgres,
      workspaceId: SEED_IDS.workspace,
    });
    assert.equal(unknown.status, 404);
  });
});
