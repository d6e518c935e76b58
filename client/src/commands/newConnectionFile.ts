// `airbyte.newConnectionFile`: from the server's sources and destinations to a ready
// *.connection.json file. Quick picks (workspace when there are several, source, destination),
// a cancellable discovery, a multi-select of the discovered streams (all checked), then
// `<source>-to-<destination>.connection.json` in the folder, never over an existing file.
//
// Arguments: (folder?: vscode.Uri, options?: NewConnectionFileOptions). The Explorer passes the
// folder; from the palette the first workspace folder is used. `options` answers the quick
// picks in advance (tests and scripts); anything not answered is asked.
//
// Returns { ok: true, uri, … }, { ok: false, kind, message } on failure (kind: an API error kind
// or a local one), or undefined when the user dismissed a pick (nothing written).
import * as vscode from 'vscode';
import type { AirbyteApiErrorKind, DestinationRead, SourceRead, WorkspaceRead } from '../../../core/api';
import { connectionFileBaseName, freeConnectionFileName } from '../../../core/catalog/fileName';
import { newConnectionBody } from '../../../core/catalog/newConnectionBody';
import { streamKey, streamLabel, type DiscoveredCatalog } from '../../../core/catalog/types';
import { listFieldPaths } from '../../../core/catalog/fieldPaths';
import {
  discoverWithProgress,
  isCancellationToken,
  openSession,
  showFailure,
  supportedDestinationModes,
  type AirbyteSession,
} from '../airbyte/discovery';
import type { CommandDeps } from './deps';
import { showError, showInfo } from '../airbyte/scrubbing';

export const NEW_CONNECTION_FILE_COMMAND = 'airbyte.newConnectionFile';
const WHAT = 'New Connection File';

export interface NewConnectionFileOptions {
  workspaceId?: string;
  sourceId?: string;
  destinationId?: string;
  /** Streams to select, as `namespace.name` or `name` labels; 'all' keeps every one checked. */
  streams?: string[] | 'all';
  /** Cancels like the progress notification's Cancel button. */
  cancellation?: vscode.CancellationToken;
}

export type NewConnectionFileResult =
  | { ok: true; uri: vscode.Uri; streamCount: number; selectedCount: number }
  | { ok: false; kind: AirbyteApiErrorKind | 'noFolder' | 'missingCredentials' | 'empty' | 'writeFailed'; message: string }
  | undefined;

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NEW_CONNECTION_FILE_COMMAND, (folder?: unknown, options?: unknown) =>
      newConnectionFile(deps, folder instanceof vscode.Uri ? folder : undefined, readOptions(options)),
    ),
  );
}

async function newConnectionFile(deps: CommandDeps, target: vscode.Uri | undefined, options: NewConnectionFileOptions): Promise<NewConnectionFileResult> {
  const folder = await targetFolder(target);
  if (!folder) return local(deps, 'noFolder', 'Open a folder first: New Connection File writes the new file into it.');

  const opened = await openSession(deps, folder);
  if (!opened.ok) return local(deps, 'missingCredentials', opened.message);
  const { session } = opened;
  const failed = (error: Parameters<typeof showFailure>[3], sourceId?: string): NewConnectionFileResult => ({
    ok: false,
    kind: error.kind,
    message: showFailure(deps, session, WHAT, error, { sourceId }),
  });

  const workspaces = await session.client.listWorkspaces();
  if (!workspaces.ok) return failed(workspaces.error);
  if (workspaces.value.length === 0) return local(deps, 'empty', `Airbyte at ${session.settings.serverUrl} has no workspace.`);
  const workspace = await pickWorkspace(workspaces.value, options.workspaceId);
  if (!workspace) return options.workspaceId ? local(deps, 'empty', `No workspace has id ${options.workspaceId}.`) : undefined;

  const [sources, destinations] = await Promise.all([
    session.client.listSources(workspace.workspaceId),
    session.client.listDestinations(workspace.workspaceId),
  ]);
  if (!sources.ok) return failed(sources.error);
  if (!destinations.ok) return failed(destinations.error);
  if (sources.value.length === 0 || destinations.value.length === 0) {
    const missing = sources.value.length === 0 ? 'source' : 'destination';
    return local(deps, 'empty', `The workspace “${workspace.name}” has no ${missing}. Create one in Airbyte first.`);
  }
  const source = await pickSource(sources.value, options.sourceId);
  if (!source) return options.sourceId ? local(deps, 'empty', `The workspace “${workspace.name}” has no source with id ${options.sourceId}.`) : undefined;
  const destination = await pickDestination(destinations.value, options.destinationId);
  if (!destination) {
    return options.destinationId ? local(deps, 'empty', `The workspace “${workspace.name}” has no destination with id ${options.destinationId}.`) : undefined;
  }

  const discovered = await discoverWithProgress(session, source.sourceId, source.name, options.cancellation);
  if (!discovered.ok) return failed(discovered.error, source.sourceId);
  const catalog = discovered.value.catalog as DiscoveredCatalog;
  if (catalog.streams.length === 0) return local(deps, 'empty', `“${source.name}” discovered no streams; there is nothing to sync.`);

  const picked = await pickStreams(catalog, options.streams);
  if (!picked) return undefined;
  if (picked.size === 0) return local(deps, 'empty', 'No stream was picked, so no file was written. Run New Connection File again and keep at least one stream checked.');

  const modes = await supportedDestinationModes(session, deps, { ...destination, workspaceId: workspace.workspaceId });
  const body = newConnectionBody({
    source,
    destination,
    catalog,
    catalogId: discovered.value.catalogId,
    supportedDestinationSyncModes: modes,
    pickedStreams: picked,
  });
  return writeAndOpen(deps, session, folder, connectionFileBaseName(source.name, destination.name), body, catalog.streams.length, picked.size);
}

