// The editor's diagnostics for a file on disk: the same language service and validateConnection
// the language server runs, created once per process.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, type LanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnectionLanguageService } from '../core/language/connectionLanguageService';
import { validateConnection } from '../core/language/validateConnection';

export interface FileDiagnostic {
  file: string;
  /** 1-based, like editors and compilers print them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code?: string;
  message: string;
}

let service: LanguageService | undefined;

export async function diagnoseFile(file: string, text: string): Promise<FileDiagnostic[]> {
  service ??= createConnectionLanguageService();
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'airbyte-connection', 1, text);
  const diagnostics = await validateConnection(service, document);
  return diagnostics.map((d) => ({
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: severityName(d.severity),
    code: d.code === undefined ? undefined : String(d.code),
    message: d.message,
  }));
}

function severityName(severity: DiagnosticSeverity | undefined): FileDiagnostic['severity'] {
  switch (severity) {
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'error';
  }
}

export function formatDiagnosticText(d: FileDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${d.code ? ` [${d.code}]` : ''}`;
}
