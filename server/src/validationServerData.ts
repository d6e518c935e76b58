// The configured Airbyte server's sources, handed to the validator per document so the rules
// that need server facts (an operation in another workspace than the source's) can run. Only
// lists the editor already allows: a quiet lookup (cached, or allowed without asking) when a
// document opens or settings change, and every list a completion or hover obtained.
import type { AirbyteResources, AirbyteResourcesResult } from '../../core/protocol';
import type { SourceWorkspaces } from '../../core/rules';

export interface ServerDataTarget {
  /** Whether `uri` is an open, served document now. */
  isServed(uri: string): boolean;
  /** Hands the document's new server data to the validator and validates it again. */
  apply(uri: string, sourceWorkspaces: SourceWorkspaces | undefined): void;
}

export class ValidationServerData {
  private readonly known = new Map<string, { key: string; sourceWorkspaces: SourceWorkspaces }>();
  /** The latest quiet lookup per document: an older answer arriving late is ignored. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly target: ServerDataTarget,
    private readonly lookupQuietly: (uri: string) => Promise<AirbyteResourcesResult>,
  ) {}

  get(uri: string): SourceWorkspaces | undefined {
    return this.known.get(uri)?.sourceWorkspaces;
  }

  /** Looks the document's server data up without asking the user anything. */
  async refresh(uri: string): Promise<void> {
    const generation = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, generation);
    const result = await this.lookupQuietly(uri).catch((): AirbyteResourcesResult => ({ ok: false, reason: 'lookup failed' }));
    if (this.generation.get(uri) !== generation) return;
    if (result.ok) this.loaded(uri, result.resources);
    else this.set(uri, undefined);
  }

  /** A list obtained for `uri` (by any request). */
  loaded(uri: string, resources: AirbyteResources): void {
    const map: Record<string, string> = {};
    for (const source of resources.sources) if (source.workspaceId) map[source.id.toLowerCase()] = source.workspaceId;
    this.set(uri, map);
  }

  forget(uri: string): void {
    this.known.delete(uri);
    this.generation.delete(uri);
  }

  private set(uri: string, sourceWorkspaces: SourceWorkspaces | undefined): void {
    if (!this.target.isServed(uri)) return;
    const key = sourceWorkspaces ? JSON.stringify(Object.entries(sourceWorkspaces).sort()) : '';
    if ((this.known.get(uri)?.key ?? '') === key) return;
    if (sourceWorkspaces) this.known.set(uri, { key, sourceWorkspaces });
    else this.known.delete(uri);
    this.target.apply(uri, sourceWorkspaces);
  }
}
