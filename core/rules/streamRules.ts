// One catalog entry (`syncCatalog.streams[i]`), as Airbyte v0.44.3's catalog converter reads it
// and as its web app's form would have built it. Depends on that entry alone, so a caller may
// check entries one by one (catalogRules.ts holds the checks across entries).
import type { ASTNode } from 'vscode-json-languageservice';
import { fieldAt, formatPath, propertiesOf } from '../catalog/fieldPaths';
import { fieldsOfValue, type SchemaFields } from '../catalog/schemaFields';
import { booleanValue, child, isSet, items, keyOf, nodeValue, standInOf, stringArray, stringArrays, stringValue } from './ast';
import type { RuleProblem } from './rule';

const WEB_APP_MODE_PAIRS = new Set(['full_refresh/overwrite', 'full_refresh/append', 'incremental/append', 'incremental/append_dedup']);

/** Problems of one `syncCatalog.streams[i]` entry. */
export function streamProblems(entry: ASTNode): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (entry.type !== 'object') return problems;
  const stream = child(entry, 'stream');
  const config = child(entry, 'config');
  // Unselected streams are filtered out before anything else is read; a missing `config` or
  // `selected` is reported by the schema check (500).
  if (!isSet(config) || booleanValue(child(config, 'selected')) !== true || !isSet(stream)) return problems;

  const name = stringValue(child(stream, 'name'));
  const namespace = stringValue(child(stream, 'namespace')) ?? '';
  const label = name ? `Stream \`${namespace ? namespace + '.' : ''}${name}\`` : 'This stream';
  const fieldSelection = booleanValue(child(config, 'fieldSelectionEnabled')) === true;

  const supportedNode = child(stream, 'supportedSyncModes');
  if (!isSet(supportedNode)) {
    problems.push({
      node: keyOf(stream),
      severity: 'error',
      code: 'supported-sync-modes-missing',
      message: `${label} is selected but has no \`stream.supportedSyncModes\`: Airbyte v0.44.3 fails on it (500, a null pointer in its catalog converter). Copy \`supportedSyncModes\` from the discover_schema answer.`,
    });
  }

  const syncModeNode = child(config, 'syncMode');
  const destinationModeNode = child(config, 'destinationSyncMode');
  const syncMode = stringValue(syncModeNode);
  const destinationMode = stringValue(destinationModeNode);
  const supported = stringArray(supportedNode);
  if (syncMode && supported && supported.length > 0 && !supported.includes(syncMode)) {
    problems.push({
      node: syncModeNode!,
      severity: 'warning',
      code: 'sync-mode-unsupported',
      message: `${label} only supports ${supported.map((m) => `\`${m}\``).join(', ')}. Airbyte v0.44.3 accepts \`${syncMode}\`, but its web app does not offer it; depending on the source, syncs fail or ignore the mode.`,
    });
  }
  if (syncMode && destinationMode && !WEB_APP_MODE_PAIRS.has(`${syncMode}/${destinationMode}`)) {
    problems.push({
      node: destinationModeNode!,
      severity: 'warning',
      code: 'sync-mode-pair',
      message: `Airbyte v0.44.3 accepts \`${syncMode}\` + \`${destinationMode}\`, but its web app does not offer this pair; what the destination does with it is untested. The web app offers full_refresh with overwrite or append, and incremental with append or append_dedup.`,
    });
  }

  const cursorNode = child(config, 'cursorField');
  const cursor = stringArray(cursorNode) ?? [];
  const sourceDefinedCursor = booleanValue(child(stream, 'sourceDefinedCursor')) === true;
  const defaultCursor = stringArray(child(stream, 'defaultCursorField')) ?? [];
  if (syncMode === 'incremental') {
    if (fieldSelection && !isSet(cursorNode)) {
      problems.push({
        node: syncModeNode!,
        severity: 'error',
        code: 'cursor-field-omitted',
        message: `${label} syncs incrementally with field selection on but omits \`config.cursorField\`: Airbyte v0.44.3 fails on it (500, a null pointer). Add \`"cursorField": [${defaultCursor.length ? `"${defaultCursor.join('", "')}"` : ''}]\`.`,
      });
    } else if (!sourceDefinedCursor && cursor.length === 0 && defaultCursor.length === 0) {
      problems.push({
        node: syncModeNode!,
        severity: 'warning',
        code: 'cursor-missing',
        message: `${label} syncs incrementally but has no cursor: the source defines none and \`config.cursorField\` is empty. Airbyte v0.44.3 accepts it, but its web app requires a cursor and sources that need one fail the sync. Set \`"cursorField": ["updated_at"]\` (a field that grows with each change).`,
      });
    }
  }
  if (sourceDefinedCursor && cursor.length > 0 && defaultCursor.length > 0 && cursor.join('.') !== defaultCursor.join('.')) {
    problems.push({
      node: cursorNode!,
      severity: 'warning',
      code: 'cursor-ignored',
      unnecessary: true,
      message: `${label} has a source-defined cursor (\`${defaultCursor.join('.')}\`); the source ignores \`config.cursorField\`.`,
    });
  }

  const primaryKeyNode = child(config, 'primaryKey');
  const primaryKey = stringArrays(primaryKeyNode) ?? [];
  const sourcePrimaryKey = stringArrays(child(stream, 'sourceDefinedPrimaryKey')) ?? [];
  if (destinationMode === 'append_dedup') {
    if (fieldSelection && !isSet(primaryKeyNode)) {
      problems.push({
        node: destinationModeNode!,
        severity: 'error',
        code: 'primary-key-omitted',
        message: `${label} deduplicates with field selection on but omits \`config.primaryKey\`: Airbyte v0.44.3 fails on it (500, a null pointer). Add \`"primaryKey": [["id"]]\`.`,
      });
    } else if (fieldSelection && primaryKey.some((path) => path.length === 0)) {
      problems.push({
        node: primaryKeyNode!,
        severity: 'error',
        code: 'primary-key-empty-path',
        message: `${label} has an empty path in \`config.primaryKey\` with field selection on: Airbyte v0.44.3 fails on it (500, index out of bounds). Name the field, for example \`[["id"]]\`.`,
      });
    } else if (primaryKey.length === 0 && sourcePrimaryKey.length === 0) {
      problems.push({
        node: destinationModeNode!,
        severity: 'warning',
        code: 'primary-key-missing',
        message: `${label} deduplicates (\`append_dedup\`) but has no primary key: the source defines none and \`config.primaryKey\` is empty. Airbyte v0.44.3 accepts it, but its web app requires one and the destination cannot deduplicate without it. Set \`"primaryKey": [["id"]]\`.`,
      });
    }
  }

  const fields = schemaFields(stream);
  const named = [cursor, ...primaryKey].filter((field) => field.length > 0);
  if (named.length > 0 && fields.hasProperties()) {
    // The whole path must exist: nested segments are looked up in the nested `properties`.
    for (const field of named) {
      if (fields.has(field)) continue;
      problems.push({
        node: field === cursor ? cursorNode! : primaryKeyNode!,
        severity: 'warning',
        code: 'unknown-field',
        message: `${label} has no field \`${formatPath(field)}\` in its JSON schema. ${knownFieldsNear(nodeValue(child(stream, 'jsonSchema')), field)}`,
      });
    }
  }
  problems.push(...fieldSelectionProblems(label, config, stream, syncMode, destinationMode, cursor, primaryKey));
  return problems;
}

