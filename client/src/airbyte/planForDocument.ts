// The first half of Plan and Apply: which file, its text (the editor's, as the user sees it), its
// checks (errors are not sent), its state file, the server, and the plan.
import * as vscode from 'vscode';
import { planConnection, type LifecycleTarget, type Plan } from '../../../core/lifecycle';
import type { CommandDeps } from '../commands/deps';
import { checkSubmittable, fileLabel, readSubmissionText, type DirtyChoice } from './connectionDocument';
import { describeFailure } from './failureMessage';
import { lifecycleTargetFor, readStateOf, stateFileOf } from './lifecycleTarget';

export type PlanFailureKind = 'noDocument' | 'unreadable' | 'invalidDocument' | 'missingCredentials' | 'badState' | 'cancelled' | string;

export type DocumentPlan =
  | { ok: true; uri: vscode.Uri; fileName: string; plan: Plan; target: LifecycleTarget; statePath: string | undefined }
  | { ok: false; kind: PlanFailureKind; message: string };

export async function planForDocument(deps: CommandDeps, target: unknown, dirty: DirtyChoice | undefined, verb: string): Promise<DocumentPlan> {
  const uri = targetUri(target);
  if (!uri) return { ok: false, kind: 'noDocument', message: `Open a *.connection.json file (or pick one in the Explorer) to ${verb} it.` };
  const fileName = fileLabel(uri);
  const submission = await readSubmissionText(uri, dirty);
  if (!submission.ok) return submission.cancelled ? { ok: false, kind: 'cancelled', message: 'Nothing was done.' } : { ok: false, kind: 'unreadable', message: submission.message };
  const preflight = await checkSubmittable(uri, submission.text);
  if (!preflight.ok) return { ok: false, kind: 'invalidDocument', message: preflight.message };
  const state = await readStateOf(uri);
  if (!state.ok) return { ok: false, kind: 'badState', message: state.message };
  const resolved = await lifecycleTargetFor(deps, uri);
  if (!resolved.ok) return { ok: false, kind: 'missingCredentials', message: resolved.message };

  const statePath = stateFileOf(uri);
  const planned = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Planning “${fileName}” against ${resolved.settings.serverUrl}` },
    () => planConnection(resolved.target, preflight.body, state.state, statePath),
  );
  if (!planned.ok) {
    const failure = describeFailure(planned.error, {
      serverUrl: resolved.settings.serverUrl,
      fileName,
      usedDefaultPassword: resolved.usedDefaultPassword,
      authentication: resolved.settings.authentication,
      diagnosticCount: 0,
    });
    return { ok: false, kind: planned.error.kind, message: failure.text };
  }
  return { ok: true, uri, fileName, plan: planned.value, target: resolved.target, statePath };
}

export function targetUri(target: unknown): vscode.Uri | undefined {
  if (target instanceof vscode.Uri) return target;
  const document = vscode.window.activeTextEditor?.document;
  if (document && (document.languageId === 'airbyte-connection' || document.uri.path.endsWith('.connection.json'))) return document.uri;
  return undefined;
}
