// The configuration Airbyte's v0.44.3 web app gives a freshly discovered stream when a
// connection is created (airbyte-webapp `calculateInitialCatalog`, create mode):
// - the source's discovered config is the starting point (its primary key, alias…);
// - the cursor is the config's own, else the source's default cursor;
// - the sync mode pair is the best one both sides support, in this order:
//   incremental + append_dedup (only with a source-defined cursor and primary key),
//   full_refresh + overwrite, incremental + append, full_refresh + append.
import type { DestinationSyncMode, StreamAndConfig, StreamConfig, SyncMode } from './types';

export function initialStreamConfig(
  discovered: StreamAndConfig,
  supportedDestinationSyncModes: readonly DestinationSyncMode[],
  selected: boolean,
): StreamConfig {
  const { stream } = discovered;
  const base: StreamConfig = { ...(discovered.config ?? {}) };
  const supportedSyncModes: SyncMode[] = stream.supportedSyncModes?.length ? stream.supportedSyncModes : ['full_refresh'];
  const cursorField = base.cursorField?.length ? base.cursorField : (stream.defaultCursorField ?? []);
  const modes = optimalModes(supportedSyncModes, supportedDestinationSyncModes, stream.sourceDefinedCursor === true, (stream.sourceDefinedPrimaryKey ?? []).length > 0);
  return {
    syncMode: modes?.syncMode ?? base.syncMode ?? supportedSyncModes[0],
    destinationSyncMode: modes?.destinationSyncMode ?? base.destinationSyncMode ?? 'append',
    cursorField: [...cursorField],
    primaryKey: (base.primaryKey ?? stream.sourceDefinedPrimaryKey ?? []).map((path) => [...path]),
    aliasName: base.aliasName ?? stream.name,
    selected,
    ...(base.suggested !== undefined ? { suggested: base.suggested } : {}),
  };
}

function optimalModes(
  syncModes: readonly SyncMode[],
  destinationModes: readonly DestinationSyncMode[],
  sourceDefinedCursor: boolean,
  hasSourcePrimaryKey: boolean,
): { syncMode: SyncMode; destinationSyncMode: DestinationSyncMode } | undefined {
  const incremental = syncModes.includes('incremental');
  if (incremental && destinationModes.includes('append_dedup') && sourceDefinedCursor && hasSourcePrimaryKey) {
    return { syncMode: 'incremental', destinationSyncMode: 'append_dedup' };
  }
  if (destinationModes.includes('overwrite')) return { syncMode: 'full_refresh', destinationSyncMode: 'overwrite' };
  if (incremental && destinationModes.includes('append')) return { syncMode: 'incremental', destinationSyncMode: 'append' };
  if (destinationModes.includes('append')) return { syncMode: 'full_refresh', destinationSyncMode: 'append' };
  return undefined;
}
