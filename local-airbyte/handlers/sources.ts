import { randomUUID } from 'node:crypto';
import type { SourceDiscoverSchemaRead } from '../apiTypes';
import { catalogWithDefaults } from '../catalogDefaults';
import { post, type Route } from '../route';
import type { LocalAirbyteStore } from '../store';
import { sourceDiscoverSchemaRequestBody, sourceIdRequestBody, workspaceIdRequestBody } from '../validation/requestShapes';

export const sourceRoutes: Record<string, Route> = {
  // Like Airbyte, an unknown workspace simply has no sources.
  '/v1/sources/list': post<{ workspaceId: string }>('listSourcesForWorkspace', workspaceIdRequestBody, (body, store) => ({
    sources: store.listSources(body.workspaceId),
  })),
  '/v1/sources/get': post<{ sourceId: string }>('getSource', sourceIdRequestBody, (body, store) =>
    store.getSource(body.sourceId),
  ),
  '/v1/sources/discover_schema': post<{ sourceId: string }>(
    'discoverSchemaForSource',
    sourceDiscoverSchemaRequestBody,
    (body, store) => discoverSchema(body.sourceId, store),
  ),
};

// A discover "job" that always succeeds at once with the source's seeded catalog.
function discoverSchema(sourceId: string, store: LocalAirbyteStore): SourceDiscoverSchemaRead {
  const { catalogId, streams } = store.getDiscoveredCatalog(sourceId);
  const now = Math.floor(Date.now() / 1000);
  return {
    catalog: catalogWithDefaults(streams),
    jobInfo: {
      id: randomUUID(),
      configType: 'discover_schema',
      configId: sourceId,
      createdAt: now,
      endedAt: now,
      succeeded: true,
      connectorConfigurationUpdated: false,
      logs: { logLines: [] },
    },
    catalogId,
    breakingChange: false,
  };
}
