// `airbyte.allowServer` and `airbyte.revokeServerPermissions` (and the completion item's
// `airbyte.allowLookupsAndSuggest`): the user's say over which servers
// get automatic lookups (id completion, hover) and which get credentials over plain HTTP.
//
// Argument (optional): { uri?: string, confirm?: boolean, plainHttp?: boolean }. `uri` names the
// document whose server is meant (default: the active editor's); `confirm` and `plainHttp`
// answer the modal questions in advance (tests, scripts). Both return whether anything changed.
import * as vscode from 'vscode';
import { ALLOW_LOOKUPS_AND_SUGGEST_COMMAND } from '../../../core/protocol';
import { scrub, showError, showInfo } from '../airbyte/scrubbing';
import { ALLOW_SERVER_COMMAND } from '../airbyte/serverTrust';
import { readAirbyteSettings } from '../airbyte/settings';
import type { CommandDeps } from './deps';

export const REVOKE_SERVER_COMMAND = 'airbyte.revokeServerPermissions';
const ALLOW = 'Allow';

interface PermissionArgs {
  uri?: vscode.Uri;
  confirm?: boolean;
  plainHttp?: boolean;
}

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ALLOW_SERVER_COMMAND, (args?: unknown) => allowServer(deps, readArgs(args))),
    // Chosen from id completion before consent: ask, then list the ids where the item was.
    vscode.commands.registerCommand(ALLOW_LOOKUPS_AND_SUGGEST_COMMAND, async (args?: unknown) => {
      const allowed = await allowServer(deps, readArgs(args));
      if (allowed) await vscode.commands.executeCommand('editor.action.triggerSuggest');
      return allowed;
    }),
    vscode.commands.registerCommand(REVOKE_SERVER_COMMAND, async (args?: unknown) => {
      const settings = readAirbyteSettings(readArgs(args).uri ?? vscode.window.activeTextEditor?.document.uri);
      const had = await deps.trust.revoke(settings.serverKey);
      const text = had ? `Revoked every permission given to ${settings.serverKey}.` : `No permissions were given to ${settings.serverKey}.`;
      deps.log.info(text);
      void showInfo(text);
      return had;
    }),
  );
}

async function allowServer(deps: CommandDeps, args: PermissionArgs): Promise<boolean> {
  if (!vscode.workspace.isTrusted) {
    void showInfo('This folder is in Restricted Mode: the extension sends nothing to any server until you trust it.');
    return false;
  }
  const settings = readAirbyteSettings(args.uri ?? vscode.window.activeTextEditor?.document.uri);
  if (settings.serverUrlProblem) {
    void showError(`${settings.serverUrlProblem.message} ${settings.serverUrlProblem.hint}`);
    return false;
  }
  let changed = false;
  if (settings.serverChosenBy === 'folder') {
    const yes =
      args.confirm ??
      (await vscode.window.showWarningMessage(
        scrub(`Allow Airbyte lookups on ${settings.serverUrl}?`),
        {
          modal: true,
          detail:
            "This server comes from the folder's settings, not yours (a cloned repository can name any server). Allowing it lets id completion and hover send requests with your credentials there. " +
            '"Airbyte: Revoke Server Permissions" takes it back.',
        },
        ALLOW,
      )) === ALLOW;
    if (!yes) return false;
    await deps.trust.allowLookups(settings);
    deps.log.info(`Allowed automatic lookups on ${settings.serverKey}.`);
    changed = true;
  }
  if (deps.trust.needsPlainHttpConsent(settings)) {
    if (!(await deps.trust.confirmPlainHttp(settings, args.plainHttp))) return changed;
    deps.log.info(`Allowed credentials over plain HTTP to ${settings.serverKey}.`);
    changed = true;
  }
  if (!changed && settings.serverChosenBy === 'user' && !deps.trust.needsPlainHttpConsent(settings)) {
    void showInfo(`${settings.serverUrl} comes from your own settings: lookups there need no permission.`);
  }
  return changed;
}

function readArgs(args: unknown): PermissionArgs {
  if (!args || typeof args !== 'object' || Array.isArray(args) || args instanceof vscode.Uri) {
    return { uri: args instanceof vscode.Uri ? args : undefined };
  }
  const { uri, confirm, plainHttp } = args as Record<string, unknown>;
  return {
    uri: typeof uri === 'string' ? vscode.Uri.parse(uri) : uri instanceof vscode.Uri ? uri : undefined,
    confirm: typeof confirm === 'boolean' ? confirm : undefined,
    plainHttp: typeof plainHttp === 'boolean' ? plainHttp : undefined,
  };
}
