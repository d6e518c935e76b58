// `airbyte.exportConnection`: picks a connection on the server, writes a minimal normalised
// `*.connection.json` for it and its state file, and opens it; planning it shows no change.
//
// Arguments: (options?: ExportConnectionOptions). `connectionId` and `target` answer the pick and
// the save dialog in advance (tests and scripts); without them both are asked.
import * as vscode from 'vscode';
import { exportConnection, stateFilePath } from '../../../core/lifecycle';
import type { WebBackendConnectionListItem } from '../../../core/api';
import { recordInStateFile, lifecycleTargetFor } from '../airbyte/lifecycleTarget';
import { describeFailure } from '../airbyte/failureMessage';
import type { CommandDeps } from './deps';
import { showError, showInfo } from '../airbyte/scrubbing';

export const EXPORT_CONNECTION_COMMAND = 'airbyte.exportConnection';

export interface ExportConnectionOptions {
  connectionId?: string;
  target?: vscode.Uri;
}

export type ExportConnectionResult =
  | { ok: true; uri: vscode.Uri; connectionId: string; stateFile?: string }
  | { ok: false; kind: string; message: string }
  | undefined;

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_CONNECTION_COMMAND, (options?: unknown) => exportCommand(deps, readOptions(options))),
  );
}

async function exportCommand(deps: CommandDeps, options: ExportConnectionOptions): Promise<ExportConnectionResult> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const resolved = await lifecycleTargetFor(deps, options.target ?? folder);
  if (!resolved.ok) return fail(deps, 'missingCredentials', resolved.message);
  const { target, settings } = resolved;
  const explain = (error: Parameters<typeof describeFailure>[0]) =>
    describeFailure(error, { serverUrl: settings.serverUrl, fileName: '', usedDefaultPassword: resolved.usedDefaultPassword, authentication: settings.authentication, diagnosticCount: 0 }).text;

  let connectionId = options.connectionId;
  let suggestedName = 'connection';
  if (!connectionId) {
    const picked = await pickConnection(deps, resolved.target.client, explain);
    if (!picked) return undefined;
    if (!picked.ok) return fail(deps, picked.kind, picked.message);
    connectionId = picked.item.connectionId;
    suggestedName = picked.item.name;
  }
  const exported = await exportConnection(target, connectionId);
  if (!exported.ok) return fail(deps, exported.error.kind, explain(exported.error));
  if (typeof exported.value.read.name === 'string') suggestedName = exported.value.read.name;

  const uri =
    options.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${fileSlug(suggestedName)}.connection.json`) : undefined,
      filters: { 'Airbyte connection': ['json'] },
      saveLabel: 'Export',
      title: `Export “${suggestedName}”`,
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exported.value.text));
  await recordInStateFile(uri, settings.serverUrl, connectionId, deps.log);
  deps.log.info(`Export Connection: wrote ${uri.toString()} for ${connectionId}.`);
  await vscode.window.showTextDocument(uri);
  return { ok: true, uri, connectionId, stateFile: uri.scheme === 'file' ? stateFilePath(uri.fsPath) : undefined };
}

type Picked = { ok: true; item: WebBackendConnectionListItem } | { ok: false; kind: string; message: string } | undefined;

async function pickConnection(
  deps: CommandDeps,
  client: import('../../../core/api').AirbyteClient,
  explain: (error: import('../../../core/api').AirbyteApiError) => string,
): Promise<Picked> {
  const workspaces = await client.listWorkspaces();
  if (!workspaces.ok) return { ok: false, kind: workspaces.error.kind, message: explain(workspaces.error) };
  const items: (vscode.QuickPickItem & { connection: WebBackendConnectionListItem })[] = [];
  for (const workspace of workspaces.value) {
    const listed = await client.listConnections(workspace.workspaceId);
    if (!listed.ok) return { ok: false, kind: listed.error.kind, message: explain(listed.error) };
    for (const connection of listed.value) {
      items.push({
        label: connection.name,
        description: `${connection.source?.name ?? '?'} → ${connection.destination?.name ?? '?'}`,
        detail: `${connection.connectionId}${workspaces.value.length > 1 ? ` · workspace ${workspace.name}` : ''}`,
        connection,
      });
    }
  }
  if (items.length === 0) {
    void showInfo('The Airbyte server has no connections to export.');
    deps.log.info('Export Connection: no connections on the server.');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(items, { title: 'Export which connection?', matchOnDescription: true, matchOnDetail: true });
  return choice ? { ok: true, item: choice.connection } : undefined;
}

function fileSlug(name: string): string {
  return name.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'connection';
}

function fail(deps: CommandDeps, kind: string, message: string): ExportConnectionResult {
  deps.log.warn(`Export Connection: ${message}`);
  void showError(message);
  return { ok: false, kind, message };
}

function readOptions(options: unknown): ExportConnectionOptions {
  if (!options || typeof options !== 'object' || Array.isArray(options) || options instanceof vscode.Uri) return {};
  const { connectionId, target } = options as Record<string, unknown>;
  return {
    connectionId: typeof connectionId === 'string' ? connectionId : undefined,
    target: target instanceof vscode.Uri ? target : undefined,
  };
}
