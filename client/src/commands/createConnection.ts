// `airbyte.createConnection`: submits a *.connection.json file to
// `POST {airbyte.serverUrl}/v1/web_backend/connections/create`.
//
// Arguments: (target?: vscode.Uri, options?: CreateConnectionOptions). Menus pass the file's
// Uri (and unrelated extras, ignored); without one the active editor's file is used. `options`
// exists for tests and scripts: it answers the modal questions in advance and can cancel.
//
// Returns a CreateConnectionResult: { ok: true, … } on success, { ok: false, kind, message } on
// failure (kind: an AirbyteApiError kind, including 'cancelled' when an in-flight request was
// cancelled, or one of LocalFailureKind), and undefined when the user declined a question
// (unsaved changes, duplicate) so nothing was attempted.
import * as vscode from 'vscode';
import { AirbyteClient, connectionPageUrl, webAppUrl, type AirbyteApiError, type AirbyteApiErrorKind } from '../../../core/api';
import { checkSubmittable, fileLabel, readSubmissionText, type DirtyChoice } from '../airbyte/connectionDocument';
import type { GuardMatch } from '../airbyte/createdConnections';
import { recordInStateFile } from '../airbyte/lifecycleTarget';
import { resolveAuth } from '../airbyte/credentials';
import { scrub, scrubbedError, scrubber, showError, showInfo, showWarning } from '../airbyte/scrubbing';
import { describeFailure, type FailureAction } from '../airbyte/failureMessage';
import { apiLogSink, SHOW_LOG } from '../airbyte/log';
import { openSetting, readAirbyteSettings, type AirbyteSettings } from '../airbyte/settings';
import { withAbortSignal } from '../airbyte/abortSignal';
import type { CommandDeps } from './deps';
import { SET_CREDENTIALS_COMMAND } from './setCredentials';

export const CREATE_CONNECTION_COMMAND = 'airbyte.createConnection';
const RUNNING_CONTEXT_KEY = 'airbyte.createConnection.running';
const SHOW_PROBLEMS = 'Show Problems';
const CREATE_ANOTHER = 'Create Another';

export interface CreateConnectionOptions {
  /** Answer to "already created … Create another one?": true creates, false declines. */
  confirmDuplicate?: boolean;
  /** Answer to "send credentials over plain HTTP to a host that is not this machine?". */
  confirmPlainHttp?: boolean;
  /** Answer to "unsaved changes": save first, or send the editor's unsaved text. */
  dirty?: DirtyChoice;
  /** Cancels like the progress notification's Cancel button. */
  cancellation?: vscode.CancellationToken;
}

export type LocalFailureKind =
  | 'noDocument'
  | 'unreadable'
  | 'invalidDocument'
  | 'missingCredentials'
  | 'alreadyRunning'
  | 'restrictedMode'
  | 'invalidServerUrl';

