// Completion and hover that know the user's Airbyte server: `sourceId` and `destinationId`
// complete to real ids, shown with their names, and hovering an id says what it is.
import type { JSONWorkerContribution, MarkedString } from 'vscode-json-languageservice';
import { CompletionItemKind } from 'vscode-json-languageservice';
import type { AirbyteResourceSummary, AirbyteResources, AirbyteResourcesResult } from '../../core/protocol';

export type ResourceFetcher = () => Promise<AirbyteResourcesResult>;

const CACHE_MS = 30_000;

type Kind = 'sources' | 'destinations';
const KIND_OF: Record<string, Kind> = { sourceId: 'sources', destinationId: 'destinations' };

export class AirbyteResourceContribution implements JSONWorkerContribution {
  private cached: { at: number; result: Promise<AirbyteResourcesResult> } | undefined;
  /** Ids by document, so hover can name the id under the cursor without a round trip. */
  private lastResources: AirbyteResources | undefined;

  constructor(private readonly fetch: ResourceFetcher | undefined) {}

  invalidate(): void {
    this.cached = undefined;
  }

  private async resources(): Promise<AirbyteResourcesResult> {
    if (!this.fetch) return { ok: false, reason: 'no Airbyte server configured' };
    if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
      this.cached = { at: Date.now(), result: this.fetch().catch((e) => ({ ok: false as const, reason: String(e?.message ?? e) })) };
    }
    const result = await this.cached.result;
    if (result.ok) this.lastResources = result.resources;
    else this.cached = undefined; // try again on the next request
    return result;
  }

  async collectValueCompletions(_uri: string, location: (string | number)[], propertyKey: string, result: Parameters<JSONWorkerContribution['collectValueCompletions']>[3]): Promise<void> {
    const kind = location.length === 0 ? KIND_OF[propertyKey] : undefined;
    if (!kind) return;
    const fetched = await this.resources();
    if (!fetched.ok) return;
    const noun = kind === 'sources' ? 'source' : 'destination';
    for (const resource of fetched.resources[kind]) {
      result.add({
        label: resource.name,
        kind: CompletionItemKind.Value,
        insertText: JSON.stringify(resource.id),
        filterText: `"${resource.id} ${resource.name}`,
        detail: `${resource.connector ? resource.connector + ' ' : ''}${noun} · ${resource.id}`,
        documentation: describeResource(resource, noun, fetched.resources.serverUrl),
        sortText: `0_${resource.name}`,
      });
    }
  }

  /**
   * Hover text comes from the server's hover handler, which knows the id under the cursor.
   * Returning no promise (not an empty list) lets the schema's documentation show.
   */
  getInfoContribution(): PromiseLike<MarkedString[]> {
    return undefined as unknown as PromiseLike<MarkedString[]>;
  }

  /** A markdown line naming an id, after fetching the lists if needed. */
  async describeId(id: string): Promise<string | undefined> {
    await this.resources();
    const found = this.find(id);
    if (!found) return undefined;
    const noun = found.kind === 'sources' ? 'source' : 'destination';
    return describeResource(found.resource, noun, this.lastResources?.serverUrl ?? '');
  }

  collectPropertyCompletions(): Promise<void> {
    return Promise.resolve();
  }

  collectDefaultCompletions(): Promise<void> {
    return Promise.resolve();
  }

  /** The resource with this id, from the last successful list. */
  find(id: string): { resource: AirbyteResourceSummary; kind: Kind } | undefined {
    for (const kind of ['sources', 'destinations'] as const) {
      const resource = this.lastResources?.[kind].find((r) => r.id === id);
      if (resource) return { resource, kind };
    }
    return undefined;
  }
}

function describeResource(resource: AirbyteResourceSummary, noun: string, serverUrl: string): string {
  return [
    `**${resource.name}**`,
    `${resource.connector ? resource.connector + ' ' : ''}${noun}${resource.workspaceName ? ` in workspace ${resource.workspaceName}` : ''}`,
    `Id \`${resource.id}\` on ${serverUrl}`,
  ].join('\n\n');
}
