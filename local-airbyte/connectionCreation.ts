// `web_backend/connections/create` in Airbyte v0.44.3's order: the web-backend handler creates
// the `operations` first (they stay behind if the connection then fails) and replaces
// `operationIds` with theirs; the connection handler then looks up the source and destination
// (404; a null id is a null pointer, 500), checks workspaces (500), converts the catalog
// (422/500), refuses both schedule kinds (422), applies ConnectionScheduleHelper (422) and
// writes the row (varchar(256) columns: 500 beyond). Defaults are Airbyte's.
import { randomUUID } from 'node:crypto';
import type { OperationRead, StoredConnection, WebBackendConnectionCreate } from './apiTypes';
import { checkCatalogConversion } from './catalogConversion';
import { badObjectSchema, failedPrecondition, internalError, nullPointer, valueTooLong } from './errors';
import { resolveSchedule } from './scheduleRules';
import type { LocalAirbyteStore } from './store';

const COLUMN_LENGTH = 256;
const SETTINGS_OF: Record<string, string> = { normalization: 'normalization', dbt: 'dbt', webhook: 'webhook' };

export async function createConnection(request: WebBackendConnectionCreate, store: LocalAirbyteStore): Promise<StoredConnection> {
  const operationIds = await createOperations(request, store);

  const source = store.getSource(request.sourceId);
  const destination = store.getDestination(request.destinationId);
  if (source.workspaceId !== destination.workspaceId) {
    throw failedPrecondition('Source and destination do not belong to the same workspace.');
  }
  for (const operationId of operationIds) {
    if (store.getOperation(operationId).workspaceId !== source.workspaceId) {
      throw failedPrecondition('Operation and connection do not belong to the same workspace.');
    }
  }
  checkCatalogConversion(request.syncCatalog as unknown as Record<string, unknown> | null | undefined);
  if (isSet(request.schedule) && isSet(request.scheduleType)) throw badObjectSchema('supply old or new schedule schema but not both');
  const schedule = resolveSchedule(request);
  for (const value of [request.name, request.prefix, request.namespaceFormat]) {
    if (typeof value === 'string' && value.length > COLUMN_LENGTH) throw valueTooLong();
  }

  const connection: StoredConnection = {
    connectionId: randomUUID(),
    name: request.name ?? `${source.name} <> ${destination.name}`,
    namespaceDefinition: request.namespaceDefinition ?? 'source',
    namespaceFormat: request.namespaceFormat ?? undefined,
    prefix: request.prefix ?? undefined,
    sourceId: source.sourceId,
    destinationId: destination.destinationId,
    operationIds,
    syncCatalog: { streams: request.syncCatalog?.streams ?? [] },
    ...schedule,
    status: request.status, // may be absent: v0.44.3 stores a connection without a status
    resourceRequirements: request.resourceRequirements ?? undefined,
    sourceCatalogId: request.sourceCatalogId ?? undefined,
    geography: request.geography ?? 'auto',
    notifySchemaChanges: false,
    notifySchemaChangesByEmail: false,
    nonBreakingChangesPreference: request.nonBreakingChangesPreference ?? 'ignore',
  };
  await store.addConnection(connection);
  return connection;
}

/** WebBackendConnectionsHandler.createOperations: each one is stored before the connection. */
async function createOperations(request: WebBackendConnectionCreate, store: LocalAirbyteStore): Promise<string[]> {
  const ids: string[] = [];
  for (const operation of request.operations ?? []) {
    if (!operation) throw nullPointer();
    const configuration = operation.operatorConfiguration;
    const type = configuration?.operatorType;
    if (!configuration || !type) throw nullPointer();
    if (!isSet((configuration as unknown as Record<string, unknown>)[SETTINGS_OF[type]])) throw failedPrecondition(null);
    if (type === 'webhook' && configuration.webhook?.webhookType === 'dbtCloud' && !isSet(configuration.webhook.dbtCloud)) throw nullPointer();
    if (operation.workspaceId === null || operation.workspaceId === undefined) throw nullPointer();
    if (!store.listWorkspaces().some((w) => w.workspaceId === operation.workspaceId)) {
      throw internalError('org.jooq.exception.DataIntegrityViolationException', 'insert or update on table "operation" violates foreign key constraint "operation_workspace_id_fkey"');
    }
    if (typeof operation.name === 'string' && operation.name.length > COLUMN_LENGTH) throw valueTooLong();
    if (operation.name === null || operation.name === undefined) {
      throw internalError('org.jooq.exception.DataAccessException', 'null value in column "name" of relation "operation" violates not-null constraint');
    }
    const created: OperationRead = { workspaceId: operation.workspaceId, operationId: randomUUID(), name: operation.name, operatorConfiguration: configuration };
    await store.addOperations([created]);
    ids.push(created.operationId);
  }
  return ids;
}

function isSet(value: unknown): boolean {
  return value !== null && value !== undefined;
}
