// Which text "Create Connection" sends, and whether it may be sent at all.
//
// The text sent is what the user sees: the open editor's text when the file is open (after
// asking, when it has unsaved changes, whether to save first or send the unsaved text), else
// the file on disk. It is sent only when it parses as strict JSON (Airbyte's reader rejects
// comments and trailing commas) and has no error-level problems.
import * as vscode from 'vscode';
import { validateOnServer } from '../languageClient';

const ERROR_SEVERITY = 1; // LSP DiagnosticSeverity.Error

export type DirtyChoice = 'save' | 'unsaved';

export const SAVE_AND_CREATE = 'Save and create';
export const CREATE_FROM_UNSAVED = 'Create from unsaved editor';

export type SubmissionText =
  | { ok: true; text: string; origin: 'editor' | 'file' }
  | { ok: false; cancelled: true }
  | { ok: false; cancelled: false; message: string };

export function fileLabel(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

/** The text to submit for `uri`; asks about unsaved changes unless `dirty` answers it. */
export async function readSubmissionText(uri: vscode.Uri, dirty?: DirtyChoice): Promise<SubmissionText> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document) {
    if (document.isDirty) {
      const choice = dirty ?? (await askAboutUnsavedChanges(uri));
      if (!choice) return { ok: false, cancelled: true };
      if (choice === 'save' && !(await document.save())) {
        return { ok: false, cancelled: false, message: `“${fileLabel(uri)}” could not be saved, so nothing was sent.` };
      }
    }
    return { ok: true, text: document.getText(), origin: 'editor' };
  }
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { ok: true, text: new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), origin: 'file' };
  } catch (error) {
    return { ok: false, cancelled: false, message: `“${fileLabel(uri)}” could not be read: ${(error as Error).message}` };
  }
}

async function askAboutUnsavedChanges(uri: vscode.Uri): Promise<DirtyChoice | undefined> {
  const choice = await vscode.window.showWarningMessage(
    `“${fileLabel(uri)}” has unsaved changes.`,
    {
      modal: true,
      detail: `“${SAVE_AND_CREATE}” saves the file and sends it. “${CREATE_FROM_UNSAVED}” sends what the editor shows and leaves the file unsaved.`,
    },
    SAVE_AND_CREATE,
    CREATE_FROM_UNSAVED,
  );
  return choice === SAVE_AND_CREATE ? 'save' : choice === CREATE_FROM_UNSAVED ? 'unsaved' : undefined;
}

export type Preflight =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; problemCount: number; message: string };

/**
 * Refuses `text` while it has error-level problems. The language server checks the exact text
 * about to be sent (a fresh validation, never its possibly stale diagnostics of the open
 * editor), so this also holds for a file that is not open, and the extension carries no second
 * validation engine.
 */
export async function checkSubmittable(uri: vscode.Uri, text: string): Promise<Preflight> {
  let diagnostics;
  try {
    diagnostics = await validateOnServer(uri, text);
  } catch (error) {
    return { ok: false, problemCount: 0, message: `“${fileLabel(uri)}” could not be checked before sending (${error instanceof Error ? error.message : String(error)}), so nothing was sent.` };
  }
  const errors = diagnostics.filter((d) => d.severity === ERROR_SEVERITY);
  if (errors.length > 0) {
    const first = errors[0];
    return {
      ok: false,
      problemCount: errors.length,
      message: `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} must be fixed first in “${fileLabel(uri)}” (line ${first.range.start.line + 1}: ${first.message}).`,
    };
  }
  // No errors means the text is one JSON object (a syntax error or a non-object root is an error above).
  return { ok: true, body: JSON.parse(text) as Record<string, unknown> };
}
