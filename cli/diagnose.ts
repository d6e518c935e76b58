// The editor's diagnostics for a file on disk: the same language service and validation the
// language server runs (stream by stream, so a 30 MB catalog is checked in seconds without a
// syntax tree of the whole file), created once per process.
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { DiagnosticSeverity, type LanguageService } from 'vscode-json-languageservice';
import { createConnectionLanguageService } from '../core/language/connectionLanguageService';
import { IncrementalValidation } from '../core/language/incrementalValidation';

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
  const diagnostics = await new IncrementalValidation(service, pathToFileURL(path.resolve(file)).href, 1, text).diagnostics();
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
