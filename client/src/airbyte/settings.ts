// The `airbyte.*` settings as one typed value, read for the file being worked on (they are
// resource-scoped: a folder may point at another server).
import * as vscode from 'vscode';
import { normalizeServerUrl } from '../../../core/api';

export type AuthenticationSetting = 'basic' | 'bearer' | 'none';

export interface AirbyteSettings {
  serverUrl: string;
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
  return {
    serverUrl: normalizeServerUrl(config.get<string>('serverUrl', DEFAULT_SERVER_URL) || DEFAULT_SERVER_URL),
    authentication: authentication === 'bearer' || authentication === 'none' ? authentication : 'basic',
    username: config.get<string>('username', 'airbyte') || 'airbyte',
    timeoutMs: Math.round(Math.min(Math.max(Number.isFinite(seconds) ? seconds : 60, 1), 600) * 1000),
    webAppUrl: config.get<string>('webAppUrl', '') ?? '',
  };
}

/** Opens the Settings editor filtered to one setting. */
export function openSetting(id: string): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', id);
}
