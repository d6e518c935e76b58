// Shared by the New Connection File and Discover Streams suites: settings, a local Airbyte
// per suite, and an HTTP front that notices (and can hold) discover requests, so a test can
// cancel while a discovery is really in flight.
import * as http from 'http';
import * as vscode from 'vscode';

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
  const upstream = new URL(target);
  let discoverCount = 0;
  const server = http.createServer((req, res) => {
    if (req.url?.endsWith('/v1/sources/discover_schema')) {
      discoverCount++;
      options.onDiscover?.();
      if (options.hold) return;
    }
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    res.on('close', () => forwarded.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api`,
    discoverCount: () => discoverCount,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
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
