// Which streams Airbyte v0.44.3 resets after an update (WebBackendConnectionsHandler
// .resetStreamsIfNeeded): it diffs the configured catalogs (selected streams only) before and
// after. A stream newly selected, no longer selected, whose schema fields changed, or whose
// cursor, sync modes or primary key changed is reset. When the connection holds no per-stream
// state (legacy or not set) every stream of the updated connection is reset instead.
import type { AirbyteCatalog, AirbyteStreamConfiguration, Json } from './apiTypes';

type StreamRef = { name: string; namespace?: string };
type Entry = AirbyteCatalog['streams'][number];

export function streamsToReset(before: AirbyteCatalog, after: AirbyteCatalog, stateType: string): StreamRef[] {
  const old = configured(before);
  const now = configured(after);
  const changed: StreamRef[] = [];
  for (const [key, entry] of now) {
    const previous = old.get(key);
    if (!previous || schemaFields(previous) !== schemaFields(entry) || configChanged(previous.config, entry.config)) {
      changed.push(ref(entry));
    }
  }
  for (const [key, entry] of old) if (!now.has(key)) changed.push(ref(entry));
  if (changed.length === 0) return [];
  if (stateType === 'legacy' || stateType === 'not_set') return [...now.values()].map(ref);
  return changed;
}

function configured(catalog: AirbyteCatalog): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const entry of catalog.streams ?? []) {
    if (!entry.stream?.name || entry.config?.selected === false) continue;
    map.set(JSON.stringify([entry.stream.namespace ?? null, entry.stream.name]), entry);
  }
  return map;
}

function ref(entry: Entry): StreamRef {
  const name = entry.stream?.name ?? '';
  return entry.stream?.namespace ? { name, namespace: entry.stream.namespace } : { name };
}

function configChanged(a: AirbyteStreamConfiguration | undefined, b: AirbyteStreamConfiguration | undefined): boolean {
  if (a?.syncMode !== b?.syncMode || a?.destinationSyncMode !== b?.destinationSyncMode) return true;
  if (JSON.stringify(a?.cursorField ?? []) !== JSON.stringify(b?.cursorField ?? [])) return true;
  const keys = (config: AirbyteStreamConfiguration | undefined) =>
    [...new Set((config?.primaryKey ?? []).map((path) => JSON.stringify(path)))].sort().join('|');
  return keys(a) !== keys(b);
}

// Every field path of the stream's JSON schema with its type, as one comparable string.
function schemaFields(entry: Entry): string {
  const out: string[] = [];
  const walk = (schema: Json | undefined, path: string[]) => {
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
    const properties = schema.properties;
    if (!properties || typeof properties !== 'object' || Array.isArray(properties)) return;
    for (const [name, child] of Object.entries(properties)) {
      const type = child && typeof child === 'object' && !Array.isArray(child) ? JSON.stringify(child.type ?? null) : 'null';
      out.push(`${JSON.stringify([...path, name])}:${type}`);
      walk(child, [...path, name]);
    }
  };
  walk(entry.stream?.jsonSchema, []);
  return out.sort().join('\n');
}
