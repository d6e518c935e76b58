// What would change if the file were applied to the live connection: settings, streams added /
// removed / changed (field by field) and operations. Both sides are normalised first.
import { sameJson } from './canonicalJson';
import { SETTING_NAMES, type NormalizedConnection, type NormalizedOperation, type NormalizedStream, type SettingName } from './normalize';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface StreamChange {
  label: string;
  fields: FieldChange[];
}

export interface ConnectionDiff {
  settings: FieldChange[];
  streamsAdded: NormalizedStream[];
  streamsRemoved: NormalizedStream[];
  streamsChanged: StreamChange[];
  operationsAdded: string[];
  operationsRemoved: string[];
}

const STREAM_FIELDS = ['syncMode', 'destinationSyncMode', 'cursorField', 'primaryKey', 'aliasName', 'selectedFields'] as const;

export function diffConnections(live: NormalizedConnection, desired: NormalizedConnection): ConnectionDiff {
  const settings: FieldChange[] = [];
  for (const field of SETTING_NAMES) {
    // A setting the file leaves out (only `name` can be) is not managed by it.
    if (!(field in desired.settings)) continue;
    const from = live.settings[field as SettingName];
    const to = desired.settings[field as SettingName];
    if (!sameJson(from ?? null, to ?? null)) settings.push({ field, from, to });
  }

  const streamsAdded = [...desired.streams.values()].filter((s) => !live.streams.has(s.key));
  const streamsRemoved = [...live.streams.values()].filter((s) => !desired.streams.has(s.key));
  const streamsChanged: StreamChange[] = [];
  for (const wanted of desired.streams.values()) {
    const current = live.streams.get(wanted.key);
    if (!current) continue;
    const fields: FieldChange[] = [];
    for (const field of STREAM_FIELDS) {
      if (!sameJson(current.config[field] ?? null, wanted.config[field] ?? null)) {
        fields.push({ field, from: current.config[field], to: wanted.config[field] });
      }
    }
    const schema = schemaChange(current, wanted);
    if (schema) fields.push(schema);
    if (fields.length > 0) streamsChanged.push({ label: wanted.label, fields });
  }

  const { added, removed } = diffOperations(live.operations, desired.operations);
  return { settings, streamsAdded, streamsRemoved, streamsChanged, operationsAdded: added, operationsRemoved: removed };
}

export function isEmptyDiff(diff: ConnectionDiff): boolean {
  return (
    diff.settings.length + diff.streamsAdded.length + diff.streamsRemoved.length + diff.streamsChanged.length +
      diff.operationsAdded.length + diff.operationsRemoved.length ===
    0
  );
}

/** Schema fields compared only when both sides carry a JSON schema (a file may leave it to Airbyte). */
function schemaChange(current: NormalizedStream, wanted: NormalizedStream): FieldChange | undefined {
  if (!current.schemaFields || !wanted.schemaFields) return undefined;
  const before = new Set(current.schemaFields);
  const after = new Set(wanted.schemaFields);
  const added = wanted.schemaFields.filter((f) => !before.has(f));
  const removed = current.schemaFields.filter((f) => !after.has(f));
  if (added.length === 0 && removed.length === 0) return undefined;
  return { field: 'jsonSchema', from: removed, to: added };
}

/** Operations named by id match by id; inline ones match a live one with the same name and configuration. */
function diffOperations(live: NormalizedOperation[], desired: NormalizedOperation[]): { added: string[]; removed: string[] } {
  const unmatched = [...live];
  const added: string[] = [];
  const take = (match: (o: NormalizedOperation) => boolean) => {
    const at = unmatched.findIndex(match);
    if (at < 0) return false;
    unmatched.splice(at, 1);
    return true;
  };
  for (const wanted of desired) {
    if (wanted.operationId) {
      if (!take((o) => o.operationId === wanted.operationId)) added.push(`operation ${wanted.operationId}`);
    } else if (!take((o) => o.name === wanted.name && sameJson(o.operatorConfiguration, wanted.operatorConfiguration))) {
      added.push(`new operation “${wanted.name}”`);
    }
  }
  return { added, removed: unmatched.map((o) => (o.name ? `operation “${o.name}” (${o.operationId})` : `operation ${o.operationId}`)) };
}
