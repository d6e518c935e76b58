// Shows a plan as a diff editor: the live connection (left) and the file (right), each written
// as a minimal normalised connection file, served from memory under the `airbyte-plan` scheme.
import * as vscode from 'vscode';
import { diffTexts, type Plan } from '../../../core/lifecycle';

export const PLAN_SCHEME = 'airbyte-plan';

export class PlanDiffView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, this);
  private serial = 0;
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the diff and returns the two sides' URIs. */
  async show(plan: Plan, fileName: string): Promise<{ live: vscode.Uri; file: vscode.Uri }> {
    const texts = diffTexts(plan);
    const run = ++this.serial;
    const live = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/live/${fileName}`, query: `${run}` });
    const file = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/file/${fileName}`, query: `${run}` });
    this.texts.set(live.toString(), texts.live);
    this.texts.set(file.toString(), texts.file);
    const title = `${fileName}: on the server ↔ in the file (plan)`;
    await vscode.commands.executeCommand('vscode.diff', live, file, title, { preview: true });
    return { live, file };
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
