// The sync catalog as a whole: checks across its entries. Each entry alone is checked by
// streamRules.ts.
import type { ASTNode } from 'vscode-json-languageservice';
import { child, items, keyOf } from './ast';
import { crossStreamProblems, streamIndexEntry } from './crossStreamRules';
import type { Rule, RuleProblem } from './rule';
import { streamProblems } from './streamRules';

/** Document-level: duplicate streams, nothing selected (on an index of the entries: crossStreamRules.ts). */
export const catalogRules: Rule = ({ root }) => {
  const streamsNode = child(child(root, 'syncCatalog'), 'streams');
  if (!streamsNode) return [];
  return crossStreamProblems(items(streamsNode).map(streamIndexEntry), keyOf(streamsNode)) as RuleProblem[];
};

/** Per-stream: every entry of `syncCatalog.streams`, each checked alone. */
export const streamEntryRules: Rule = ({ root }) => {
  const entries: ASTNode[] = items(child(child(root, 'syncCatalog'), 'streams'));
  return entries.flatMap((entry) => streamProblems(entry));
};
