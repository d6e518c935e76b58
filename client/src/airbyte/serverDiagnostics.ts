// Puts what the Airbyte server rejected (an unknown id, an invalid property) at its place in
// the file. These diagnostics describe one submission, so any edit of the file removes them,
// and so does the next submit.
import * as vscode from 'vscode';
import type { AirbyteApiError, ValidationIssue } from '../../../core/api';
import { locateJsonPath, offsetToPosition, type JsonPath } from '../../../core/json/locate';

export const SERVER_DIAGNOSTIC_SOURCE = 'Airbyte server';

export class ServerDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('airbyte-server');
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && this.collection.has(event.document.uri)) {
        this.collection.delete(event.document.uri);
      }
    });
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  /** Marks `text` (the submitted text of `uri`) for a notFound or validation error; returns the count. */
  report(uri: vscode.Uri, text: string, error: AirbyteApiError): number {
    const diagnostics = toDiagnostics(text, error);
    if (diagnostics.length > 0) this.collection.set(uri, diagnostics);
    return diagnostics.length;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

function toDiagnostics(text: string, error: AirbyteApiError): vscode.Diagnostic[] {
  const code = error.status ? `HTTP ${error.status}` : undefined;
  if (error.kind === 'notFound') {
    return [diagnosticAt(text, error.field ?? [], `${error.message} ${error.hint}`, code)];
  }
  if (error.kind === 'validation') {
    return error.issues.map((issue) => diagnosticAt(text, issue.path, describeIssue(issue), code));
  }
  return [];
}

function describeIssue(issue: ValidationIssue): string {
  const property = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  const value = issue.invalidValue !== undefined ? ` (got “${issue.invalidValue}”)` : '';
  return `Airbyte rejected ${property || 'the connection: '}${issue.message}${value}`;
}

function diagnosticAt(text: string, path: JsonPath, message: string, code: string | undefined): vscode.Diagnostic {
  const located = locateJsonPath(text, path);
  // The whole document would be an unreadable squiggle: mark its first character instead.
  const offsets = !located || path.length === 0 ? { start: located?.start ?? 0, end: (located?.start ?? 0) + 1 } : located;
  const start = offsetToPosition(text, offsets.start);
  const end = offsetToPosition(text, offsets.end);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(start.line, start.character, end.line, end.character),
    message,
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.source = SERVER_DIAGNOSTIC_SOURCE;
  if (code) diagnostic.code = code;
  return diagnostic;
}
