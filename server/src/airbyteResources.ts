// Completion and hover that know the document's Airbyte server: `sourceId` and `destinationId`
// complete to real ids, shown with their names, and hovering an id says what it is.
//
// Per document: each document's settings name its server (two folders can point at two
// servers). The lists are cached per server URL (canonical form), so documents on the same
// server share them.
import type { JSONWorkerContribution, MarkedString } from 'vscode-json-languageservice';
import { CompletionItemKind, InsertTextFormat } from 'vscode-json-languageservice';
import { CancellationTokenSource, type CancellationToken } from 'vscode-languageserver';
import { ALLOW_LOOKUPS_AND_SUGGEST_COMMAND, type AirbyteResourceSummary, type AirbyteResourcesResult } from '../../core/protocol';

export interface ResourceSource {
  /** The canonical server URL configured for the document (cheap: no network). */
  serverFor(uri: string): Promise<string | undefined>;
  /** Asks the client for the document's lists (the client holds credentials and consent). */
  fetch(uri: string, token: CancellationToken): Promise<AirbyteResourcesResult>;
}

const CACHE_MS = 30_000;

type Kind = 'sources' | 'destinations';
// A Map, not an object literal: a property named `constructor` or `__proto__` must not find
// anything on Object.prototype.
const KIND_OF = new Map<string, Kind>([
  ['sourceId', 'sources'],
  ['destinationId', 'destinations'],
]);

interface CacheEntry {
  at: number;
  result: Promise<AirbyteResourcesResult>;
  /** Requests still waiting for the lookup; when the last one is cancelled, so is the lookup. */
  waiting: number;
  lookup: CancellationTokenSource;
}

const CANCELLED: AirbyteResourcesResult = { ok: false, reason: 'cancelled' };

export class AirbyteResourceContribution implements JSONWorkerContribution {
  private readonly cache = new Map<string, CacheEntry>();
  /** The cancellation of the editor request now being served for each document. */
  private readonly requestTokens = new Map<string, CancellationToken>();

  constructor(private readonly source: ResourceSource | undefined) {}

  invalidate(): void {
    for (const entry of this.cache.values()) entry.lookup.cancel();
    this.cache.clear();
  }

  /** Runs `work` (a completion or hover of `uri`) so that the lookups it makes honour `token`. */
  async withCancellation<T>(uri: string, token: CancellationToken, work: () => T | PromiseLike<T>): Promise<T> {
    this.requestTokens.set(uri, token);
    try {
      return await work();
    } finally {
      if (this.requestTokens.get(uri) === token) this.requestTokens.delete(uri);
    }
  }

  private async resources(uri: string): Promise<AirbyteResourcesResult> {
    if (!this.source) return { ok: false, reason: 'no Airbyte server configured' };
    const token = this.requestTokens.get(uri);
    const server = await this.source.serverFor(uri).catch(() => undefined);
    if (!server) return { ok: false, reason: 'no usable airbyte.serverUrl for this document' };
    if (token?.isCancellationRequested) return CANCELLED;
    let entry = this.cache.get(server);
    if (!entry || Date.now() - entry.at > CACHE_MS) {
      const lookup = new CancellationTokenSource();
      entry = {
        at: Date.now(),
        lookup,
        waiting: 0,
        result: this.source.fetch(uri, lookup.token).catch((e) => ({ ok: false as const, reason: String(e?.message ?? e) })),
      };
      this.cache.set(server, entry);
    }
    const result = await this.waitFor(entry, token);
    // Try again on the next request; only this server's entry, and only if nobody replaced it.
    if (!result.ok && this.cache.get(server) === entry) this.cache.delete(server);
    return result;
  }

  /** The entry's result, or CANCELLED as soon as `token` is; the last waiter to leave cancels the lookup. */
  private waitFor(entry: CacheEntry, token: CancellationToken | undefined): Promise<AirbyteResourcesResult> {
    if (!token) return entry.result;
    entry.waiting++;
    return new Promise((resolve) => {
      let settled = false;
      const subscription = token.onCancellationRequested(() => {
        if (settled) return;
        settled = true;
        subscription.dispose();
        if (--entry.waiting === 0) entry.lookup.cancel();
        resolve(CANCELLED);
      });
      void entry.result.then((result) => {
        if (settled) return;
        settled = true;
        subscription.dispose();
        entry.waiting--;
        resolve(result);
      });
    });
  }

  async collectValueCompletions(uri: string, location: (string | number)[], propertyKey: string, result: Parameters<JSONWorkerContribution['collectValueCompletions']>[3]): Promise<void> {
    const kind = location.length === 0 ? KIND_OF.get(propertyKey) : undefined;
    if (!kind) return;
    const fetched = await this.resources(uri);
    if (!fetched.ok) {
      if (fetched.needsPermission) result.add(allowLookupsItem(uri, fetched.serverUrl, fetched.reason));
      return;
    }
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

  /** A markdown line naming `id` as `key` (sourceId or destinationId) of document `uri`. */
  async describeId(uri: string, key: string, id: string): Promise<string | undefined> {
    const kind = KIND_OF.get(key);
    if (!kind) return undefined;
    const fetched = await this.resources(uri);
    if (!fetched.ok) {
      return fetched.needsPermission
        ? `_Not looked up: ${fetched.reason}. Run **Airbyte: Allow Lookups on This Folder's Server** to allow it._`
        : undefined;
    }
    const resource = fetched.resources[kind].find((r) => r.id === id);
    if (!resource) return undefined;
    return describeResource(resource, kind === 'sources' ? 'source' : 'destination', fetched.resources.serverUrl);
  }

  collectPropertyCompletions(): Promise<void> {
    return Promise.resolve();
  }

  collectDefaultCompletions(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Offered in place of the ids while the user has not allowed lookups on the server: choosing it
 * asks (the consent command's modal) and then opens completion again. It leaves an empty string
 * with the cursor inside, where the ids will be listed.
 */
function allowLookupsItem(uri: string, serverUrl: string | undefined, reason: string) {
  const server = serverUrl ?? "this folder's server";
  return {
    label: `Allow lookups on ${server}…`,
    kind: CompletionItemKind.Event,
    insertText: '"$1"',
    insertTextFormat: InsertTextFormat.Snippet,
    // Shown whatever the user has typed so far: the ids it stands for would be too.
    filterText: '"',
    detail: 'Airbyte: nothing is sent until you allow it',
    documentation: `Ids are not looked up: ${reason}. Choosing this asks whether to allow lookups (with your credentials) on ${server}, then lists its ids.`,
    sortText: '~allow',
    command: { title: 'Allow Lookups', command: ALLOW_LOOKUPS_AND_SUGGEST_COMMAND, arguments: [{ uri }] },
  };
}

function describeResource(resource: AirbyteResourceSummary, noun: string, serverUrl: string): string {
  return [
    `**${resource.name}**`,
    `${resource.connector ? resource.connector + ' ' : ''}${noun}${resource.workspaceName ? ` in workspace ${resource.workspaceName}` : ''}`,
    `Id \`${resource.id}\` on ${serverUrl}`,
  ].join('\n\n');
}
