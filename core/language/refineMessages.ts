// The JSON language service now reports only syntax (schema problems come from
// schemaProblems.ts): here its diagnostics get a readable code and say what Airbyte does.
import { ErrorCode, type Diagnostic } from 'vscode-json-languageservice';
import { DIAGNOSTIC_SOURCE } from './diagnosticSource';

/** Readable codes for the Problems panel instead of the service's numbers. */
function codeOf(diagnostic: Diagnostic): string {
  const code = typeof diagnostic.code === 'number' ? diagnostic.code : -1;
  if (code === ErrorCode.CommentNotPermitted) return 'comment';
  if (code === ErrorCode.TrailingComma) return 'trailing-comma';
  if (code >= 0x100 && code < 0x300) return 'json-syntax';
  return 'json';
}

/** The service's syntax diagnostics, refined; duplicate keys are left to schemaProblems. */
export function refineServiceDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code !== ErrorCode.DuplicateKey).map(refineServiceDiagnostic);
}

export function refineServiceDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const code = codeOf(diagnostic);
  const refined: Diagnostic = { ...diagnostic, source: DIAGNOSTIC_SOURCE, code };
  if (code === 'comment' || code === 'trailing-comma' || code === 'json-syntax') {
    refined.message = `${diagnostic.message.replace(/\.?$/, '.')} Airbyte v0.44.3 cannot parse the body and answers 400.`;
  }
  return refined;
}
