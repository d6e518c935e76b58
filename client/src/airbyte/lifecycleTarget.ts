// What Plan, Apply and Export share: the API client for a file's settings and credentials, and
// the file's state file (only for files on disk: it is written beside them).
import * as vscode from 'vscode';
import { AirbyteClient } from '../../../core/api';
import { readStateFile, stateFilePath, writeStateEntry, type ConnectionState, type LifecycleTarget } from '../../../core/lifecycle';
import type { CommandDeps } from '../commands/deps';
import { clearToSend } from './clearToSend';
import { scrubber } from './scrubbing';
import { apiLogSink } from './log';
import type { AirbyteSettings } from './settings';

export type ResolvedTarget =
  | { ok: true; target: LifecycleTarget; settings: AirbyteSettings; usedDefaultPassword: boolean }
  | { ok: false; message: string };

export async function lifecycleTargetFor(deps: CommandDeps, resource: vscode.Uri | undefined): Promise<ResolvedTarget> {
  const cleared = await clearToSend(deps, resource);
  if (!cleared.ok) return cleared;
  const { settings, auth, usedDefaultPassword } = cleared;
  const client = new AirbyteClient({ serverUrl: settings.serverUrl, auth, timeoutMs: settings.timeoutMs, log: apiLogSink(deps.log), scrubber });
  return { ok: true, target: { client, serverUrl: settings.serverUrl }, settings, usedDefaultPassword };
}

/** The state file of a connection file on disk; undefined for untitled or virtual documents. */
export function stateFileOf(uri: vscode.Uri): string | undefined {
  return uri.scheme === 'file' ? stateFilePath(uri.fsPath) : undefined;
}

export async function readStateOf(uri: vscode.Uri): Promise<{ ok: true; state: ConnectionState } | { ok: false; message: string }> {
  const file = stateFileOf(uri);
  return file ? readStateFile(file) : { ok: true, state: { connections: {} } };
}

/** Records a created connection in the file's state file; a failure is logged, never fatal. */
export async function recordInStateFile(uri: vscode.Uri, serverUrl: string, connectionId: string, log: vscode.LogOutputChannel): Promise<void> {
  const file = stateFileOf(uri);
  if (!file) return;
  try {
    await writeStateEntry(file, serverUrl, connectionId);
    log.info(`Recorded connection ${connectionId} for ${serverUrl} in ${file}.`);
  } catch (error) {
    log.warn(`Could not write the state file ${file}: ${(error as Error).message}`);
  }
}
