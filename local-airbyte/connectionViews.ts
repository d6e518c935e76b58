// The read models of a stored connection: ConnectionRead, WebBackendConnectionRead and the
// list item. As in Airbyte, a basic schedule is also reported in the legacy `schedule` field.
import type {
  ConnectionRead,
  ConnectionSchedule,
  StoredConnection,
  WebBackendConnectionListItem,
  WebBackendConnectionRead,
} from './apiTypes';
import type { LocalAirbyteStore } from './store';

export function toConnectionRead(connection: StoredConnection, store: LocalAirbyteStore): ConnectionRead {
  return {
    ...commonFields(connection),
    breakingChange: false,
    notifySchemaChanges: connection.notifySchemaChanges,
    notifySchemaChangesByEmail: connection.notifySchemaChangesByEmail,
    nonBreakingChangesPreference: connection.nonBreakingChangesPreference,
    workspaceId: store.getSource(connection.sourceId).workspaceId,
  };
}

export function toWebBackendConnectionRead(
  connection: StoredConnection,
  store: LocalAirbyteStore,
  options: { withRefreshedCatalog?: boolean } = {},
): WebBackendConnectionRead {
  return {
    ...commonFields(connection),
    source: store.getSource(connection.sourceId),
    destination: store.getDestination(connection.destinationId),
    operations: connection.operationIds.map((id) => store.getOperation(id)),
    latestSyncJobCreatedAt: connection.latestSyncJobCreatedAt,
    latestSyncJobStatus: connection.latestSyncJobStatus,
    isSyncing: false,
    catalogId: connection.sourceCatalogId ?? store.getDiscoveredCatalog(connection.sourceId).catalogId,
    // A refreshed catalog comes with its diff; the seeded sources never change, so it is empty.
    catalogDiff: options.withRefreshedCatalog ? { transforms: [] } : undefined,
    schemaChange: 'no_change',
    notifySchemaChanges: connection.notifySchemaChanges,
    notifySchemaChangesByEmail: connection.notifySchemaChangesByEmail,
    nonBreakingChangesPreference: connection.nonBreakingChangesPreference,
  };
}

export function toConnectionListItem(
  connection: StoredConnection,
  store: LocalAirbyteStore,
): WebBackendConnectionListItem {
  const source = store.getSource(connection.sourceId);
  const destination = store.getDestination(connection.destinationId);
  return {
    connectionId: connection.connectionId,
    name: connection.name,
    scheduleType: connection.scheduleType,
    scheduleData: connection.scheduleData,
    status: connection.status,
    source: {
      sourceId: source.sourceId,
      name: source.name,
      sourceDefinitionId: source.sourceDefinitionId,
      sourceName: source.sourceName,
      icon: source.icon,
    },
    destination: {
      destinationId: destination.destinationId,
      name: destination.name,
      destinationDefinitionId: destination.destinationDefinitionId,
      destinationName: destination.destinationName,
      icon: destination.icon,
    },
    latestSyncJobCreatedAt: connection.latestSyncJobCreatedAt,
    latestSyncJobStatus: connection.latestSyncJobStatus,
    isSyncing: false,
    schemaChange: 'no_change',
  };
}

function commonFields(connection: StoredConnection) {
  return {
    connectionId: connection.connectionId,
    name: connection.name,
    namespaceDefinition: connection.namespaceDefinition,
    namespaceFormat: connection.namespaceFormat,
    prefix: connection.prefix,
    sourceId: connection.sourceId,
    destinationId: connection.destinationId,
    operationIds: [...connection.operationIds],
    syncCatalog: connection.syncCatalog,
    schedule: legacySchedule(connection),
    scheduleType: connection.scheduleType,
    scheduleData: connection.scheduleData,
    status: connection.status,
    resourceRequirements: connection.resourceRequirements,
    sourceCatalogId: connection.sourceCatalogId,
    geography: connection.geography,
  };
}

function legacySchedule(connection: StoredConnection): ConnectionSchedule | undefined {
  const basic = connection.scheduleType === 'basic' ? connection.scheduleData?.basicSchedule : undefined;
  return basic ? { units: basic.units, timeUnit: basic.timeUnit } : undefined;
}
