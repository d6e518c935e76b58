// `airbyte.setCredentials`: stores the password (basic) or token (bearer) for the configured
// server in VS Code's secret storage.
//
// Argument (optional, for tests and scripts; skips the input box):
//   { password?: string, token?: string, serverUrl?: string }
// Returns true when something was stored, false when nothing applies (authentication "none"),
// undefined when the user dismissed the input box.
import * as vscode from 'vscode';
import { parseServerUrl } from '../../../core/api';
import type { SecretKind } from '../airbyte/credentials';
import { showError, showInfo } from '../airbyte/scrubbing';
import { openSetting, readAirbyteSettings } from '../airbyte/settings';
import type { CommandDeps } from './deps';

export const SET_CREDENTIALS_COMMAND = 'airbyte.setCredentials';

export interface SetCredentialsArgs {
  password?: string;
  token?: string;
  serverUrl?: string;
}

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SET_CREDENTIALS_COMMAND, (args?: unknown) => setCredentials(deps, readArgs(args))),
  );
}

async function setCredentials(deps: CommandDeps, args: SetCredentialsArgs): Promise<boolean | undefined> {
  const settings = readAirbyteSettings(vscode.window.activeTextEditor?.document.uri);
  const parsed = parseServerUrl(args.serverUrl ?? settings.serverUrl);
  if (!parsed.ok) {
    void showError(`${parsed.message} ${parsed.hint}`);
    return false;
  }
  // Stored under the server's canonical form, which is also what the messages show.
  const serverUrl = parsed.canonical;

  if (args.password !== undefined || args.token !== undefined) {
    if (args.password !== undefined) await deps.credentials.store(serverUrl, 'password', args.password);
    if (args.token !== undefined) await deps.credentials.store(serverUrl, 'token', args.token);
    deps.log.info(`Stored credentials for ${serverUrl} (given to the command).`);
    return true;
  }

  if (settings.authentication === 'none') {
    void showInfo(
        `airbyte.authentication is “none”: requests to ${serverUrl} carry no credentials. Choose “basic” or “bearer” to use stored ones.`,
        'Open Settings',
      ).then((action) => action && openSetting('airbyte.authentication'));
    return false;
  }

  const kind: SecretKind = settings.authentication === 'basic' ? 'password' : 'token';
  const value = await vscode.window.showInputBox({
    title: kind === 'password' ? `Airbyte password for “${settings.username}” on ${serverUrl}` : `Airbyte token for ${serverUrl}`,
    prompt: "Kept in VS Code's secret storage, never in settings or logs.",
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => (text ? undefined : `Enter the ${kind}.`),
  });
  if (value === undefined) return undefined;
  await deps.credentials.store(serverUrl, kind, value);
  deps.log.info(`Stored a ${kind} for ${serverUrl}.`);
  void showInfo(`Stored the ${kind} for ${serverUrl}.`);
  return true;
}

function readArgs(args: unknown): SetCredentialsArgs {
  if (!args || typeof args !== 'object' || Array.isArray(args) || args instanceof vscode.Uri) return {};
  const { password, token, serverUrl } = args as Record<string, unknown>;
  return {
    password: typeof password === 'string' ? password : undefined,
    token: typeof token === 'string' ? token : undefined,
    serverUrl: typeof serverUrl === 'string' && serverUrl.trim() ? serverUrl : undefined,
  };
}
