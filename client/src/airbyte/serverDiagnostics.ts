// Puts what the Airbyte server rejected (an unknown id, an invalid property) at its place in
// the file. These diagnostics describe one submission, so any edit of the file removes them,
// and so does the next submit.
import * as vscode from 'vscode';
import type { AirbyteApiError, ValidationIssue } from '../../../core/api';
import { parseTree, type Node } from 'jsonc-parser';
import { locateJsonPath, type JsonPath } from '../../../core/json/locate';
import { scrub } from './scrubbing';

export const SERVER_DIAGNOSTIC_SOURCE = 'Airbyte server';
/** A server may answer with thousands of errors; past this many, one summary stands for the rest. */
export const MAX_SERVER_DIAGNOSTICS = 100;

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
  if (error.kind !== 'notFound' && error.kind !== 'validation') return [];
  const code = error.status ? `HTTP ${error.status}` : undefined;
  // One parse of the file places every diagnostic.
  const place = placer(text, parseTree(text));
  if (error.kind === 'notFound') {
    return [diagnosticAt(place, error.field ?? [], `${error.message} ${error.hint}`, code)];
  }
  const shown = error.issues.slice(0, MAX_SERVER_DIAGNOSTICS).map((issue) => diagnosticAt(place, issue.path, describeIssue(issue), code));
  const rest = error.issues.length - shown.length;
  if (rest > 0) {
    shown.push(diagnosticAt(place, [], `Airbyte reported ${rest} more ${rest === 1 ? 'problem' : 'problems'} not shown here (the log has the answer).`, code));
  }
  return shown;
}

/** Offsets to positions with a line index built once for the text. */
function placer(text: string, root: Node | undefined) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (offset: number): vscode.Position => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, offset - lineStarts[low]);
  };
  return (path: JsonPath): vscode.Range => {
    const located = locateJsonPath(text, path, 'value', root);
    // The whole document would be an unreadable squiggle: mark its first character instead.
    const offsets = !located || path.length === 0 ? { start: located?.start ?? 0, end: (located?.start ?? 0) + 1 } : located;
    return new vscode.Range(position(offsets.start), position(offsets.end));
  };
}

function describeIssue(issue: ValidationIssue): string {
  const property = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  const value = issue.invalidValue !== undefined ? ` (got “${issue.invalidValue}”)` : '';
  return `Airbyte rejected ${property || 'the connection: '}${issue.message}${value}`;
}

function diagnosticAt(place: (path: JsonPath) => vscode.Range, path: JsonPath, message: string, code: string | undefined): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(place(path), scrub(message), vscode.DiagnosticSeverity.Error);
  diagnostic.source = SERVER_DIAGNOSTIC_SOURCE;
  if (code) diagnostic.code = code;
  return diagnostic;
}
