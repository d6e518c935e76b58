// The checks before a command (New Connection File, Discover Streams, Plan, Apply, Export) sends
// anything to Airbyte, the same trust rules Create Connection applies: nothing in Restricted
// Mode, no URL with user information, credentials found, and a question before they go over
// plain HTTP to another machine.
import * as vscode from 'vscode';
import type { AirbyteAuth } from '../../../core/api';
import type { CommandDeps } from '../commands/deps';
import { resolveAuth } from './credentials';
import { readAirbyteSettings, type AirbyteSettings } from './settings';

export type Clearance = { ok: true; settings: AirbyteSettings; auth: AirbyteAuth; usedDefaultPassword: boolean } | { ok: false; message: string };

export async function clearToSend(deps: CommandDeps, resource: vscode.Uri | undefined): Promise<Clearance> {
  if (!vscode.workspace.isTrusted) {
    return { ok: false, message: 'This folder is in Restricted Mode: nothing is sent to Airbyte until you trust the folder (Manage Workspace Trust).' };
  }
  const settings = readAirbyteSettings(resource);
  if (settings.serverUrlProblem) return { ok: false, message: `${settings.serverUrlProblem.message} ${settings.serverUrlProblem.hint}` };
  const resolved = await resolveAuth(deps.credentials, settings);
  if (!resolved.ok) return { ok: false, message: resolved.message };
  if (!(await deps.trust.confirmPlainHttp(settings))) {
    return { ok: false, message: `Credentials were not allowed over plain HTTP to ${settings.serverUrl}; nothing was sent.` };
  }
  return { ok: true, settings, auth: resolved.auth, usedDefaultPassword: resolved.usedDefaultPassword };
}
