// `web_backend/connections/create`: checks ids the way Airbyte does (404 for anything unknown),
// applies the schedule rules (422), fills Airbyte's defaults and stores the result.
import { randomUUID } from 'node:crypto';
import type { OperationRead, StoredConnection, WebBackendConnectionCreate } from './apiTypes';
import { resolveSchedule } from './scheduleRules';
import type { LocalAirbyteStore } from './store';

export async function createConnection(
  request: WebBackendConnectionCreate,
  store: LocalAirbyteStore,
): Promise<StoredConnection> {
  const source = store.getSource(request.sourceId);
  const destination = store.getDestination(request.destinationId);
  const existingOperationIds = request.operationIds ?? [];
  for (const operationId of existingOperationIds) store.getOperation(operationId);
  for (const operation of request.operations ?? []) store.getWorkspace(operation.workspaceId);
  const schedule = resolveSchedule(request);

  // Operations sent inline are created along with the connection and attached to it.
  const newOperations: OperationRead[] = (request.operations ?? []).map((operation) => ({
    workspaceId: operation.workspaceId,
    operationId: randomUUID(),
    name: operation.name,
    operatorConfiguration: operation.operatorConfiguration,
  }));

  const connection: StoredConnection = {
    connectionId: randomUUID(),
    name: request.name ?? `${source.name} <> ${destination.name}`,
    namespaceDefinition: request.namespaceDefinition ?? 'source',
    namespaceFormat: request.namespaceFormat ?? undefined,
    prefix: request.prefix ?? undefined,
    sourceId: source.sourceId,
    destinationId: destination.destinationId,
    operationIds: [...existingOperationIds, ...newOperations.map((o) => o.operationId)],
    syncCatalog: request.syncCatalog ?? { streams: [] },
    ...schedule,
    status: request.status,
    resourceRequirements: request.resourceRequirements ?? undefined,
    sourceCatalogId: request.sourceCatalogId ?? undefined,
    geography: request.geography ?? 'auto',
    notifySchemaChanges: false,
    notifySchemaChangesByEmail: false,
    nonBreakingChangesPreference: request.nonBreakingChangesPreference ?? 'ignore',
  };
  await store.addConnection(connection, newOperations);
  return connection;
}