export type CreateConnectionResult =
  | { ok: true; connectionId: string; name: string; serverUrl: string }
  | { ok: false; kind: AirbyteApiErrorKind | LocalFailureKind; message: string }
  | undefined;

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  let running = false;
  context.subscriptions.push(
    vscode.commands.registerCommand(
      CREATE_CONNECTION_COMMAND,
      async (target?: unknown, options?: unknown): Promise<CreateConnectionResult> => {
        if (running) {
          const message = 'A connection is already being created; wait for it to finish.';
          void showInfo(message);
          return { ok: false, kind: 'alreadyRunning', message };
        }
        running = true;
        await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, true);
        try {
          return await createConnection(deps, target, readOptions(options));
        } catch (error) {
          deps.log.error(`Create Connection failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          throw scrubbedError(error);
        } finally {
          running = false;
          await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, false);
        }
      },
    ),
  );
}

async function createConnection(
  deps: CommandDeps,
  target: unknown,
  options: CreateConnectionOptions,
): Promise<CreateConnectionResult> {
  const { log } = deps;
  const uri = targetUri(target);
  if (!uri) return localFailure(deps, 'noDocument', 'Open a *.connection.json file (or pick one in the Explorer) to create its connection.');

  if (!vscode.workspace.isTrusted) {
    return localFailure(deps, 'restrictedMode', 'This folder is in Restricted Mode: Create Connection sends nothing until you trust the folder (Manage Workspace Trust).');
  }
  const settings = readAirbyteSettings(uri);
  deps.serverDiagnostics.clear(uri);
  if (settings.serverUrlProblem) {
    return localFailure(deps, 'invalidServerUrl', `${settings.serverUrlProblem.message} ${settings.serverUrlProblem.hint}`);
  }

  const submission = await readSubmissionText(uri, options.dirty);
  if (!submission.ok) {
    if (submission.cancelled) {
      log.info(`Create Connection: ${uri.toString()} has unsaved changes and the question was dismissed; nothing sent.`);
      return undefined;
    }
    return localFailure(deps, 'unreadable', submission.message);
  }

  const preflight = await checkSubmittable(uri, submission.text);
  if (!preflight.ok) {
    log.warn(`Create Connection: refused to send ${uri.toString()}: ${preflight.message}`);
    void showError(preflight.message, SHOW_PROBLEMS).then((action) => {
      if (action === SHOW_PROBLEMS) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return { ok: false, kind: 'invalidDocument', message: preflight.message };
  }

  const previous = deps.createdConnections.find(uri, settings.serverKey, preflight.body);
  if (previous && !(await confirmDuplicate(previous, options.confirmDuplicate))) {
    log.info(`Create Connection: ${uri.toString()} matches an earlier ${previous.record.state === 'created' ? `connection ${previous.record.connectionId}` : 'attempt'} on ${previous.record.serverKey}; not creating another.`);
    return undefined;
  }

  const resolved = await resolveAuth(deps.credentials, settings);
  if (!resolved.ok) {
    offerActions('error', resolved.message, [{ label: 'Set Credentials' }], deps);
    log.warn(`Create Connection: ${resolved.message}`);
    return { ok: false, kind: 'missingCredentials', message: scrub(resolved.message) };
  }
  if (!(await deps.trust.confirmPlainHttp(settings, options.confirmPlainHttp))) {
    log.info(`Create Connection: credentials were not allowed over plain HTTP to ${settings.serverUrl}; nothing sent.`);
    return undefined;
  }
  if (resolved.usedDefaultPassword) {
    log.info(`No password is stored for ${settings.serverUrl}: using Airbyte's default local password for “${settings.username}”.`);
  }

  const requestedName = typeof preflight.body.name === 'string' && preflight.body.name ? preflight.body.name : fileLabel(uri);
  log.info(`Create Connection: sending “${requestedName}” from the ${submission.origin === 'editor' ? "editor's text" : 'file on disk'} of ${uri.toString()}`);
  const client = new AirbyteClient({
    serverUrl: settings.serverUrl,
    auth: resolved.auth,
    timeoutMs: settings.timeoutMs,
    log: apiLogSink(log),
    scrubber,
  });
  // Recorded before sending: if the answer is lost, the connection may exist all the same.
  const attempt = await deps.createdConnections.recordAttempt(uri, settings.serverKey, preflight.body, requestedName);
  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Creating connection “${requestedName}” on ${settings.serverUrl}`,
      cancellable: true,
    },
    (_progress, token) => withAbortSignal([token, options.cancellation], (signal) => client.createConnection(preflight.body, { signal }, submission.text)),
  );

  if (!result.ok) {
    if (!ANSWER_MAY_BE_LOST.has(result.error.kind)) await deps.createdConnections.forgetAttempt(attempt);
    return failed(deps, uri, submission.text, settings, result.error, resolved.usedDefaultPassword);
  }
  const created = result.value;
  const name = typeof created.name === 'string' ? created.name : requestedName;
  await deps.createdConnections.recordCreated(uri, settings.serverKey, preflight.body, name, created.connectionId);
  // The portable link: Plan and Apply (and the CLI) find this connection through it.
  await recordInStateFile(uri, settings.serverUrl, created.connectionId, log);
  log.info(`Created connection “${name}” (${created.connectionId}) on ${settings.serverUrl}.`);
  announceCreated(name, created.connectionId, settings, created.source?.workspaceId);
  return { ok: true, connectionId: created.connectionId, name, serverUrl: settings.serverUrl };
}

function failed(
  deps: CommandDeps,
  uri: vscode.Uri,
  submittedText: string,
  settings: AirbyteSettings,
  error: AirbyteApiError,
  usedDefaultPassword: boolean,
): CreateConnectionResult {
  let diagnosticCount = 0;
  if (error.kind === 'notFound' || error.kind === 'validation') {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // Edited while the request ran: offsets would point at the wrong text.
    if (!open || open.getText() === submittedText) diagnosticCount = deps.serverDiagnostics.report(uri, submittedText, error);
  }
  const failure = describeFailure(error, {
    serverUrl: settings.serverUrl,
    fileName: fileLabel(uri),
    usedDefaultPassword,
    authentication: settings.authentication,
    diagnosticCount,
  });
  deps.log.error(`Create Connection failed (${error.kind}): ${failure.text}`);
  offerActions(failure.severity, failure.text, failure.actions, deps);
  return { ok: false, kind: error.kind, message: scrub(failure.text) };
}

/**
 * Failures after which the request may have reached Airbyte and created the connection: the
 * attempt stays recorded, so the next submit warns. Any other failure certainly created nothing.
 */
const ANSWER_MAY_BE_LOST = new Set<AirbyteApiErrorKind>([
  'timeout',
  'cancelled',
  'network',
  'serverError',
  'notJson',
  'unexpectedResponse',
  'unexpectedStatus',
  'responseTooLarge',
]);

async function confirmDuplicate(previous: GuardMatch, answer: boolean | undefined): Promise<boolean> {
  if (answer !== undefined) return answer;
  const { record } = previous;
  const when = new Date(record.at).toLocaleString();
  const which = previous.by === 'file' ? 'This file' : `A file with the same name, source and destination (${record.file.split('/').pop()})`;
  const what =
    record.state === 'created'
      ? `${which} already created connection “${record.name}” (${record.connectionId}) on ${record.serverKey} at ${when}.`
      : `${which} was sent to ${record.serverKey} at ${when} to create “${record.name}”, and the answer was lost: the connection may exist. Check Airbyte first.`;
  const choice = await vscode.window.showWarningMessage(scrub(`${what} Create another one?`), { modal: true }, CREATE_ANOTHER);
  return choice === CREATE_ANOTHER;
}

function announceCreated(name: string, connectionId: string, settings: AirbyteSettings, workspaceId: string | undefined): void {
  const openInAirbyte = 'Open in Airbyte';
  const copyId = 'Copy ID';
  const actions = workspaceId ? [openInAirbyte, copyId] : [copyId];
  void showInfo(`Created connection “${name}” (${connectionId})`, ...actions).then((action) => {
    if (action === openInAirbyte && workspaceId) {
      const page = connectionPageUrl(webAppUrl(settings.serverUrl, settings.webAppUrl), workspaceId, connectionId);
      void vscode.env.openExternal(vscode.Uri.parse(page));
    } else if (action === copyId) {
      void vscode.env.clipboard.writeText(connectionId);
    }
  });
}

/** Shows a message without waiting for it (tests and users need the command to return). */
function offerActions(severity: 'error' | 'warning', text: string, actions: FailureAction[], deps: CommandDeps): void {
  const labels = actions.map((a) => a.label);
  const shown =
    severity === 'error' ? showError(text, ...labels) : showWarning(text, ...labels);
  void shown.then((label) => {
    const action = actions.find((a) => a.label === label);
    if (!action) return;
    if (action.label === 'Set Credentials') void vscode.commands.executeCommand(SET_CREDENTIALS_COMMAND);
    else if (action.label === 'Open Settings') void openSetting(action.setting);
    else if (action.label === SHOW_PROBLEMS) void vscode.commands.executeCommand('workbench.actions.view.problems');
    else if (action.label === SHOW_LOG) deps.log.show(true);
  });
}

function localFailure(deps: CommandDeps, kind: LocalFailureKind, message: string): CreateConnectionResult {
  deps.log.warn(`Create Connection: ${message}`);
  void showError(message);
  return { ok: false, kind, message: scrub(message) };
}


function targetUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  const document = vscode.window.activeTextEditor?.document;
  if (document && (document.languageId === 'airbyte-connection' || document.uri.path.endsWith('.connection.json'))) {
    return document.uri;
  }
  return undefined;
}

function readOptions(options: unknown): CreateConnectionOptions {
  // Menus pass unrelated second arguments (selected Uris, editor group info): read known keys only.
  if (!options || typeof options !== 'object' || Array.isArray(options)) return {};
  const { confirmDuplicate, confirmPlainHttp, dirty, cancellation } = options as Record<string, unknown>;
  return {
    confirmDuplicate: typeof confirmDuplicate === 'boolean' ? confirmDuplicate : undefined,
    confirmPlainHttp: typeof confirmPlainHttp === 'boolean' ? confirmPlainHttp : undefined,
    dirty: dirty === 'save' || dirty === 'unsaved' ? dirty : undefined,
    cancellation: isCancellationToken(cancellation) ? cancellation : undefined,
  };
}

function isCancellationToken(value: unknown): value is vscode.CancellationToken {
  return (
    !!value &&
    typeof (value as vscode.CancellationToken).isCancellationRequested === 'boolean' &&
    typeof (value as vscode.CancellationToken).onCancellationRequested === 'function'
  );
}
