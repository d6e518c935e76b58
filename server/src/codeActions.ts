// Quick fixes for problems whose remedy is certain: a misspelt property or enum value.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocument } from 'vscode-json-languageservice';

export function quickFixes(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'airbyte' || !diagnostic.data || typeof diagnostic.data !== 'object') continue;
    const data = diagnostic.data as { replaceKeyWith?: string; replaceValueWith?: string };
    const replacement = data.replaceKeyWith ?? data.replaceValueWith;
    if (!replacement) continue;
    actions.push({
      title: `Change to "${replacement}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: JSON.stringify(replacement) }] } },
    });
  }
  return actions;
}
