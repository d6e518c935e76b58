// What New Connection File and Discover Streams share: a client for the file's server, the
// discovery itself (cancellable progress, its own timeout), the destination's supported sync
// modes, and the message a failure shows.
import * as vscode from 'vscode';
import { AirbyteClient, type AirbyteApiError, type ApiResult, type DiscoveredSchema } from '../../../core/api';
import type { DestinationSyncMode } from '../../../core/catalog/types';
import type { CommandDeps } from '../commands/deps';
import { clearToSend } from './clearToSend';
import { scrubber, showError, showInfo } from './scrubbing';
import { apiLogSink, SHOW_LOG } from './log';
import { openSetting, type AirbyteSettings } from './settings';
import { withAbortSignal } from './abortSignal';

export const DISCOVER_TIMEOUT_SETTING = 'airbyte.discoverTimeoutSeconds';
const DEFAULT_DISCOVER_TIMEOUT_SECONDS = 600;
/** When the destination's spec cannot be read: every mode, as the form offers them all. */
const ALL_DESTINATION_MODES: DestinationSyncMode[] = ['overwrite', 'append', 'append_dedup'];

export interface AirbyteSession {
  settings: AirbyteSettings;
  /** For quick calls, bounded by `airbyte.requestTimeoutSeconds`. */
  client: AirbyteClient;
  /** For discovery only, bounded by `airbyte.discoverTimeoutSeconds`. */
  discoverClient: AirbyteClient;
  discoverTimeoutMs: number;
  usedDefaultPassword: boolean;
}

export type SessionResult = { ok: true; session: AirbyteSession } | { ok: false; message: string };

export async function openSession(deps: CommandDeps, resource: vscode.Uri | undefined): Promise<SessionResult> {
  const cleared = await clearToSend(deps, resource);
  if (!cleared.ok) return cleared;
  const { settings } = cleared;
  const seconds = vscode.workspace.getConfiguration('airbyte', resource).get<number>('discoverTimeoutSeconds', DEFAULT_DISCOVER_TIMEOUT_SECONDS);
  const discoverTimeoutMs = Math.round(Math.min(Math.max(Number.isFinite(seconds) ? seconds : DEFAULT_DISCOVER_TIMEOUT_SECONDS, 1), 3600) * 1000);
  const base = { serverUrl: settings.serverUrl, auth: cleared.auth, log: apiLogSink(deps.log), scrubber };
  return {
    ok: true,
    session: {
      settings,
      client: new AirbyteClient({ ...base, timeoutMs: settings.timeoutMs }),
      discoverClient: new AirbyteClient({ ...base, timeoutMs: discoverTimeoutMs }),
      discoverTimeoutMs,
      usedDefaultPassword: cleared.usedDefaultPassword,
    },
  };
}

/** Discovers `sourceId` under a cancellable progress notification (and the caller's token). */
export function discoverWithProgress(
  session: AirbyteSession,
  sourceId: string,
  sourceName: string,
  cancellation: vscode.CancellationToken | undefined,
): Thenable<ApiResult<DiscoveredSchema>> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Discovering the streams of “${sourceName}” (this can take minutes)…`,
      cancellable: true,
    },
    (_progress, token) => withAbortSignal([token, cancellation], (signal) => session.discoverClient.discoverSchema(sourceId, { signal })),
  );
}

/** The destination sync modes its connector supports; every mode when they cannot be read. */
export async function supportedDestinationModes(
  session: AirbyteSession,
  deps: CommandDeps,
  destination: { destinationDefinitionId?: string; workspaceId: string } | undefined,
): Promise<DestinationSyncMode[]> {
  if (destination?.destinationDefinitionId) {
    const spec = await session.client.getDestinationDefinitionSpecification(destination.destinationDefinitionId, destination.workspaceId);
    if (spec.ok && Array.isArray(spec.value.supportedDestinationSyncModes) && spec.value.supportedDestinationSyncModes.length) {
      return spec.value.supportedDestinationSyncModes;
    }
  }
  deps.log.info('The destination’s supported sync modes could not be read; new streams get the modes of a destination that supports them all.');
  return ALL_DESTINATION_MODES;
}

export type FailureButton = { label: string; run: () => void };

/** Shows what went wrong and what to do, without waiting for the user (commands must return). */
export function showFailure(
  deps: CommandDeps,
  session: AirbyteSession | undefined,
  what: string,
  error: AirbyteApiError,
  context: { sourceId?: string } = {},
): string {
  const buttons: FailureButton[] = [];
  let { message, hint } = error;
  const serverUrl = session?.settings.serverUrl ?? '';
  switch (error.kind) {
    case 'unauthorized':
    case 'forbidden':
      if (error.kind === 'unauthorized' && session?.usedDefaultPassword) {
        message = `Airbyte at ${serverUrl} refused the default local password (no password is stored for this server).`;
      }
      hint = 'Run “Airbyte: Set Credentials” to store the right password or token.';
      buttons.push({ label: 'Set Credentials', run: () => void vscode.commands.executeCommand('airbyte.setCredentials') });
      break;
    case 'connectionRefused':
    case 'dnsFailure':
    case 'redirect':
    case 'notJson':
    case 'invalidServerUrl':
      hint = `${hint} (airbyte.serverUrl is ${serverUrl})`;
      buttons.push({ label: 'Open Settings', run: () => void openSetting('airbyte.serverUrl') });
      break;
    case 'timeout':
      if (context.sourceId !== undefined && session) {
        message = `The discovery did not finish within ${Math.round(session.discoverTimeoutMs / 1000)} s.`;
        hint = `Large sources can take longer: raise ${DISCOVER_TIMEOUT_SETTING} and try again.`;
        buttons.push({ label: 'Open Settings', run: () => void openSetting(DISCOVER_TIMEOUT_SETTING) });
      } else {
        buttons.push({ label: 'Open Settings', run: () => void openSetting('airbyte.requestTimeoutSeconds') });
      }
      break;
    case 'notFound':
      if (context.sourceId !== undefined) {
        message = `Airbyte at ${serverUrl} has no source with id ${context.sourceId}.`;
        hint = 'Check `sourceId` (completion lists the sources of the server) or the server URL.';
      }
      break;
  }
  buttons.push({ label: SHOW_LOG, run: () => deps.log.show(true) });
  const cancelled = error.kind === 'cancelled';
  const text = cancelled ? `${what} cancelled; nothing was changed.` : `${what} failed: ${message} ${hint}`;
  deps.log[cancelled ? 'info' : 'error'](text);
  const shown = cancelled ? showInfo(text) : showError(text, ...buttons.map((b) => b.label));
  void shown.then((label) => buttons.find((b) => b.label === label)?.run());
  return text;
}


export function isCancellationToken(value: unknown): value is vscode.CancellationToken {
  return (
    !!value &&
    typeof (value as vscode.CancellationToken).isCancellationRequested === 'boolean' &&
    typeof (value as vscode.CancellationToken).onCancellationRequested === 'function'
  );
}
