// Request bodies of the endpoints this server implements, from the OpenAPI models.
// `cronExpression`/`cronTimeZone` are deliberately not required here: Airbyte reports them
// missing from its schedule rules (422 "Cron expression and timezone are required").
import {
  CONNECTION_STATUSES,
  DESTINATION_SYNC_MODES,
  GEOGRAPHIES,
  NAMESPACE_DEFINITIONS,
  NON_BREAKING_CHANGES_PREFERENCES,
  OPERATOR_TYPES,
  SCHEDULE_TYPES,
  SYNC_MODES,
  TIME_UNITS,
} from '../apiTypes';
import { arrayOf, boolean, integer, object, oneOf, string } from './shapes';

// Ids are typed as plain strings: an id that is not a known uuid is answered with 404.
const id = string;

export const workspaceIdRequestBody = object({ workspaceId: id }, ['workspaceId']);
export const sourceIdRequestBody = object({ sourceId: id }, ['sourceId']);
export const destinationIdRequestBody = object({ destinationId: id }, ['destinationId']);
export const connectionIdRequestBody = object({ connectionId: id }, ['connectionId']);
export const operationIdRequestBody = object({ operationId: id }, ['operationId']);

export const destinationDefinitionIdWithWorkspaceId = object(
  { destinationDefinitionId: id, workspaceId: id },
  ['destinationDefinitionId', 'workspaceId'],
);

export const sourceDiscoverSchemaRequestBody = object(
  { sourceId: id, connectionId: id, disable_cache: boolean, notifySchemaChange: boolean },
  ['sourceId'],
);

export const webBackendConnectionRequestBody = object(
  { connectionId: id, withRefreshedCatalog: boolean },
  ['connectionId'],
);

export const webBackendConnectionListRequestBody = object(
  { workspaceId: id, sourceId: arrayOf(id), destinationId: arrayOf(id) },
  ['workspaceId'],
);

const airbyteStream = object(
  {
    name: string,
    jsonSchema: object({}),
    supportedSyncModes: arrayOf(oneOf(SYNC_MODES)),
    sourceDefinedCursor: boolean,
    defaultCursorField: arrayOf(string),
    sourceDefinedPrimaryKey: arrayOf(arrayOf(string)),
    namespace: string,
  },
  ['name'],
);

const airbyteStreamConfiguration = object(
  {
    syncMode: oneOf(SYNC_MODES),
    cursorField: arrayOf(string),
    destinationSyncMode: oneOf(DESTINATION_SYNC_MODES),
    primaryKey: arrayOf(arrayOf(string)),
    aliasName: string,
    selected: boolean,
    suggested: boolean,
    fieldSelectionEnabled: boolean,
    selectedFields: arrayOf(object({ fieldPath: arrayOf(string) })),
  },
  ['syncMode', 'destinationSyncMode'],
);

const airbyteCatalog = object(
  { streams: arrayOf(object({ stream: airbyteStream, config: airbyteStreamConfiguration })) },
  ['streams'],
);

const operatorConfiguration = object(
  {
    operatorType: oneOf(OPERATOR_TYPES),
    normalization: object({ option: oneOf(['basic']) }),
    dbt: object(
      { gitRepoUrl: string, gitRepoBranch: string, dockerImage: string, dbtArguments: string },
      ['gitRepoUrl'],
    ),
    webhook: object({
      webhookConfigId: id,
      webhookType: oneOf(['dbtCloud']),
      dbtCloud: object({ accountId: integer, jobId: integer }, ['accountId', 'jobId']),
      executionUrl: string,
      executionBody: string,
    }),
  },
  ['operatorType'],
);

export const operationCreate = object(
  { workspaceId: id, name: string, operatorConfiguration },
  ['name', 'operatorConfiguration', 'workspaceId'],
);

export const webBackendConnectionCreate = object(
  {
    name: string,
    namespaceDefinition: oneOf(NAMESPACE_DEFINITIONS),
    namespaceFormat: string,
    prefix: string,
    sourceId: id,
    destinationId: id,
    operationIds: arrayOf(id),
    syncCatalog: airbyteCatalog,
    schedule: object({ units: integer, timeUnit: oneOf(TIME_UNITS) }, ['units', 'timeUnit']),
    scheduleType: oneOf(SCHEDULE_TYPES),
    scheduleData: object({
      basicSchedule: object({ timeUnit: oneOf(TIME_UNITS), units: integer }, ['timeUnit', 'units']),
      cron: object({ cronExpression: string, cronTimeZone: string }),
    }),
    status: oneOf(CONNECTION_STATUSES),
    resourceRequirements: object({
      cpu_request: string,
      cpu_limit: string,
      memory_request: string,
      memory_limit: string,
    }),
    operations: arrayOf(operationCreate),
    sourceCatalogId: id,
    geography: oneOf(GEOGRAPHIES),
    nonBreakingChangesPreference: oneOf(NON_BREAKING_CHANGES_PREFERENCES),
  },
  ['sourceId', 'destinationId', 'status'],
);
