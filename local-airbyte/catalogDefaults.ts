// The configuration Airbyte suggests for a freshly discovered stream: first supported sync mode,
// append, the source's cursor and primary key, the stream name as alias, selected.
import type { AirbyteCatalog, AirbyteStream, AirbyteStreamConfiguration } from './apiTypes';

export function defaultStreamConfiguration(stream: AirbyteStream): AirbyteStreamConfiguration {
  return {
    syncMode: stream.supportedSyncModes?.[0] ?? 'full_refresh',
    cursorField: [...(stream.defaultCursorField ?? [])],
    destinationSyncMode: 'append',
    primaryKey: (stream.sourceDefinedPrimaryKey ?? []).map((path) => [...path]),
    aliasName: stream.name.replace(/[^A-Za-z0-9_]/g, '_'),
    selected: true,
    suggested: true,
    fieldSelectionEnabled: false,
    selectedFields: [],
  };
}

export function catalogWithDefaults(streams: AirbyteStream[]): AirbyteCatalog {
  return { streams: streams.map((stream) => ({ stream, config: defaultStreamConfiguration(stream) })) };
}
