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

// A discover "job" that finishes at once with the source's seeded catalog. Like Airbyte, an
// unknown source is a 404, and a job that ran and failed is still a 200: `succeeded: false`,
// no catalog, the failure reason and the job's log lines.
function discoverSchema(sourceId: string, store: LocalAirbyteStore): SourceDiscoverSchemaRead {
  const discovered = store.discover(sourceId);
  const now = Math.floor(Date.now() / 1000);
  const jobInfo = {
    id: randomUUID(),
    configType: 'discover_schema',
    configId: sourceId,
    createdAt: now,
    endedAt: now,
    connectorConfigurationUpdated: false,
  };
  if ('failure' in discovered) {
    return {
      jobInfo: {
        ...jobInfo,
        succeeded: false,
        logs: { logLines: discovered.failure.logLines },
        failureReason: { failureOrigin: 'source', externalMessage: discovered.failure.externalMessage, timestamp: now * 1000 },
      },
    };
  }
  return {
    catalog: catalogWithDefaults(discovered.streams),
    jobInfo: { ...jobInfo, succeeded: true, logs: { logLines: [] } },
    catalogId: discovered.catalogId,
    breakingChange: false,
  };
}
