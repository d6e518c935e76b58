// The parts of the Airbyte v0.44.3 Configuration API models this server reads and writes.
// Field names and enum values follow the OpenAPI file (what goes over the wire).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const CONNECTION_STATUSES = ['active', 'inactive', 'deprecated'] as const;
export const SCHEDULE_TYPES = ['manual', 'basic', 'cron'] as const;
export const TIME_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months'] as const;
export const NAMESPACE_DEFINITIONS = ['source', 'destination', 'customformat'] as const;
export const GEOGRAPHIES = ['auto', 'us', 'eu'] as const;
export const NON_BREAKING_CHANGES_PREFERENCES = ['ignore', 'disable'] as const;
export const SYNC_MODES = ['full_refresh', 'incremental'] as const;
export const DESTINATION_SYNC_MODES = ['append', 'overwrite', 'append_dedup'] as const;
export const OPERATOR_TYPES = ['normalization', 'dbt', 'webhook'] as const;

export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];
export type ConnectionScheduleType = (typeof SCHEDULE_TYPES)[number];
export type TimeUnit = (typeof TIME_UNITS)[number];
export type NamespaceDefinitionType = (typeof NAMESPACE_DEFINITIONS)[number];
export type Geography = (typeof GEOGRAPHIES)[number];
export type NonBreakingChangesPreference = (typeof NON_BREAKING_CHANGES_PREFERENCES)[number];
export type SyncMode = (typeof SYNC_MODES)[number];
export type DestinationSyncMode = (typeof DESTINATION_SYNC_MODES)[number];
export type JobStatus = 'pending' | 'running' | 'incomplete' | 'failed' | 'succeeded' | 'cancelled';

export interface WorkspaceRead {
  workspaceId: string;
  customerId: string;
  email?: string;
  name: string;
  slug: string;
  initialSetupComplete: boolean;
  displaySetupWizard?: boolean;
  anonymousDataCollection?: boolean;
  news?: boolean;
  securityUpdates?: boolean;
  notifications?: JsonObject[];
  firstCompletedSync?: boolean;
  feedbackDone?: boolean;
  defaultGeography?: Geography;
  webhookConfigs?: { id: string; name?: string }[];
}

export interface SourceRead {
  sourceDefinitionId: string;
  sourceId: string;
  workspaceId: string;
  connectionConfiguration: JsonObject;
  name: string;
  sourceName: string;
  icon?: string;
}

export interface DestinationRead {
  destinationDefinitionId: string;
  destinationId: string;
  workspaceId: string;
  connectionConfiguration: JsonObject;
  name: string;
  destinationName: string;
  icon?: string;
}

export interface AirbyteStream {
  name: string;
  jsonSchema?: JsonObject;
  supportedSyncModes?: SyncMode[];
  sourceDefinedCursor?: boolean;
  defaultCursorField?: string[];
  sourceDefinedPrimaryKey?: string[][];
  namespace?: string;
}

export interface AirbyteStreamConfiguration {
  syncMode: SyncMode;
  cursorField?: string[];
  destinationSyncMode: DestinationSyncMode;
  primaryKey?: string[][];
  aliasName?: string;
  selected?: boolean;
  suggested?: boolean;
  fieldSelectionEnabled?: boolean;
  selectedFields?: { fieldPath?: string[] }[];
}

export interface AirbyteCatalog {
  streams: { stream?: AirbyteStream; config?: AirbyteStreamConfiguration }[];
}

export interface ConnectionSchedule {
  units: number;
  timeUnit: TimeUnit;
}

export interface ConnectionScheduleData {
  basicSchedule?: { timeUnit: TimeUnit; units: number };
  cron?: { cronExpression?: string; cronTimeZone?: string };
}

export interface OperatorConfiguration {
  operatorType: (typeof OPERATOR_TYPES)[number];
  normalization?: { option?: 'basic' };
  dbt?: { gitRepoUrl: string; gitRepoBranch?: string; dockerImage?: string; dbtArguments?: string };
  webhook?: JsonObject;
}

export interface OperationRead {
  workspaceId: string;
  operationId: string;
  name: string;
  operatorConfiguration: OperatorConfiguration;
}

export type OperationCreate = Omit<OperationRead, 'operationId'>;

export interface ResourceRequirements {
  cpu_request?: string;
  cpu_limit?: string;
  memory_request?: string;
  memory_limit?: string;
}

