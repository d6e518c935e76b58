// The sync catalog as a whole: checks across its entries. Each entry alone is checked by
// streamRules.ts.
import type { ASTNode } from 'vscode-json-languageservice';
import { booleanValue, child, isSet, items, keyOf, stringValue } from './ast';
import type { Rule, RuleProblem } from './rule';
import { streamProblems } from './streamRules';

/** Document-level: duplicate streams, nothing selected. */
export const catalogRules: Rule = ({ root }) => {
  const problems: RuleProblem[] = [];
  const streamsNode = child(child(root, 'syncCatalog'), 'streams');
  const entries = items(streamsNode);
  const seen = new Set<string>();
  let selectedCount = 0;
  for (const entry of entries) {
    const stream = child(entry, 'stream');
    const config = child(entry, 'config');
    if (!isSet(config)) continue;
    const nameNode = child(stream, 'name');
    const name = stringValue(nameNode);
    const namespace = stringValue(child(stream, 'namespace')) ?? '';
    if (name !== undefined) {
      const key = `${namespace}\u0000${name}`;
      if (seen.has(key)) {
        problems.push({
          node: nameNode!,
          severity: 'warning',
          code: 'duplicate-stream',
          message: `Stream \`${namespace ? namespace + '.' : ''}${name}\` appears twice in the catalog; syncs would write it twice. Keep one entry.`,
        });
      } else {
        seen.add(key);
      }
    }
    if (booleanValue(child(config, 'selected')) !== false) selectedCount++;
  }
  if (streamsNode && entries.length > 0 && selectedCount === 0) {
    problems.push({ node: keyOf(streamsNode), severity: 'warning', code: 'nothing-selected', message: 'No stream is selected: syncs of this connection would copy nothing. Set `"selected": true` on the streams to sync.' });
  }
  return problems;
};

/** Per-stream: every entry of `syncCatalog.streams`, each checked alone. */
export const streamEntryRules: Rule = ({ root }) => {
  const entries: ASTNode[] = items(child(child(root, 'syncCatalog'), 'streams'));
  return entries.flatMap((entry) => streamProblems(entry));
};
