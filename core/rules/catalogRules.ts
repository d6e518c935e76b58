// Streams of the sync catalog: what Airbyte's catalog converter and the sync itself require
// of each stream's configuration, given what the source says it supports. Each check reads one
// entry only (large catalogs are validated entry by entry); see crossStreamRules.ts for the rest.
import type { ASTNode } from 'vscode-json-languageservice';
import { booleanValue, child, isSet, items, keyOf, stringArray, stringArrays, stringValue } from './ast';
import type { Rule, RuleProblem } from './rule';

const VALID_MODE_PAIRS = new Set(['full_refresh/overwrite', 'full_refresh/append', 'incremental/append', 'incremental/append_dedup']);

export const catalogRules: Rule = ({ root }) => {
  const problems: RuleProblem[] = [];
  const streamsNode = child(child(root, 'syncCatalog'), 'streams');
  const entries = items(streamsNode);

  for (const entry of entries) {
    if (entry.type !== 'object') continue;
    const stream = child(entry, 'stream');
    const config = child(entry, 'config');
    const name = stringValue(child(stream, 'name'));
    const namespace = stringValue(child(stream, 'namespace')) ?? '';
    const label = name ? `Stream \`${namespace ? namespace + '.' : ''}${name}\`` : 'This stream';

    if (!isSet(config)) continue; // the schema reports the missing `config`
    // Duplicates and "nothing selected" look across streams: crossStreamRules.ts.

    const selectedNode = child(config, 'selected');
    const selected = booleanValue(selectedNode);
    if (selected === false) continue; // Airbyte drops unselected streams before using anything else.

    const syncModeNode = child(config, 'syncMode');
    const destinationModeNode = child(config, 'destinationSyncMode');
    const syncMode = stringValue(syncModeNode);
    const destinationMode = stringValue(destinationModeNode);
    const supported = stringArray(child(stream, 'supportedSyncModes'));
    if (syncMode && supported && supported.length > 0 && !supported.includes(syncMode)) {
      problems.push({
        node: syncModeNode!,
        severity: 'error',
        code: 'sync-mode-unsupported',
        message: `${label} does not support \`${syncMode}\`; the source only supports ${supported.map((m) => `\`${m}\``).join(', ')}. Syncs would fail.`,
      });
    }
    if (syncMode && destinationMode && !VALID_MODE_PAIRS.has(`${syncMode}/${destinationMode}`)) {
      problems.push({
        node: destinationModeNode!,
        severity: 'error',
        code: 'sync-mode-pair',
        message: `\`${syncMode}\` + \`${destinationMode}\` is not a sync mode Airbyte offers. Use full_refresh with overwrite or append, or incremental with append or append_dedup.`,
      });
    }

    const cursorNode = child(config, 'cursorField');
    const cursor = stringArray(cursorNode) ?? [];
    const sourceDefinedCursor = booleanValue(child(stream, 'sourceDefinedCursor')) === true;
    const defaultCursor = stringArray(child(stream, 'defaultCursorField')) ?? [];
    if (syncMode === 'incremental' && !sourceDefinedCursor && cursor.length === 0 && defaultCursor.length === 0) {
      problems.push({
        node: syncModeNode!,
        severity: 'error',
        code: 'cursor-missing',
        message: `${label} syncs incrementally but has no cursor: the source defines none and \`config.cursorField\` is empty. Set \`"cursorField": ["updated_at"]\` (a field that grows with each change).`,
      });
    }
    if (sourceDefinedCursor && cursor.length > 0 && defaultCursor.length > 0 && cursor.join('.') !== defaultCursor.join('.')) {
      problems.push({
        node: cursorNode!,
        severity: 'warning',
        code: 'cursor-ignored',
        message: `${label} has a source-defined cursor (\`${defaultCursor.join('.')}\`); the source ignores \`config.cursorField\`.`,
      });
    }

    const primaryKey = stringArrays(child(config, 'primaryKey')) ?? [];
    const sourcePrimaryKey = stringArrays(child(stream, 'sourceDefinedPrimaryKey')) ?? [];
    if (destinationMode === 'append_dedup' && primaryKey.length === 0 && sourcePrimaryKey.length === 0) {
      problems.push({
        node: destinationModeNode!,
        severity: 'error',
        code: 'primary-key-missing',
        message: `${label} deduplicates (\`append_dedup\`) but has no primary key: the source defines none and \`config.primaryKey\` is empty. Set \`"primaryKey": [["id"]]\`.`,
      });
    }

    const properties = schemaProperties(stream);
    if (properties) {
      for (const field of [cursor, ...primaryKey]) {
        if (field.length > 0 && !properties.has(field[0])) {
          const node = field === cursor ? cursorNode! : child(config, 'primaryKey')!;
          problems.push({
            node,
            severity: 'warning',
            code: 'unknown-field',
            message: `${label} has no field \`${field[0]}\` in its JSON schema. Known fields: ${preview(properties)}.`,
          });
        }
      }
    }
    problems.push(...fieldSelectionProblems(label, config, stream, syncMode, destinationMode, cursor, primaryKey, properties));
  }

  return problems;
};

/** Field selection, checked as Airbyte's catalog converter checks it (its failures are 422s). */
function fieldSelectionProblems(
  label: string,
  config: ASTNode,
  stream: ASTNode | undefined,
  syncMode: string | undefined,
  destinationMode: string | undefined,
  cursor: string[],
  primaryKey: string[][],
  properties: Set<string> | undefined,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const enabledNode = child(config, 'fieldSelectionEnabled');
  const selectedFieldsNode = child(config, 'selectedFields');
  if (booleanValue(enabledNode) !== true) {
    if (isSet(selectedFieldsNode)) {
      problems.push({ node: keyOf(selectedFieldsNode), severity: 'warning', code: 'selected-fields-ignored', unnecessary: true, message: 'Airbyte ignores `selectedFields` unless `fieldSelectionEnabled` is true; every field is synced.' });
    }
    return problems;
  }
  if (!isSet(selectedFieldsNode)) {
    problems.push({ node: keyOf(enabledNode!), severity: 'error', code: 'selected-fields-missing', message: 'Airbyte rejects field selection without `selectedFields` (422: Requested field selection but no selected fields provided). Add `"selectedFields": [{ "fieldPath": ["id"] }]`.' });
    return problems;
  }
  if (!properties) {
    problems.push({ node: keyOf(enabledNode!), severity: 'error', code: 'selected-fields-no-properties', message: `Airbyte rejects field selection on a stream whose \`jsonSchema\` has no \`properties\` (422). ${label} needs its discovered JSON schema.` });
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
      problems.push({ node: pathNode!, severity: 'error', code: 'selected-field-nested', message: 'Airbyte v0.44.3 only selects top-level fields; a nested `fieldPath` fails the request (Nested field selection not supported). Select the top-level field instead.' });
      continue;
    }
    names.add(path[0]);
    if (!properties.has(path[0])) {
      problems.push({ node: pathNode!, severity: 'error', code: 'selected-field-unknown', message: `Airbyte rejects \`${path[0]}\`: it is not in the stream's JSON schema (422). Known fields: ${preview(properties)}.` });
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

function schemaProperties(stream: ASTNode | undefined): Set<string> | undefined {
  const properties = child(child(stream, 'jsonSchema'), 'properties');
  if (properties?.type !== 'object') return undefined;
  return new Set(properties.properties.map((p) => p.keyNode.value));
}

function preview(names: Set<string>): string {
  const list = [...names].slice(0, 8).map((n) => `\`${n}\``);
  return list.join(', ') + (names.size > 8 ? `, … (${names.size} in all)` : '');
}
