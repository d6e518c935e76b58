// The extension's entry: a log channel, the language server, and the commands. Kept thin:
// everything with logic lives in `core/` or in one file per command.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { startLanguageClient } from './languageClient';
import { createResourceFetcher } from './airbyteResources';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Airbyte', { log: true });
  context.subscriptions.push(log);
  const { credentials } = registerCommands(context, log);
  const fetcher = createResourceFetcher(credentials, log, context.subscriptions);
  client = await startLanguageClient(context, fetcher.fetch);
  // Settings or credentials changed: the server's cached lists of sources are stale.
  context.subscriptions.push(fetcher.onDidChange(() => void client?.sendNotification('airbyte/resourcesChanged')));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
