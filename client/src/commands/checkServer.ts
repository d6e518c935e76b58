// `airbyte.checkServer`: does the configured Airbyte answer, and accept the credentials?
// The walkthrough's first step runs it. Returns { ok, message } (and the kind of a failure).
import * as vscode from 'vscode';
import type { AirbyteApiErrorKind } from '../../../core/api';
import { openSession, showFailure } from '../airbyte/discovery';
import type { CommandDeps } from './deps';
import { showError, showInfo } from '../airbyte/scrubbing';

export const CHECK_SERVER_COMMAND = 'airbyte.checkServer';

export type CheckServerResult = { ok: true; message: string } | { ok: false; kind: AirbyteApiErrorKind | 'missingCredentials'; message: string };

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CHECK_SERVER_COMMAND, async (): Promise<CheckServerResult> => {
      const resource = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      const opened = await openSession(deps, resource);
      if (!opened.ok) {
        void showError(opened.message);
        return { ok: false, kind: 'missingCredentials', message: opened.message };
      }
      const { session } = opened;
      // Listing workspaces needs the credentials; the health check alone would not test them.
      const workspaces = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Checking ${session.settings.serverUrl}…` },
        () => session.client.listWorkspaces(),
      );
      if (!workspaces.ok) {
        return { ok: false, kind: workspaces.error.kind, message: showFailure(deps, session, 'Check Server', workspaces.error) };
      }
      const names = workspaces.value.map((w) => `“${w.name}”`).join(', ');
      const message = `Airbyte at ${session.settings.serverUrl} answers and accepts the credentials: ${workspaces.value.length} workspace${workspaces.value.length === 1 ? '' : 's'} (${names}).`;
      deps.log.info(message);
      void showInfo(message, 'New Connection File').then((action) => {
        if (action) void vscode.commands.executeCommand('airbyte.newConnectionFile');
      });
      return { ok: true, message };
    }),
  );
}
