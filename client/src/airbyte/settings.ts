// The `airbyte.*` settings as one typed value, read for the file being worked on (they are
// resource-scoped: two folders may point at two servers).
import * as vscode from 'vscode';
import { normalizeServerUrl, parseServerUrl, scrubText, trimSlashes } from '../../../core/api';

export type AuthenticationSetting = 'basic' | 'bearer' | 'none';

export interface AirbyteSettings {
  /** As configured (trimmed); what requests go to. With user information, a scrubbed form. */
  serverUrl: string;
  /** The canonical form: the server's identity for secrets, consent and the duplicate guard. */
  serverKey: string;
  /** Why `serverUrl` cannot be used (user information in it, not http(s)); nothing is sent then. */
  serverUrlProblem?: { message: string; hint: string };
  /** `folder`: the URL comes from the workspace or folder settings (a cloned repository can set it). */
  serverChosenBy: 'user' | 'folder';
  authentication: AuthenticationSetting;
  username: string;
  timeoutMs: number;
  /** Empty: derive it from `serverUrl`. */
  webAppUrl: string;
}

export const DEFAULT_SERVER_URL = 'http://localhost:8000/api';

export function readAirbyteSettings(resource?: vscode.Uri): AirbyteSettings {
  const config = vscode.workspace.getConfiguration('airbyte', resource);
  const authentication = config.get<string>('authentication', 'basic');
  const seconds = config.get<number>('requestTimeoutSeconds', 60);
  const configured = trimSlashes(config.get<string>('serverUrl', DEFAULT_SERVER_URL) || DEFAULT_SERVER_URL);
  const parsed = parseServerUrl(configured);
  return {
    serverUrl: parsed.ok ? configured : scrubText(configured),
    serverKey: parsed.ok ? parsed.canonical : normalizeServerUrl(scrubText(configured)),
    serverUrlProblem: parsed.ok ? undefined : { message: parsed.message, hint: parsed.hint },
    serverChosenBy: serverChosenBy(config, configured),
    authentication: authentication === 'bearer' || authentication === 'none' ? authentication : 'basic',
    username: config.get<string>('username', 'airbyte') || 'airbyte',
    timeoutMs: Math.round(Math.min(Math.max(Number.isFinite(seconds) ? seconds : 60, 1), 600) * 1000),
    webAppUrl: config.get<string>('webAppUrl', '') ?? '',
  };
}

/** Folder-chosen: the effective URL comes from workspace or folder settings, not the user's own. */
function serverChosenBy(config: vscode.WorkspaceConfiguration, effective: string): 'user' | 'folder' {
  const inspected = config.inspect<string>('serverUrl');
  const fromFolder = [
    inspected?.workspaceFolderLanguageValue,
    inspected?.workspaceFolderValue,
    inspected?.workspaceLanguageValue,
    inspected?.workspaceValue,
  ].some((value) => typeof value === 'string' && trimSlashes(value) === effective);
  if (!fromFolder) return 'user';
  // The folder repeats what the user chose anyway: nothing new is trusted.
  const userValue = inspected?.globalLanguageValue ?? inspected?.globalValue ?? inspected?.defaultValue;
  return typeof userValue === 'string' && normalizeServerUrl(userValue) === normalizeServerUrl(effective) ? 'user' : 'folder';
}

/** Opens the Settings editor filtered to one setting. */
export function openSetting(id: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', id);
}
