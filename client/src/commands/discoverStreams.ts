// `airbyte.discoverStreams`: discovers the file's source again and merges the result into the
// open editor as one undoable edit, left unsaved for review (rules in core/catalog/mergeCatalog).
// Nothing changes when the discovery fails or is cancelled, or when the file was edited in a
// way that makes the merge impossible.
//
// Arguments: (target?: vscode.Uri, options?: { cancellation?: vscode.CancellationToken }).
// Returns { ok: true, summary, changed } or { ok: false, kind, message }.
import * as vscode from 'vscode';
import type { AirbyteApiErrorKind } from '../../../core/api';
import { describeMergeSummary, mergeDiscoveredCatalog, singleEdit, type MergeSummary } from '../../../core/catalog/mergeCatalog';
import type { DiscoveredCatalog } from '../../../core/catalog/types';
import { discoverWithProgress, isCancellationToken, openSession, showFailure, supportedDestinationModes } from '../airbyte/discovery';
import { fileLabel } from '../airbyte/connectionDocument';
import type { CommandDeps } from './deps';
import { showError, showInfo, showWarning } from '../airbyte/scrubbing';

export const DISCOVER_STREAMS_COMMAND = 'airbyte.discoverStreams';
const WHAT = 'Discover Streams';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DiscoverStreamsResult =
  | { ok: true; changed: boolean; summary: MergeSummary; message: string }
  | { ok: false; kind: AirbyteApiErrorKind | 'noDocument' | 'noSourceId' | 'missingCredentials' | 'unmergeable' | 'editFailed'; message: string };

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(DISCOVER_STREAMS_COMMAND, (target?: unknown, options?: unknown) => {
      const cancellation = options && typeof options === 'object' ? (options as { cancellation?: unknown }).cancellation : undefined;
      return discoverStreams(deps, target instanceof vscode.Uri ? target : undefined, isCancellationToken(cancellation) ? cancellation : undefined);
    }),
  );
}

async function discoverStreams(deps: CommandDeps, target: vscode.Uri | undefined, cancellation: vscode.CancellationToken | undefined): Promise<DiscoverStreamsResult> {
  const document = await targetDocument(target);
  if (!document) return local(deps, 'noDocument', 'Open a *.connection.json file to discover its source’s streams.');
  const file = fileLabel(document.uri);

  const sourceId = readId(document.getText(), 'sourceId');
  if (!sourceId) return local(deps, 'noSourceId', `“${file}” has no valid \`sourceId\`: set it to the source to discover (completion lists the server’s sources).`);
  const destinationId = readId(document.getText(), 'destinationId');

  const opened = await openSession(deps, document.uri);
  if (!opened.ok) return local(deps, 'missingCredentials', opened.message);
  const { session } = opened;

  // The source's name for the progress message; an unknown id fails here, before the long call.
  const source = await session.client.getSource(sourceId);
  if (!source.ok) return { ok: false, kind: source.error.kind, message: showFailure(deps, session, WHAT, source.error, { sourceId }) };

  const discovered = await discoverWithProgress(session, sourceId, source.value.name, cancellation);
  if (!discovered.ok) return { ok: false, kind: discovered.error.kind, message: showFailure(deps, session, WHAT, discovered.error, { sourceId }) };

  const destination = destinationId ? await session.client.getDestination(destinationId) : undefined;
  const modes = await supportedDestinationModes(session, deps, destination?.ok ? destination.value : undefined);

  // Merged into the text as it is now: edits made while the discovery ran are kept.
  const before = document.getText();
  const merged = mergeDiscoveredCatalog({
    text: before,
    catalog: discovered.value.catalog as DiscoveredCatalog,
    catalogId: discovered.value.catalogId,
    supportedDestinationSyncModes: modes,
  });
  if (!merged.ok) return local(deps, 'unmergeable', `${WHAT}: “${file}” was not changed. ${merged.message}`);

  const summaryText = describeMergeSummary(merged.summary);
  if (merged.text === before) {
    const message = `“${file}” is up to date with its source. ${summaryText}`;
    deps.log.info(`${WHAT}: ${message}`);
    void showInfo(message);
    return { ok: true, changed: false, summary: merged.summary, message };
  }

  const edit = singleEdit(before, merged.text);
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(
    document.uri,
    new vscode.Range(document.positionAt(edit.offset), document.positionAt(edit.offset + edit.length)),
    edit.text,
  );
  if (document.getText() !== before || !(await vscode.workspace.applyEdit(workspaceEdit))) {
    return local(deps, 'editFailed', `${WHAT}: “${file}” changed while the merge was applied; nothing was changed. Run it again.`);
  }
  await vscode.window.showTextDocument(document);
  const review = merged.summary.removed.length || merged.summary.missingPaths.length ? ' Review what is marked in the file, then save.' : ' Review, then save.';
  const message = `Merged the new discovery into “${file}” (not saved). ${summaryText}${review}`;
  deps.log.info(`${WHAT}: ${message}`);
  const show = merged.summary.removed.length || merged.summary.missingPaths.length ? showWarning : showInfo;
  void show(message);
  return { ok: true, changed: true, summary: merged.summary, message };
}

async function targetDocument(target: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (target) {
    try {
      return await vscode.workspace.openTextDocument(target);
    } catch {
      return undefined;
    }
  }
  const document = vscode.window.activeTextEditor?.document;
  return document && (document.languageId === 'airbyte-connection' || document.uri.path.endsWith('.connection.json')) ? document : undefined;
}

/** A top-level id property, when the text is JSON and it holds a UUID. */
function readId(text: string, key: 'sourceId' | 'destinationId'): string | undefined {
  try {
    const value = (JSON.parse(text) as Record<string, unknown>)[key];
    return typeof value === 'string' && UUID.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function local(deps: CommandDeps, kind: 'noDocument' | 'noSourceId' | 'missingCredentials' | 'unmergeable' | 'editFailed', message: string): DiscoverStreamsResult {
  deps.log.warn(`${WHAT}: ${message}`);
  void showError(message);
  return { ok: false, kind, message };
}
