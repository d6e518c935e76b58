// The only checks that look across streams: a stream listed twice, and a catalog with nothing
// selected. They work on a small index of the entries (name, namespace, whether configured and
// selected), so a large catalog can keep the index and re-check it without re-reading entries.
import type { ASTNode } from 'vscode-json-languageservice';
import { booleanValue, child, isSet, stringValue } from './ast';

/** Where a problem goes: a syntax-tree node, or a plain offset range in the caller's text. */
export interface Place {
  offset: number;
  length: number;
}

/** What the cross-stream checks need to know about one `syncCatalog.streams[]` entry. */
export interface StreamIndexEntry<P extends Place = Place> {
  /** Only entries that are objects with a set `config` take part (the schema reports the rest). */
  configured: boolean;
  name?: string;
  namespace: string;
  nameNode?: P;
  /** `config.selected` is not `false`. */
  selected: boolean;
}

export interface CrossStreamProblem<P extends Place = Place> {
  node: P;
  severity: 'warning';
  code: 'duplicate-stream' | 'nothing-selected';
  message: string;
}

export function streamIndexEntry(entry: ASTNode): StreamIndexEntry<ASTNode> {
  if (entry.type !== 'object') return { configured: false, namespace: '', selected: false };
  const stream = child(entry, 'stream');
  const config = child(entry, 'config');
  const nameNode = child(stream, 'name');
  return {
    configured: isSet(config),
    name: stringValue(nameNode),
    namespace: stringValue(child(stream, 'namespace')) ?? '',
    nameNode,
    selected: booleanValue(child(config, 'selected')) !== false,
  };
}

/** `streamsKey` is where "nothing selected" goes: the `streams` key. */
export function crossStreamProblems<P extends Place>(entries: Array<StreamIndexEntry<P>>, streamsKey: P): Array<CrossStreamProblem<P>> {
  const problems: Array<CrossStreamProblem<P>> = [];
  const seen = new Set<string>();
  let selectedCount = 0;
  for (const entry of entries) {
    if (!entry.configured) continue;
    if (entry.name !== undefined) {
      const key = `${entry.namespace}\u0000${entry.name}`;
      if (seen.has(key)) {
        const label = `Stream \`${entry.namespace ? entry.namespace + '.' : ''}${entry.name}\``;
        problems.push({ node: entry.nameNode!, severity: 'warning', code: 'duplicate-stream', message: `${label} appears twice in the catalog; syncs would write it twice. Keep one entry.` });
      } else {
        seen.add(key);
      }
    }
    if (entry.selected) selectedCount++;
  }
  if (entries.length > 0 && selectedCount === 0) {
    problems.push({ node: streamsKey, severity: 'warning', code: 'nothing-selected', message: 'No stream is selected: syncs of this connection would copy nothing. Set `"selected": true` on the streams to sync.' });
  }
  return problems;
}
