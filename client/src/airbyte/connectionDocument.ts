// Which text "Create Connection" sends, and whether it may be sent at all.
//
// The text sent is what the user sees: the open editor's text when the file is open (after
// asking, when it has unsaved changes, whether to save first or send the unsaved text), else
// the file on disk. It is sent only when it parses as strict JSON (Airbyte's reader rejects
// comments and trailing commas) and has no error-level problems in the Problems view.
import * as vscode from 'vscode';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { offsetToPosition } from '../../../core/json/locate';
import { SERVER_DIAGNOSTIC_SOURCE } from './serverDiagnostics';

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
 * Parses `text` and refuses it while it has syntax errors or error-level diagnostics (those
 * from an earlier submission excepted: they describe the server's last answer, not the file).
 */
export function checkSubmittable(uri: vscode.Uri, text: string): Preflight {
  const syntaxErrors: ParseError[] = [];
  const body: unknown = parse(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  const errorDiagnostics = vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && d.source !== SERVER_DIAGNOSTIC_SOURCE);

  // The language server reports syntax errors too; count each problem once.
  const problemCount = Math.max(syntaxErrors.length, errorDiagnostics.length);
  if (problemCount > 0) {
    const first = syntaxErrors[0]
      ? `line ${offsetToPosition(text, syntaxErrors[0].offset).line + 1}: ${describeSyntaxError(syntaxErrors[0])}`
      : `line ${errorDiagnostics[0].range.start.line + 1}: ${errorDiagnostics[0].message}`;
    return {
      ok: false,
      problemCount,
      message: `${problemCount} ${problemCount === 1 ? 'problem' : 'problems'} must be fixed first in “${fileLabel(uri)}” (${first}).`,
    };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return {
      ok: false,
      problemCount: 1,
      message: `1 problem must be fixed first: “${fileLabel(uri)}” must contain a JSON object (a WebBackendConnectionCreate body).`,
    };
  }
  return { ok: true, body: body as Record<string, unknown> };
}

function describeSyntaxError(error: ParseError): string {
  // `InvalidSymbol` -> `invalid symbol`
  return printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
