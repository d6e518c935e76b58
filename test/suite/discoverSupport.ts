// Shared by the New Connection File and Discover Streams suites: settings, a local Airbyte
// per suite, and an HTTP front that notices (and can hold) discover requests, so a test can
// cancel while a discovery is really in flight.
import * as http from 'http';
import * as vscode from 'vscode';
import { startForwardingFront } from './forwardingFront';

export const airbyteSettings = () => vscode.workspace.getConfiguration('airbyte');

export async function setSetting(key: string, value: unknown): Promise<void> {
  await airbyteSettings().update(key, value, vscode.ConfigurationTarget.Global);
}

export async function resetSettings(): Promise<void> {
  for (const key of ['serverUrl', 'authentication', 'username', 'discoverTimeoutSeconds']) await setSetting(key, undefined);
}

export interface DiscoverFront {
  url: string;
  discoverCount: () => number;
  close: () => Promise<void>;
}

/**
 * Forwards everything to `target`, except that each discover request first calls `onDiscover`;
 * with `hold`, discover requests are never answered (until the client gives up).
 */
export async function startDiscoverFront(target: string, options: { onDiscover?: () => void; hold?: boolean } = {}): Promise<DiscoverFront> {
  let discoverCount = 0;
  const front = await startForwardingFront(target, (path) => {
    if (!path.endsWith('/v1/sources/discover_schema')) return 'forward';
    discoverCount++;
    options.onDiscover?.();
    return options.hold ? 'hold' : 'forward';
  });
  return { url: front.url, discoverCount: () => discoverCount, close: front.close };
}

/** A URL where nothing listens: a server that was started and stopped. */
export async function deadServerUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api`;
}

export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
