// Request bodies of the endpoints this server implements, from the OpenAPI models of v0.44.3,
// with the generated model class names Jackson reports in its conversion errors.
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
import { anything, arrayOf, boolean, integer, long, object, oneOf, string, uuid } from './shapes';

export const workspaceIdRequestBody = object('WorkspaceIdRequestBody', { workspaceId: uuid });
export const sourceIdRequestBody = object('SourceIdRequestBody', { sourceId: uuid });
export const destinationIdRequestBody = object('DestinationIdRequestBody', { destinationId: uuid });
export const connectionIdRequestBody = object('ConnectionIdRequestBody', { connectionId: uuid });
export const operationIdRequestBody = object('OperationIdRequestBody', { operationId: uuid });

export const sourceDiscoverSchemaRequestBody = object('SourceDiscoverSchemaRequestBody', {
  sourceId: uuid,
  connectionId: uuid,
  disable_cache: boolean,
  notifySchemaChange: boolean,
});

export const webBackendConnectionRequestBody = object('WebBackendConnectionRequestBody', { connectionId: uuid, withRefreshedCatalog: boolean });

export const destinationDefinitionIdWithWorkspaceId = object('DestinationDefinitionIdWithWorkspaceId', {
  destinationDefinitionId: uuid,
  workspaceId: uuid,
});

export const webBackendConnectionListRequestBody = object('WebBackendConnectionListRequestBody', {
  workspaceId: uuid,
  sourceId: arrayOf(uuid),
  destinationId: arrayOf(uuid),
});

const airbyteStream = object('AirbyteStream', {
  name: string,
  jsonSchema: anything, // a JsonNode: anything goes
  supportedSyncModes: arrayOf(oneOf(SYNC_MODES, 'SyncMode')),
  sourceDefinedCursor: boolean,
  defaultCursorField: arrayOf(string),
  sourceDefinedPrimaryKey: arrayOf(arrayOf(string)),
  namespace: string,
});

const airbyteStreamConfiguration = object('AirbyteStreamConfiguration', {
  syncMode: oneOf(SYNC_MODES, 'SyncMode'),
  cursorField: arrayOf(string),
  destinationSyncMode: oneOf(DESTINATION_SYNC_MODES, 'DestinationSyncMode'),
  primaryKey: arrayOf(arrayOf(string)),
  aliasName: string,
  selected: boolean,
  suggested: boolean,
  fieldSelectionEnabled: boolean,
  selectedFields: arrayOf(object('SelectedFieldInfo', { fieldPath: arrayOf(string) })),
});

const airbyteCatalog = object('AirbyteCatalog', {
  streams: arrayOf(object('AirbyteStreamAndConfiguration', { stream: airbyteStream, config: airbyteStreamConfiguration })),
});

const operatorConfiguration = object('OperatorConfiguration', {
  operatorType: oneOf(OPERATOR_TYPES, 'OperatorType'),
  normalization: object('OperatorNormalization', { option: oneOf(['basic'], 'OperatorNormalization$OptionEnum') }),
  dbt: object('OperatorDbt', { gitRepoUrl: string, gitRepoBranch: string, dockerImage: string, dbtArguments: string }),
  webhook: object('OperatorWebhook', {
    webhookConfigId: uuid,
    webhookType: oneOf(['dbtCloud'], 'OperatorWebhook$WebhookTypeEnum'),
    dbtCloud: object('OperatorWebhookDbtCloud', { accountId: integer, jobId: integer }),
    executionUrl: string,
    executionBody: string,
  }),
});

export const operationCreate = object('OperationCreate', { workspaceId: uuid, name: string, operatorConfiguration });

export const webBackendConnectionCreate = object('WebBackendConnectionCreate', {
  name: string,
  namespaceDefinition: oneOf(NAMESPACE_DEFINITIONS, 'NamespaceDefinitionType'),
  namespaceFormat: string,
  prefix: string,
  sourceId: uuid,
  destinationId: uuid,
  operationIds: arrayOf(uuid),
  syncCatalog: airbyteCatalog,
  schedule: object('ConnectionSchedule', { units: long, timeUnit: oneOf(TIME_UNITS, 'ConnectionSchedule$TimeUnitEnum') }),
  scheduleType: oneOf(SCHEDULE_TYPES, 'ConnectionScheduleType'),
  scheduleData: object('ConnectionScheduleData', {
    basicSchedule: object('ConnectionScheduleDataBasicSchedule', { timeUnit: oneOf(TIME_UNITS, 'ConnectionScheduleDataBasicSchedule$TimeUnitEnum'), units: long }),
    cron: object('ConnectionScheduleDataCron', { cronExpression: string, cronTimeZone: string }),
  }),
  status: oneOf(CONNECTION_STATUSES, 'ConnectionStatus'),
  resourceRequirements: object('ResourceRequirements', { cpu_request: string, cpu_limit: string, memory_request: string, memory_limit: string }),
  operations: arrayOf(operationCreate),
  sourceCatalogId: uuid,
  geography: oneOf(GEOGRAPHIES, 'Geography'),
  nonBreakingChangesPreference: oneOf(NON_BREAKING_CHANGES_PREFERENCES, 'NonBreakingChangesPreference'),
});
