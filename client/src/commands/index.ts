// Registers every command of the extension; `extension.ts` calls this once on activation.
import type * as vscode from 'vscode';
import { CreatedConnections } from '../airbyte/createdConnections';
import { CredentialStore } from '../airbyte/credentials';
import { PlanDiffView } from '../airbyte/planDiffView';
import { ServerDiagnostics } from '../airbyte/serverDiagnostics';
import { ServerTrust } from '../airbyte/serverTrust';
import * as checkServer from './checkServer';
import * as clearCredentials from './clearCredentials';
import * as applyConnection from './applyConnection';
import * as createConnection from './createConnection';
import * as discoverStreams from './discoverStreams';
import type { CommandDeps } from './deps';
import * as newConnectionFile from './newConnectionFile';
import * as exportConnection from './exportConnection';
import * as planConnection from './planConnection';
import * as serverPermissions from './serverPermissions';
import * as setCredentials from './setCredentials';
import * as showLog from './showLog';

export type { CreateConnectionOptions, CreateConnectionResult } from './createConnection';
export type { SetCredentialsArgs } from './setCredentials';
export type { NewConnectionFileOptions, NewConnectionFileResult } from './newConnectionFile';
export type { DiscoverStreamsResult } from './discoverStreams';
export type { CheckServerResult } from './checkServer';
export type { ApplyConnectionOptions, ApplyConnectionResult } from './applyConnection';
export type { ExportConnectionOptions, ExportConnectionResult } from './exportConnection';
export type { PlanConnectionResult } from './planConnection';

/** Returns what the commands share, so the rest of the extension uses the same credential store. */
export function registerCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): CommandDeps {
  const credentials = new CredentialStore(context.secrets);
  const serverDiagnostics = new ServerDiagnostics();
  const trust = new ServerTrust(context.globalState);
  const planDiffView = new PlanDiffView();
  context.subscriptions.push(credentials, serverDiagnostics, trust, planDiffView);
  const deps: CommandDeps = {
    log,
    credentials,
    createdConnections: new CreatedConnections(context.globalState),
    serverDiagnostics,
    trust,
    planDiffView,
  };
  for (const command of [
    createConnection,
    planConnection,
    applyConnection,
    exportConnection,
    setCredentials,
    clearCredentials,
    showLog,
    newConnectionFile,
    discoverStreams,
    checkServer,
    serverPermissions,
  ]) {
    command.register(context, deps);
  }
  return deps;
}
