// `airbyte.applyConnection`: creates the connection when the file manages none on the server
// yet, else shows the plan (diff editor) and, once confirmed in a modal that names the streams
// Airbyte will reset, updates it — never a second create. Reads it back and reports any setting
// the server did not keep.
//
// Arguments: (target?: vscode.Uri, options?: ApplyConnectionOptions). `options.confirm` answers
// the modal in advance (tests and scripts); without it the modal is shown.
import * as vscode from 'vscode';
import { normalizeServerUrl } from '../../../core/api';
import { applyPlan, changeLines, renderNotKept, resetLine, type Plan } from '../../../core/lifecycle';
import type { DirtyChoice } from '../airbyte/connectionDocument';
import { describeFailure } from '../airbyte/failureMessage';
import { planForDocument } from '../airbyte/planForDocument';
import { readAirbyteSettings } from '../airbyte/settings';
import type { CommandDeps } from './deps';
import { showError, showInfo, showWarning } from '../airbyte/scrubbing';

export const APPLY_CONNECTION_COMMAND = 'airbyte.applyConnection';

export interface ApplyConnectionOptions {
  /** The answer to the confirmation: true applies, false declines. */
  confirm?: boolean;
  dirty?: DirtyChoice;
}

export type ApplyConnectionResult =
  | { ok: true; kind: 'created' | 'updated' | 'unchanged'; connectionId: string; notKept: string[]; resets: string[]; diff?: { live: vscode.Uri; file: vscode.Uri } }
  | { ok: false; kind: string; message: string }
  | undefined;

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(APPLY_CONNECTION_COMMAND, (target?: unknown, options?: unknown) => applyConnection(deps, target, readOptions(options))),
  );
}

async function applyConnection(deps: CommandDeps, target: unknown, options: ApplyConnectionOptions): Promise<ApplyConnectionResult> {
  const planned = await planForDocument(deps, target, options.dirty, 'apply');
  if (!planned.ok) {
    if (planned.kind === 'cancelled') return undefined;
    deps.log.warn(`Apply Connection: ${planned.message}`);
    void showError(planned.message);
    return planned;
  }
  const { plan, fileName, uri } = planned;
  if (plan.blockers.length > 0) {
    const message = `Cannot apply “${fileName}”: ${plan.blockers.join(' ')}`;
    void showError(message);
    return { ok: false, kind: 'blocked', message };
  }
  const diff = plan.action === 'update' ? await deps.planDiffView.show(plan, fileName) : undefined;
  if (plan.action !== 'none' && !(await confirm(plan, fileName, options.confirm))) {
    deps.log.info(`Apply Connection: declined for ${uri.toString()}; nothing sent.`);
    return undefined;
  }

  const applied = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Applying “${fileName}” to ${plan.serverUrl}` },
    () => applyPlan(planned.target, plan, planned.statePath),
  );
  if (!applied.ok) {
    const settings = readAirbyteSettings(uri);
    const failure = describeFailure(applied.error, {
      serverUrl: settings.serverUrl,
      fileName,
      usedDefaultPassword: false,
      authentication: settings.authentication,
      diagnosticCount: 0,
    });
    deps.log.error(`Apply Connection failed (${applied.error.kind}): ${failure.text}`);
    void showError(failure.text);
    return { ok: false, kind: applied.error.kind, message: failure.text };
  }
  const outcome = applied.value;
  if (outcome.kind === 'unchanged') {
    void showInfo(`Nothing to apply: “${plan.connectionName}” already matches “${fileName}”.`);
    return { ok: true, kind: 'unchanged', connectionId: outcome.connectionId, notKept: [], resets: [] };
  }
  if (outcome.kind === 'created') {
    await deps.createdConnections.recordCreated(uri, normalizeServerUrl(plan.serverUrl), plan.body as Record<string, unknown>, outcome.name, outcome.connectionId);
  }
  const notKept = outcome.notKept ? changeLines(outcome.notKept) : [];
  const done = `${outcome.kind === 'created' ? 'Created' : 'Updated'} connection “${outcome.name}” (${outcome.connectionId}).`;
  deps.log.info(`Apply Connection: ${done}`);
  if (outcome.notKept) {
    const text = `${done} The server did not keep everything the file says:\n${renderNotKept(outcome.notKept)}`;
    deps.log.warn(text);
    void showWarning(text);
  } else {
    void showInfo(done);
  }
  return { ok: true, kind: outcome.kind, connectionId: outcome.connectionId, notKept, resets: plan.resets.streams, diff };
}

async function confirm(plan: Plan, fileName: string, answer: boolean | undefined): Promise<boolean> {
  if (answer !== undefined) return answer;
  if (plan.action === 'create') {
    const create = 'Create';
    const choice = await vscode.window.showWarningMessage(
      `Create a connection from “${fileName}” on ${plan.serverUrl}?`,
      { modal: true, detail: 'This file manages no connection on that server yet.' },
      create,
    );
    return choice === create;
  }
  const resets = resetLine(plan.resets);
  const button = plan.resets.streams.length > 0 ? `Update and reset ${plan.resets.streams.length} stream(s)` : 'Update';
  const lines = plan.diff ? changeLines(plan.diff) : [];
  const choice = await vscode.window.showWarningMessage(
    `Update connection “${plan.connectionName}” on ${plan.serverUrl}?`,
    { modal: true, detail: [...lines, ...(resets ? ['', resets] : [])].join('\n') },
    button,
  );
  return choice === button;
}

function readOptions(options: unknown): ApplyConnectionOptions {
  if (!options || typeof options !== 'object' || Array.isArray(options)) return {};
  const { confirm: answer, dirty } = options as Record<string, unknown>;
  return {
    confirm: typeof answer === 'boolean' ? answer : undefined,
    dirty: dirty === 'save' || dirty === 'unsaved' ? dirty : undefined,
  };
}
