// Answers the language server's `airbyte/resources` request for one document: the sources and
// destinations of the Airbyte server that document's settings name, for completion and hover
// of ids. Credentials stay in the extension, and nothing is sent unless the user may send it:
// not in Restricted Mode, not to a folder-chosen server before the user allowed it, and not
// with credentials over plain HTTP to another machine before the user allowed that.
import * as vscode from 'vscode';
import { AirbyteClient } from '../../core/api';
import type { AirbyteResourceSummary, AirbyteResourcesParams, AirbyteResourcesResult } from '../../core/protocol';
import { resolveAuth, type CredentialStore } from './airbyte/credentials';
import { scrub, scrubber } from './airbyte/scrubbing';
import type { ServerTrust } from './airbyte/serverTrust';
import { readAirbyteSettings } from './airbyte/settings';

/** Id lookups have their own short budget: a slow server yields no ids rather than a stalled list. */
const LOOKUP_BUDGET_MS = 5000;
const MAX_WORKSPACES = 10;

export interface ResourceFetcher {
  fetch(params: AirbyteResourcesParams, token?: vscode.CancellationToken): Promise<AirbyteResourcesResult>;
  /** Fires when settings, credentials or permissions change, so cached lists must be dropped. */
  onDidChange: vscode.Event<unknown>;
}

export function createResourceFetcher(
  credentials: CredentialStore,
  trust: ServerTrust,
  log: vscode.LogOutputChannel,
  subscriptions: vscode.Disposable[],
): ResourceFetcher {
  const changed = new vscode.EventEmitter<unknown>();
  subscriptions.push(
    changed,
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('airbyte') && changed.fire(undefined)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire(undefined)),
    credentials.onDidChange(() => changed.fire(undefined)),
    trust.onDidChange(() => changed.fire(undefined)),
  );
  const refuse = (reason: string, needsPermissionOn?: string): AirbyteResourcesResult =>
    needsPermissionOn ? { ok: false, reason: scrub(reason), needsPermission: true, serverUrl: needsPermissionOn } : { ok: false, reason: scrub(reason) };

  return {
    onDidChange: changed.event,
    async fetch(params, token): Promise<AirbyteResourcesResult> {
      if (!vscode.workspace.isTrusted) return refuse('Restricted Mode: nothing is sent to any server');
      const resource = vscode.Uri.parse(params.uri);
      if (!vscode.workspace.getConfiguration('airbyte', resource).get<boolean>('serverCompletion', true)) {
        return refuse('airbyte.serverCompletion is off');
      }
      const settings = readAirbyteSettings(resource);
      if (settings.serverUrlProblem) return refuse(settings.serverUrlProblem.message);
      const permission = trust.lookupPermission(settings);
      if (!permission.ok) {
        log.info(`Ids for completion not looked up: ${permission.reason}.`);
        trust.offerLookups(settings, permission, params.uri);
        return refuse(permission.reason, settings.serverKey);
      }
      const auth = await resolveAuth(credentials, settings);
      if (!auth.ok) return refuse(auth.message);

      // One budget for the whole lookup (workspaces, then sources and destinations), and the
      // language server's cancellation stops it.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), LOOKUP_BUDGET_MS);
      const cancelled = token?.onCancellationRequested(() => controller.abort());
      const options = { signal: controller.signal };
      try {
        const client = new AirbyteClient({
          serverUrl: settings.serverUrl,
          auth: auth.auth,
          timeoutMs: LOOKUP_BUDGET_MS,
          scrubber,
          log: (line) => log.trace(line),
        });
        const workspaces = await client.listWorkspaces(options);
        if (!workspaces.ok) {
          log.info(`Ids for completion unavailable: ${workspaces.error.message}`);
          return refuse(workspaces.error.message);
        }
        const sources: AirbyteResourceSummary[] = [];
        const destinations: AirbyteResourceSummary[] = [];
        await Promise.all(
          workspaces.value.slice(0, MAX_WORKSPACES).map(async (workspace) => {
            const [s, d] = await Promise.all([
              client.listSources(workspace.workspaceId, options),
              client.listDestinations(workspace.workspaceId, options),
            ]);
            if (s.ok) for (const x of s.value) sources.push({ id: x.sourceId, name: x.name, connector: x.sourceName, workspaceName: workspace.name });
            if (d.ok) for (const x of d.value) destinations.push({ id: x.destinationId, name: x.name, connector: x.destinationName, workspaceName: workspace.name });
          }),
        );
        return { ok: true, resources: { serverUrl: settings.serverKey, sources, destinations } };
      } finally {
        clearTimeout(timer);
        cancelled?.dispose();
      }
    },
  };
}
