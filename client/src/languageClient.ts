// Starts the bundled language server for `airbyte-connection` documents. VS Code's built-in
// JSON server never sees these documents (they are not `json`), so no problem shows twice.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CONNECTION_LANGUAGE_ID } from '../../core/language/documentFilter';
import { AirbyteResourcesRequest, type AirbyteInitializationOptions } from '../../core/protocol';
import type { ResourceFetcher } from './airbyteResources';

export async function startLanguageClient(context: vscode.ExtensionContext, resources: ResourceFetcher): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: CONNECTION_LANGUAGE_ID }],
    initializationOptions: { airbyteResources: true } satisfies AirbyteInitializationOptions,
    diagnosticCollectionName: 'airbyte',
  };
  const client = new LanguageClient('airbyte', 'Airbyte Connection Language Server', serverOptions, clientOptions);
  client.onRequest(AirbyteResourcesRequest, (params, token) => resources.fetch(params, token));
  await client.start();
  return client;
}
