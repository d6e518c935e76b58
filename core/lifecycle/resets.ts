// Which streams Airbyte v0.44.3 will reset (clear and re-sync) when the update is applied, as its
// WebBackendConnectionsHandler.resetStreamsIfNeeded decides: it diffs the configured catalogs
// (selected streams) before and after. A stream newly selected or no longer selected, a stream
// whose schema fields changed, and a stream whose cursor field, sync mode, destination sync mode
// or primary key (compared as a set) changed are reset. When the connection has no per-stream
// state (state type `legacy` or `not_set`), Airbyte resets every stream of the updated connection.
import { sameJson } from './canonicalJson';
import type { NormalizedConnection, NormalizedStream } from './normalize';

export interface ResetPrediction {
  /** Labels of the streams that will be reset, sorted. */
  streams: string[];
  /** True when the state type makes Airbyte reset every stream, not only the changed ones. */
  allStreams: boolean;
  /** As `web_backend/state/get_type` answered; undefined when it could not be asked. */
  stateType?: string;
}

export function predictResets(live: NormalizedConnection, desired: NormalizedConnection, stateType: string | undefined): ResetPrediction {
  const changed: string[] = [];
  for (const wanted of desired.streams.values()) {
    const current = live.streams.get(wanted.key);
    if (!current || schemaChanged(current, wanted) || configChanged(current, wanted)) changed.push(wanted.label);
  }
  for (const current of live.streams.values()) if (!desired.streams.has(current.key)) changed.push(current.label);
  if (changed.length === 0) return { streams: [], allStreams: false, stateType };
  if (stateType === 'legacy' || stateType === 'not_set') {
    return { streams: [...desired.streams.values()].map((s) => s.label).sort(), allStreams: true, stateType };
  }
  return { streams: changed.sort(), allStreams: false, stateType };
}

function configChanged(a: NormalizedStream, b: NormalizedStream): boolean {
  const primaryKeys = (s: NormalizedStream) => [...new Set(s.config.primaryKey.map((p) => JSON.stringify(p)))].sort();
  return (
    a.config.syncMode !== b.config.syncMode ||
    a.config.destinationSyncMode !== b.config.destinationSyncMode ||
    !sameJson(a.config.cursorField, b.config.cursorField) ||
    !sameJson(primaryKeys(a), primaryKeys(b))
  );
}

function schemaChanged(a: NormalizedStream, b: NormalizedStream): boolean {
  return !!a.schemaFields && !!b.schemaFields && !sameJson(a.schemaFields, b.schemaFields);
}
