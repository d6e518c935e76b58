// A minimal connection file for a live connection: what create needs and nothing Airbyte would
// fill in by itself, in a fixed key order, so that exporting and then planning shows no change.
import type { WebBackendConnectionRead } from '../api';
import { defaultAliasName, isObj, normalizeLive } from './normalize';

type Obj = Record<string, unknown>;

const STREAM_FACTS = ['name', 'namespace', 'jsonSchema', 'supportedSyncModes', 'sourceDefinedCursor', 'defaultCursorField', 'sourceDefinedPrimaryKey'];

export function exportConnectionFile(read: WebBackendConnectionRead): Obj {
  const { settings } = normalizeLive(read);
  const file: Obj = {
    name: settings.name,
    sourceId: settings.sourceId,
    destinationId: settings.destinationId,
    status: settings.status,
    scheduleType: settings.scheduleType,
  };
  if (settings.scheduleData !== undefined) file.scheduleData = settings.scheduleData;
  if (settings.namespaceDefinition !== 'source') file.namespaceDefinition = settings.namespaceDefinition;
  if (settings.namespaceFormat !== undefined && settings.namespaceFormat !== null) file.namespaceFormat = settings.namespaceFormat;
  if (settings.prefix !== '') file.prefix = settings.prefix;
  if (settings.geography !== 'auto') file.geography = settings.geography;
  if (settings.nonBreakingChangesPreference !== 'ignore') file.nonBreakingChangesPreference = settings.nonBreakingChangesPreference;
  if (isObj(settings.resourceRequirements) && Object.keys(settings.resourceRequirements).length > 0) {
    file.resourceRequirements = settings.resourceRequirements;
  }
  const operationIds = Array.isArray(read.operationIds) ? read.operationIds : [];
  if (operationIds.length > 0) file.operationIds = operationIds;
  file.syncCatalog = { streams: exportStreams(read.syncCatalog) };
  return file;
}

function exportStreams(catalog: unknown): Obj[] {
  const entries = isObj(catalog) && Array.isArray(catalog.streams) ? catalog.streams.filter(isObj) : [];
  return entries
    .filter((entry) => isObj(entry.stream) && isObj(entry.config) && entry.config.selected !== false)
    .map((entry) => {
      const stream = entry.stream as Obj;
      const config = entry.config as Obj;
      const outStream: Obj = {};
      for (const key of STREAM_FACTS) if (stream[key] !== undefined && stream[key] !== null) outStream[key] = stream[key];
      const outConfig: Obj = { syncMode: config.syncMode, destinationSyncMode: config.destinationSyncMode };
      if (Array.isArray(config.cursorField) && config.cursorField.length > 0) outConfig.cursorField = config.cursorField;
      if (Array.isArray(config.primaryKey) && config.primaryKey.length > 0) outConfig.primaryKey = config.primaryKey;
      if (typeof config.aliasName === 'string' && config.aliasName !== defaultAliasName(String(stream.name))) outConfig.aliasName = config.aliasName;
      outConfig.selected = true;
      if (config.fieldSelectionEnabled === true) {
        outConfig.fieldSelectionEnabled = true;
        outConfig.selectedFields = config.selectedFields ?? [];
      }
      return { stream: outStream, config: outConfig };
    });
}

/** The file's text: two-space JSON with a final newline, like the examples. */
export function formatConnectionFile(file: Obj): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