async function writeAndOpen(
  deps: CommandDeps,
  session: AirbyteSession,
  folder: vscode.Uri,
  baseName: string,
  body: Record<string, unknown>,
  streamCount: number,
  selectedCount: number,
): Promise<NewConnectionFileResult> {
  const exists = async (name: string) => {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name));
      return true;
    } catch {
      return false;
    }
  };
  const fileName = await freeConnectionFileName(baseName, exists);
  const uri = vscode.Uri.joinPath(folder, fileName);
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`));
  } catch (error) {
    return local(deps, 'writeFailed', `Could not write ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  deps.log.info(`${WHAT}: wrote ${uri.toString()} (${selectedCount} of ${streamCount} streams selected) from ${session.settings.serverUrl}.`);
  await vscode.window.showTextDocument(uri);
  void showInfo(
    `Wrote ${fileName}: ${selectedCount} of ${streamCount} streams selected. Review it, then run “Airbyte: Create Connection”.`,
  );
  return { ok: true, uri, streamCount, selectedCount };
}

async function targetFolder(target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (target) {
    try {
      const stat = await vscode.workspace.fs.stat(target);
      return stat.type & vscode.FileType.Directory ? target : vscode.Uri.joinPath(target, '..');
    } catch {
      return undefined;
    }
  }
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

type Pick<T> = vscode.QuickPickItem & { value: T };

async function pickOne<T>(items: Pick<T>[], title: string, placeHolder: string): Promise<T | undefined> {
  const chosen = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true, ignoreFocusOut: true });
  return chosen?.value;
}

function pickWorkspace(workspaces: WorkspaceRead[], answer: string | undefined): Promise<WorkspaceRead | undefined> | WorkspaceRead | undefined {
  if (answer) return workspaces.find((w) => w.workspaceId === answer);
  if (workspaces.length === 1) return workspaces[0];
  return pickOne(
    workspaces.map((w) => ({ label: w.name, description: w.slug, value: w })),
    `${WHAT} (1/4): workspace`,
    'Which workspace? Type to filter',
  );
}

function pickSource(sources: SourceRead[], answer: string | undefined): Promise<SourceRead | undefined> | SourceRead | undefined {
  if (answer) return sources.find((s) => s.sourceId === answer);
  return pickOne(
    sources.map((s) => ({ label: s.name, description: s.sourceName, value: s })),
    `${WHAT} (2/4): source`,
    'Sync from which source? Type to filter',
  );
}

function pickDestination(destinations: DestinationRead[], answer: string | undefined): Promise<DestinationRead | undefined> | DestinationRead | undefined {
  if (answer) return destinations.find((d) => d.destinationId === answer);
  return pickOne(
    destinations.map((d) => ({ label: d.name, description: d.destinationName, value: d })),
    `${WHAT} (3/4): destination`,
    'Sync to which destination? Type to filter',
  );
}

/** The `streamKey`s of the picked streams; every stream starts checked. */
async function pickStreams(catalog: DiscoveredCatalog, answer: string[] | 'all' | undefined): Promise<Set<string> | undefined> {
  if (answer === 'all') return new Set(catalog.streams.map((s) => streamKey(s.stream)));
  if (answer) {
    const wanted = new Set(answer);
    return new Set(catalog.streams.filter((s) => wanted.has(streamLabel(s.stream)) || wanted.has(s.stream.name)).map((s) => streamKey(s.stream)));
  }
  const items = catalog.streams.map((s) => ({
    label: streamLabel(s.stream),
    description: (s.stream.supportedSyncModes ?? ['full_refresh']).join(', '),
    detail: `${listFieldPaths(s.stream.jsonSchema).filter((f) => f.path.length === 1).length} fields`,
    picked: true,
    key: streamKey(s.stream),
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: `${WHAT} (4/4): streams to sync`,
    placeHolder: 'Every stream is checked: Enter keeps them all; unchecked streams are written unselected',
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return chosen && new Set(chosen.map((c) => c.key));
}

function local(deps: CommandDeps, kind: 'noFolder' | 'missingCredentials' | 'empty' | 'writeFailed', message: string): NewConnectionFileResult {
  deps.log.warn(`${WHAT}: ${message}`);
  void showError(message);
  return { ok: false, kind, message };
}

function readOptions(options: unknown): NewConnectionFileOptions {
  // Menus pass unrelated second arguments (selected Uris): read known keys only.
  if (!options || typeof options !== 'object' || Array.isArray(options)) return {};
  const o = options as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    workspaceId: text(o.workspaceId),
    sourceId: text(o.sourceId),
    destinationId: text(o.destinationId),
    streams: o.streams === 'all' ? 'all' : Array.isArray(o.streams) ? o.streams.filter((s): s is string => typeof s === 'string') : undefined,
    cancellation: isCancellationToken(o.cancellation) ? o.cancellation : undefined,
  };
}