export interface WebBackendConnectionCreate {
  name?: string;
  namespaceDefinition?: NamespaceDefinitionType;
  namespaceFormat?: string;
  prefix?: string;
  sourceId: string;
  destinationId: string;
  operationIds?: string[];
  syncCatalog?: AirbyteCatalog;
  schedule?: ConnectionSchedule;
  scheduleType?: ConnectionScheduleType;
  scheduleData?: ConnectionScheduleData;
  status: ConnectionStatus;
  resourceRequirements?: ResourceRequirements;
  operations?: OperationCreate[];
  sourceCatalogId?: string;
  geography?: Geography;
  nonBreakingChangesPreference?: NonBreakingChangesPreference;
}

/** A connection as this server keeps it (roughly Airbyte's StandardSync plus job facts). */
export interface StoredConnection {
  connectionId: string;
  name: string;
  namespaceDefinition: NamespaceDefinitionType;
  namespaceFormat?: string;
  prefix?: string;
  sourceId: string;
  destinationId: string;
  operationIds: string[];
  syncCatalog: AirbyteCatalog;
  scheduleType: ConnectionScheduleType;
  scheduleData?: ConnectionScheduleData;
  status: ConnectionStatus;
  resourceRequirements?: ResourceRequirements;
  sourceCatalogId?: string;
  geography: Geography;
  notifySchemaChanges: boolean;
  notifySchemaChangesByEmail: boolean;
  nonBreakingChangesPreference: NonBreakingChangesPreference;
  /** Epoch seconds, like Airbyte's job timestamps. */
  latestSyncJobCreatedAt?: number;
  latestSyncJobStatus?: JobStatus;
}

export interface ConnectionRead {
  connectionId: string;
  name: string;
  namespaceDefinition?: NamespaceDefinitionType;
  namespaceFormat?: string;
  prefix?: string;
  sourceId: string;
  destinationId: string;
  operationIds?: string[];
  syncCatalog: AirbyteCatalog;
  schedule?: ConnectionSchedule;
  scheduleType?: ConnectionScheduleType;
  scheduleData?: ConnectionScheduleData;
  status: ConnectionStatus;
  resourceRequirements?: ResourceRequirements;
  sourceCatalogId?: string;
  geography?: Geography;
  breakingChange: boolean;
  notifySchemaChanges?: boolean;
  notifySchemaChangesByEmail?: boolean;
  nonBreakingChangesPreference?: NonBreakingChangesPreference;
  workspaceId?: string;
}

export interface WebBackendConnectionRead
  extends Omit<ConnectionRead, 'breakingChange' | 'workspaceId'> {
  source: SourceRead;
  destination: DestinationRead;
  operations?: OperationRead[];
  latestSyncJobCreatedAt?: number;
  latestSyncJobStatus?: JobStatus;
  isSyncing: boolean;
  catalogId?: string;
  catalogDiff?: { transforms: JsonObject[] };
  schemaChange: 'no_change' | 'non_breaking' | 'breaking';
  notifySchemaChanges: boolean;
  notifySchemaChangesByEmail: boolean;
  nonBreakingChangesPreference: NonBreakingChangesPreference;
}

export interface WebBackendConnectionListItem {
  connectionId: string;
  name: string;
  scheduleType?: ConnectionScheduleType;
  scheduleData?: ConnectionScheduleData;
  status: ConnectionStatus;
  source: { sourceId: string; name: string; sourceDefinitionId: string; sourceName: string; icon?: string };
  destination: {
    destinationId: string;
    name: string;
    destinationDefinitionId: string;
    destinationName: string;
    icon?: string;
  };
  latestSyncJobCreatedAt?: number;
  latestSyncJobStatus?: JobStatus;
  isSyncing: boolean;
  schemaChange: 'no_change' | 'non_breaking' | 'breaking';
}

export interface SourceDiscoverSchemaRead {
  catalog?: AirbyteCatalog;
  jobInfo: {
    id: string;
    configType: string;
    configId?: string;
    createdAt: number;
    endedAt: number;
    succeeded: boolean;
    connectorConfigurationUpdated?: boolean;
    logs?: { logLines: string[] };
    failureReason?: { failureOrigin?: string; externalMessage?: string; internalMessage?: string; timestamp: number };
  };
  catalogId?: string;
  breakingChange?: boolean;
}
