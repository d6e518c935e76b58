// What the commands share: created once by `registerCommands`, handed to each `register`.
import type * as vscode from 'vscode';
import type { CreatedConnections } from '../airbyte/createdConnections';
import type { PlanDiffView } from '../airbyte/planDiffView';
import type { CredentialStore } from '../airbyte/credentials';
import type { ServerDiagnostics } from '../airbyte/serverDiagnostics';
import type { ServerTrust } from '../airbyte/serverTrust';

export interface CommandDeps {
  /** Already scrubbing (see airbyte/scrubbing). */
  log: vscode.LogOutputChannel;
  credentials: CredentialStore;
  createdConnections: CreatedConnections;
  serverDiagnostics: ServerDiagnostics;
  trust: ServerTrust;
  /** The diff editor of Plan and Apply (live connection ↔ file). */
  planDiffView: PlanDiffView;
}
