// The extension's entry: a log channel, the language server, and the commands. Kept thin:
// everything with logic lives in `core/` or in one file per command.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AirbyteResourcesChangedNotification } from '../../core/protocol';
import { createResourceFetcher } from './airbyteResources';
import { scrubbedLog } from './airbyte/scrubbing';
import { registerCommands } from './commands';
import { startLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

/** What activation returns: where the log files are (tests search them for leaked secrets). */
export interface AirbyteExtensionApi {
  logUri: string;
}

export async function activate(context: vscode.ExtensionContext): Promise<AirbyteExtensionApi> {
  const channel = vscode.window.createOutputChannel('Airbyte', { log: true });
  context.subscriptions.push(channel);
  // Every line is scrubbed before it reaches the panel or the log file.
  const log = scrubbedLog(channel);
  const { credentials, trust } = registerCommands(context, log);
  const fetcher = createResourceFetcher(credentials, trust, log, context.subscriptions);
  client = await startLanguageClient(context, fetcher);
  // Settings, credentials or permissions changed: the server's cached lists are stale.
  context.subscriptions.push(fetcher.onDidChange(() => void client?.sendNotification(AirbyteResourcesChangedNotification)));
  return { logUri: context.logUri.toString() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
