// What Airbyte v0.44.3's CatalogConverter does with a create request's `syncCatalog`: its
// null pointers (500) and its field-selection checks (422, wrapped by ApiHelper). Unselected
// streams are filtered out first; sync modes are not checked against supportedSyncModes.
import { badObjectSchema, internalError, nullPointer } from './errors';

type Json = Record<string, unknown> | null | undefined;

export function checkCatalogConversion(catalog: Json): void {
  if (catalog === null || catalog === undefined) return; // no catalog: an empty one is stored
  const streams = catalog.streams;
  if (streams === undefined) return; // the generated model starts with an empty list
  if (streams === null) throw nullPointer();
  for (const entry of streams as Json[]) {
    if (!entry) throw nullPointer();
    const config = entry.config as Json;
    if (!config || config.selected === null || config.selected === undefined) throw nullPointer();
  }
  for (const entry of (streams as Record<string, unknown>[]).filter((e) => (e.config as Record<string, unknown>).selected === true)) {
    checkStream(entry.stream as Json, entry.config as Record<string, unknown>);
  }
}

function checkStream(stream: Json, config: Record<string, unknown>): void {
  if (config.fieldSelectionEnabled === true) checkFieldSelection(stream, config);
  if (!stream) throw nullPointer();
  if (stream.supportedSyncModes === null || stream.supportedSyncModes === undefined) throw nullPointer();
}

function checkFieldSelection(stream: Json, config: Record<string, unknown>): void {
  const selectedFields = config.selectedFields as { fieldPath?: string[] | null }[] | null | undefined;
  if (!selectedFields) throw badObjectSchema('Requested field selection but no selected fields provided');
  if (!stream) throw nullPointer();
  const jsonSchema = stream.jsonSchema;
  if (jsonSchema === null || jsonSchema === undefined) throw nullPointer();
  const properties = findProperties(jsonSchema);
  if (!properties) throw badObjectSchema('Requested field selection but no properties node found');
  for (const field of selectedFields) {
    if (!field) throw nullPointer();
    if (!field.fieldPath || field.fieldPath.length === 0) throw badObjectSchema('Selected field path cannot be empty');
    if (field.fieldPath.length > 1) throw internalError('java.lang.UnsupportedOperationException', 'Nested field selection not supported');
  }
  const names = new Set(selectedFields.map((f) => f!.fieldPath![0]));
  if (config.syncMode === null || config.syncMode === undefined) throw nullPointer();
  if (config.syncMode === 'incremental') {
    const cursor = config.cursorField as string[] | null | undefined;
    if (!cursor) throw nullPointer();
    if (cursor.length > 0 && !names.has(cursor[0])) throw badObjectSchema('Cursor field cannot be de-selected in INCREMENTAL syncs');
  }
  if (config.destinationSyncMode === null || config.destinationSyncMode === undefined) throw nullPointer();
  if (config.destinationSyncMode === 'append_dedup') {
    const primaryKey = config.primaryKey as string[][] | null | undefined;
    if (!primaryKey) throw nullPointer();
    for (const component of primaryKey) {
      if (!component || component.length === 0) throw internalError('java.lang.IndexOutOfBoundsException', 'Index 0 out of bounds for length 0');
      if (!names.has(component[0])) throw badObjectSchema('Primary key field cannot be de-selected in DEDUP mode');
    }
  }
  for (const name of names) {
    if (!(name in properties)) throw badObjectSchema(`Requested selected field ${name} not found in JSON schema`);
  }
}

/** Jackson's `findValue("properties")`: the first `properties` object, searched depth-first. */
function findProperties(node: unknown): Record<string, unknown> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if ('properties' in record) {
    const found = record.properties;
    return found && typeof found === 'object' && !Array.isArray(found) ? (found as Record<string, unknown>) : undefined;
  }
  for (const value of Object.values(record)) {
    const found = findProperties(value);
    if (found) return found;
  }
  return undefined;
}
