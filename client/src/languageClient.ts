// Starts the bundled language server for `airbyte-connection` documents. VS Code's built-in
// JSON server never sees these documents (they are not `json`), so no problem shows twice.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONNECTION_LANGUAGE_ID } from '../../core/language/documentFilter';
import { AirbyteResourcesRequest, ValidateTextRequest, type AirbyteInitializationOptions, type ValidateTextResult } from '../../core/protocol';
import type { ResourceFetcher } from './airbyteResources';
import { serverEnvironment } from './serverEnvironment';

export async function startLanguageClient(context: vscode.ExtensionContext, resources: ResourceFetcher): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  // stdio, not node-ipc: over a stream the server reads a 30 MB open without blocking its main
  // thread and hands the text to its validation worker as raw bytes (server/src/node/transport.ts);
  // over node-ipc Node parses every message whole before the server sees it.
  // The client adds these to the extension host's own environment (serverEnvironment.ts).
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { env } },
    debug: { module, transport: TransportKind.stdio, options: { env, execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: CONNECTION_LANGUAGE_ID }],
    initializationOptions: { airbyteResources: true } satisfies AirbyteInitializationOptions,
    diagnosticCollectionName: 'airbyte',
  };
  const client = new LanguageClient('airbyte', 'Airbyte Connection Language Server', serverOptions, clientOptions);
  client.onRequest(AirbyteResourcesRequest, (params, token) => resources.fetch(params, token));
  await client.start();
  running.resolve(client);
  return client;
}

/** Resolves once the language server runs (commands are registered before it starts). */
const running = (() => {
  let resolve!: (client: LanguageClient) => void;
  const promise = new Promise<LanguageClient>((r) => (resolve = r));
  return { promise, resolve };
})();

/**
 * The problems the language server finds in exactly `text` (one engine: the extension never
 * validates by itself). Rejects when the server cannot answer.
 */
export async function validateOnServer(uri: vscode.Uri, text: string, timeoutMs = 120_000): Promise<ValidateTextResult['diagnostics']> {
  const client = await Promise.race([running.promise, rejectAfter(timeoutMs, 'the Airbyte language server did not start')]);
  const result = await Promise.race([client.sendRequest(ValidateTextRequest, { uri: uri.toString(), text }), rejectAfter(timeoutMs, 'the Airbyte language server did not answer')]);
  return result.diagnostics;
}

function rejectAfter(ms: number, reason: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(reason)), ms).unref?.());
}
