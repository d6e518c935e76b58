// Remembers which connection each file created on each server, so a second submit of the same
// file asks before creating a duplicate. Kept in globalState, keyed by file URI and server URL,
// so the guard holds whichever window the file is opened in.
import type * as vscode from 'vscode';
import { normalizeServerUrl } from '../../../core/api';

export interface CreatedConnection {
  connectionId: string;
  name: string;
  serverUrl: string;
  /** ISO 8601. */
  createdAt: string;
}

export class CreatedConnections {
  constructor(private readonly memento: vscode.Memento) {}

  find(file: vscode.Uri, serverUrl: string): CreatedConnection | undefined {
    return this.memento.get<CreatedConnection>(memoryKey(file, serverUrl));
  }

  remember(file: vscode.Uri, created: CreatedConnection): Thenable<void> {
    return this.memento.update(memoryKey(file, created.serverUrl), created);
  }
}

function memoryKey(file: vscode.Uri, serverUrl: string): string {
  return `airbyte.created:${normalizeServerUrl(serverUrl)}:${file.toString()}`;
}
