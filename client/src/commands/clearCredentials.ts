// `airbyte.clearCredentials`: forgets the stored password and token of the configured server.
// Optional argument { serverUrl?: string }; returns whether anything was stored.
import * as vscode from 'vscode';
import { normalizeServerUrl } from '../../../core/api';
import { showInfo } from '../airbyte/scrubbing';
import { readAirbyteSettings } from '../airbyte/settings';
import type { CommandDeps } from './deps';

export const CLEAR_CREDENTIALS_COMMAND = 'airbyte.clearCredentials';

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CLEAR_CREDENTIALS_COMMAND, async (args?: unknown) => {
      const given = (args as { serverUrl?: unknown } | undefined)?.serverUrl;
      const serverUrl = normalizeServerUrl(
        typeof given === 'string' && given.trim() ? given : readAirbyteSettings(vscode.window.activeTextEditor?.document.uri).serverUrl,
      );
      const removed = await deps.credentials.clear(serverUrl);
      deps.log.info(removed ? `Removed the stored credentials for ${serverUrl}.` : `No credentials were stored for ${serverUrl}.`);
      void showInfo(
        removed ? `Removed the stored credentials for ${serverUrl}.` : `No credentials were stored for ${serverUrl}.`,
      );
      return removed;
    }),
  );
}