/** Field selection, checked as Airbyte v0.44.3's catalog converter checks it. */
function fieldSelectionProblems(
  label: string,
  config: ASTNode,
  stream: ASTNode,
  syncMode: string | undefined,
  destinationMode: string | undefined,
  cursor: string[],
  primaryKey: string[][],
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const enabledNode = child(config, 'fieldSelectionEnabled');
  const selectedFieldsNode = child(config, 'selectedFields');
  if (booleanValue(enabledNode) !== true) {
    if (isSet(selectedFieldsNode) && items(selectedFieldsNode).length > 0) {
      problems.push({ node: keyOf(selectedFieldsNode), severity: 'warning', code: 'selected-fields-ignored', unnecessary: true, message: 'Airbyte ignores `selectedFields` unless `fieldSelectionEnabled` is true; every field is synced.' });
    }
    return problems;
  }
  if (!isSet(selectedFieldsNode)) {
    problems.push({ node: keyOf(enabledNode!), severity: 'error', code: 'selected-fields-missing', message: 'Airbyte rejects field selection without `selectedFields` (422: Requested field selection but no selected fields provided). Add `"selectedFields": [{ "fieldPath": ["id"] }]`.' });
    return problems;
  }
  const jsonSchema = child(stream, 'jsonSchema');
  if (!isSet(jsonSchema)) {
    problems.push({ node: keyOf(enabledNode!), severity: 'error', code: 'selected-fields-no-properties', message: `${label} has field selection on but no \`jsonSchema\`: Airbyte v0.44.3 fails on it (500, a null pointer). Copy the stream's \`jsonSchema\` from the discover_schema answer.` });
    return problems;
  }
  const fields = schemaFields(stream);
  if (!fields.hasProperties()) {
    problems.push({ node: keyOf(enabledNode!), severity: 'error', code: 'selected-fields-no-properties', message: `Airbyte rejects field selection on a stream whose \`jsonSchema\` has no \`properties\` (422: Requested field selection but no properties node found). ${label} needs its discovered JSON schema.` });
    return problems;
  }
  const names = new Set<string>();
  for (const field of items(selectedFieldsNode)) {
    const pathNode = child(field, 'fieldPath');
    const path = stringArray(pathNode);
    if (!path || path.length === 0) {
      problems.push({ node: pathNode ?? field, severity: 'error', code: 'selected-field-empty', message: 'Airbyte rejects an empty `fieldPath` (422: Selected field path cannot be empty). Name a top-level field, for example `["id"]`.' });
      continue;
    }
    if (path.length > 1) {
      problems.push({ node: pathNode!, severity: 'error', code: 'selected-field-nested', message: 'Airbyte v0.44.3 only selects top-level fields: a nested `fieldPath` fails the request (500: Nested field selection not supported). Select the top-level field instead.' });
      continue;
    }
    names.add(path[0]);
    if (!fields.has([path[0]])) {
      problems.push({ node: pathNode!, severity: 'error', code: 'selected-field-unknown', message: `Airbyte rejects \`${path[0]}\`: it is not in the stream's JSON schema (422: Requested selected field ${path[0]} not found in JSON schema). Known fields: ${preview(topLevelNames(nodeValue(jsonSchema)))}.` });
    }
  }
  if (syncMode === 'incremental' && cursor.length > 0 && !names.has(cursor[0])) {
    problems.push({ node: keyOf(selectedFieldsNode), severity: 'error', code: 'cursor-deselected', message: `Airbyte rejects an incremental stream whose cursor \`${cursor[0]}\` is not selected (422: Cursor field cannot be de-selected in INCREMENTAL syncs). Add \`{ "fieldPath": ["${cursor[0]}"] }\`.` });
  }
  if (destinationMode === 'append_dedup') {
    for (const key of primaryKey) {
      if (key.length > 0 && !names.has(key[0])) {
        problems.push({ node: keyOf(selectedFieldsNode), severity: 'error', code: 'primary-key-deselected', message: `Airbyte rejects deduplication when primary key \`${key[0]}\` is not selected (422: Primary key field cannot be de-selected in DEDUP mode). Add \`{ "fieldPath": ["${key[0]}"] }\`.` });
      }
    }
  }
  return problems;
}

