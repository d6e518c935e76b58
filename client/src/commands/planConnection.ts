// `airbyte.planConnection`: what Apply would change on the server, as a diff editor (live ↔ file)
// plus a summary naming the streams Airbyte v0.44.3 would reset.
//
// Arguments: (target?: vscode.Uri). Returns a PlanConnectionResult (tests read it).
import * as vscode from 'vscode';
import { changeLines, renderPlanText } from '../../../core/lifecycle';
import { planForDocument } from '../airbyte/planForDocument';
import type { CommandDeps } from './deps';
import { showError, showInfo } from '../airbyte/scrubbing';

export const PLAN_CONNECTION_COMMAND = 'airbyte.planConnection';

export type PlanConnectionResult =
  | {
      ok: true;
      action: 'create' | 'update' | 'none';
      connectionId?: string;
      changes: string[];
      resets: string[];
      /** The diff editor's two sides, when one was opened. */
      diff?: { live: vscode.Uri; file: vscode.Uri };
    }
  | { ok: false; kind: string; message: string };

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(PLAN_CONNECTION_COMMAND, async (target?: unknown): Promise<PlanConnectionResult> => {
      const planned = await planForDocument(deps, target, 'unsaved', 'plan');
      if (!planned.ok) {
        deps.log.warn(`Plan Connection: ${planned.message}`);
        if (planned.kind !== 'cancelled') void showError(planned.message);
        return planned;
      }
      const { plan, fileName } = planned;
      deps.log.info(`Plan Connection:\n${renderPlanText(plan, fileName)}`);
      const changes = plan.diff ? changeLines(plan.diff) : [];
      if (plan.action === 'create') {
        void showInfo(`“${fileName}” manages no connection on ${plan.serverUrl} yet: Apply Connection will create it.`);
        return { ok: true, action: 'create', changes, resets: [] };
      }
      const diff = await deps.planDiffView.show(plan, fileName);
      const summary =
        plan.action === 'none'
          ? `No changes: “${plan.connectionName}” matches “${fileName}”.`
          : `${changes.length} change(s) to “${plan.connectionName}”.${plan.resets.streams.length ? ` Apply would reset ${plan.resets.streams.join(', ')}.` : ''}`;
      void showInfo(summary);
      return { ok: true, action: plan.action, connectionId: plan.connectionId, changes, resets: plan.resets.streams, diff };
    }),
  );
}
