// Answers the language server's `airbyte/resources` request: the sources and destinations of the
// configured Airbyte server, for completion and hover of ids. Credentials stay in the extension.
import * as vscode from 'vscode';
import { AirbyteClient } from '../../core/api';
import type { AirbyteResourceSummary, AirbyteResourcesResult } from '../../core/protocol';
import { resolveAuth, type CredentialStore } from './airbyte/credentials';
import { readAirbyteSettings } from './airbyte/settings';

/** Completion must stay snappy: a slow server yields no ids rather than a stalled list. */
const LIST_TIMEOUT_MS = 5000;
const MAX_WORKSPACES = 10;

export interface ResourceFetcher {
  fetch(): Promise<AirbyteResourcesResult>;
  /** Fires when settings or credentials change, so cached lists must be dropped. */
  onDidChange: vscode.Event<unknown>;
}

export function createResourceFetcher(credentials: CredentialStore, log: vscode.LogOutputChannel, subscriptions: vscode.Disposable[]): ResourceFetcher {
  const configChanged = new vscode.EventEmitter<unknown>();
  subscriptions.push(
    configChanged,
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('airbyte') && configChanged.fire(undefined)),
    credentials.onDidChange(() => configChanged.fire(undefined)),
  );

  return {
    onDidChange: configChanged.event,
    async fetch(): Promise<AirbyteResourcesResult> {
      const resource = vscode.window.activeTextEditor?.document.uri;
      if (!vscode.workspace.getConfiguration('airbyte', resource).get<boolean>('serverCompletion', true)) {
        return { ok: false, reason: 'airbyte.serverCompletion is off' };
      }
      const settings = readAirbyteSettings(resource);
      const auth = await resolveAuth(credentials, settings);
      if (!auth.ok) return { ok: false, reason: auth.message };
      const client = new AirbyteClient({ serverUrl: settings.serverUrl, auth: auth.auth, timeoutMs: LIST_TIMEOUT_MS, log: (line) => log.trace(line) });
      const workspaces = await client.listWorkspaces();
      if (!workspaces.ok) {
        log.info(`Ids for completion unavailable: ${workspaces.error.message}`);
        return { ok: false, reason: workspaces.error.message };
      }
      const sources: AirbyteResourceSummary[] = [];
      const destinations: AirbyteResourceSummary[] = [];
      await Promise.all(
        workspaces.value.slice(0, MAX_WORKSPACES).map(async (workspace) => {
          const [s, d] = await Promise.all([client.listSources(workspace.workspaceId), client.listDestinations(workspace.workspaceId)]);
          if (s.ok) for (const x of s.value) sources.push({ id: x.sourceId, name: x.name, connector: x.sourceName, workspaceName: workspace.name });
          if (d.ok) for (const x of d.value) destinations.push({ id: x.destinationId, name: x.name, connector: x.destinationName, workspaceName: workspace.name });
        }),
      );
      return { ok: true, resources: { serverUrl: settings.serverUrl, sources, destinations, operations: [] } };
    },
  };
}