/**
 * What the stream's JSON schema says about its fields, found as Airbyte finds them (the
 * `properties` object); read from its text when validation did not parse it (entrySkeleton.ts).
 */
function schemaFields(stream: ASTNode): SchemaFields {
  const node = child(stream, 'jsonSchema');
  return standInOf(node)?.fields() ?? fieldsOfValue(nodeValue(node));
}

/** Top-level field names (for messages only: they need the parsed schema). */
function topLevelNames(schema: unknown): Set<string> {
  return new Set(Object.keys(propertiesOf(schema) ?? {}));
}

/** The fields beside the first segment of `path` that the schema lacks. */
function knownFieldsNear(schema: unknown, path: string[]): string {
  let depth = 0;
  while (depth < path.length - 1 && fieldAt(schema, path.slice(0, depth + 1))) depth++;
  if (depth === 0) return `Known fields: ${preview(topLevelNames(schema))}.`;
  const parent = fieldAt(schema, path.slice(0, depth));
  const names = new Set(Object.keys(parent?.properties && typeof parent.properties === 'object' ? parent.properties : {}));
  return names.size > 0 ? `Fields of \`${formatPath(path.slice(0, depth))}\`: ${preview(names)}.` : `\`${formatPath(path.slice(0, depth))}\` has no nested fields.`;
}

function preview(names: Set<string>): string {
  const list = [...names].slice(0, 8).map((n) => `\`${n}\``);
  return list.join(', ') + (names.size > 8 ? `, … (${names.size} in all)` : '');
}
