// `web_backend/connections/update` as Airbyte v0.44.3's webBackendUpdateConnection does it: a
// patch (absent or null fields stay), operations created or updated from the request, then a
// reset of the streams whose configured catalog changed, unless `skipReset`.
import { randomUUID } from 'node:crypto';
import type {
  AirbyteCatalog,
  ConnectionSchedule,
  ConnectionScheduleData,
  ConnectionScheduleType,
  ConnectionStatus,
  Geography,
  NamespaceDefinitionType,
  NonBreakingChangesPreference,
  OperationRead,
  ResourceRequirements,
  StoredConnection,
} from './apiTypes';
import { streamsToReset } from './resetDecision';
import { resolveSchedule } from './scheduleRules';
import type { LocalAirbyteStore } from './store';

export interface WebBackendOperationCreateOrUpdate {
  operationId?: string;
  workspaceId: string;
  name: string;
  operatorConfiguration: OperationRead['operatorConfiguration'];
}

export interface WebBackendConnectionUpdate {
  connectionId: string;
  name?: string;
  namespaceDefinition?: NamespaceDefinitionType;
  namespaceFormat?: string;
  prefix?: string;
  syncCatalog?: AirbyteCatalog;
  schedule?: ConnectionSchedule;
  scheduleType?: ConnectionScheduleType;
  scheduleData?: ConnectionScheduleData;
  status?: ConnectionStatus;
  resourceRequirements?: ResourceRequirements;
  skipReset?: boolean;
  operations?: WebBackendOperationCreateOrUpdate[];
  sourceCatalogId?: string;
  geography?: Geography;
  notifySchemaChanges?: boolean;
  notifySchemaChangesByEmail?: boolean;
  nonBreakingChangesPreference?: NonBreakingChangesPreference;
}

export async function updateConnection(patch: WebBackendConnectionUpdate, store: LocalAirbyteStore): Promise<StoredConnection> {
  const original = store.getConnection(patch.connectionId);
  const { operationIds, changedOperations } = createOrUpdateOperations(original, patch, store);
  // Like Airbyte, a schedule in the patch is resolved (and checked) the way create does it.
  const schedule = patch.scheduleType || patch.schedule ? resolveSchedule(patch) : undefined;

  const updated: StoredConnection = {
    ...original,
    name: patch.name ?? original.name,
    namespaceDefinition: patch.namespaceDefinition ?? original.namespaceDefinition,
    namespaceFormat: patch.namespaceFormat ?? original.namespaceFormat,
    prefix: patch.prefix ?? original.prefix,
    syncCatalog: patch.syncCatalog ?? original.syncCatalog,
    scheduleType: schedule?.scheduleType ?? original.scheduleType,
    scheduleData: schedule ? schedule.scheduleData : original.scheduleData,
    status: patch.status ?? original.status,
    resourceRequirements: patch.resourceRequirements ?? original.resourceRequirements,
    sourceCatalogId: patch.sourceCatalogId ?? original.sourceCatalogId,
    geography: patch.geography ?? original.geography,
    notifySchemaChanges: patch.notifySchemaChanges ?? original.notifySchemaChanges,
    notifySchemaChangesByEmail: patch.notifySchemaChangesByEmail ?? original.notifySchemaChangesByEmail,
    nonBreakingChangesPreference: patch.nonBreakingChangesPreference ?? original.nonBreakingChangesPreference,
    operationIds: operationIds ?? original.operationIds,
  };
  await store.replaceConnection(updated, changedOperations);

  if (patch.skipReset !== true) {
    const streams = streamsToReset(original.syncCatalog, updated.syncCatalog, stateTypeOf(original));
    if (streams.length > 0) store.recordReset(updated.connectionId, streams);
  }
  return updated;
}

/**
 * The state Airbyte would hold: this server runs no syncs, so a connection whose last sync
 * succeeded is taken to have per-stream state, any other none yet.
 */
export function stateTypeOf(connection: StoredConnection): 'stream' | 'not_set' {
  return connection.latestSyncJobStatus === 'succeeded' ? 'stream' : 'not_set';
}

// Operations without an id (or with one the connection does not have) are created; the others
// are updated; the connection's operations not named in the request are dropped from it.
function createOrUpdateOperations(
  original: StoredConnection,
  patch: WebBackendConnectionUpdate,
  store: LocalAirbyteStore,
): { operationIds?: string[]; changedOperations: OperationRead[] } {
  if (!patch.operations) return { changedOperations: [] };
  const changedOperations: OperationRead[] = [];
  for (const operation of patch.operations) {
    const known = operation.operationId !== undefined && original.operationIds.includes(operation.operationId);
    if (known) store.getOperation(operation.operationId as string);
    else store.getWorkspace(operation.workspaceId);
    changedOperations.push({
      operationId: known ? (operation.operationId as string) : randomUUID(),
      workspaceId: known ? store.getOperation(operation.operationId as string).workspaceId : operation.workspaceId,
      name: operation.name,
      operatorConfiguration: operation.operatorConfiguration,
    });
  }
  return { operationIds: changedOperations.map((o) => o.operationId), changedOperations };
}
