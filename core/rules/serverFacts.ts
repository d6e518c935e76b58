// What the server's lists say about one file: the facts rules take (RuleContext.server), found
// from the file's own `sourceId`, so the caller needs to know only the server's sources.
import type { ASTNode } from 'vscode-json-languageservice';
import { child, stringValue } from './ast';
import type { ServerFacts } from './rule';

/** Source id (lower case) -> its workspace id, as the configured Airbyte server lists them. */
export type SourceWorkspaces = Readonly<Record<string, string>>;

export function serverFactsFor(root: ASTNode | undefined, sourceWorkspaces: SourceWorkspaces | undefined): ServerFacts | undefined {
  if (!sourceWorkspaces) return undefined;
  const sourceId = stringValue(child(root, 'sourceId'))?.toLowerCase();
  const sourceWorkspaceId = sourceId === undefined || !Object.hasOwn(sourceWorkspaces, sourceId) ? undefined : sourceWorkspaces[sourceId];
  return sourceWorkspaceId ? { sourceWorkspaceId } : undefined;
}
