// Quick fixes for problems whose remedy is certain: a misspelt property or enum value.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocument } from 'vscode-json-languageservice';
import { liftCatalogStreamsEdit, removePropertyEdit, type TextEdit } from '../../core/json/quickFixEdits';

export function quickFixes(document: TextDocument, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'airbyte' || !diagnostic.data || typeof diagnostic.data !== 'object') continue;
    const data = diagnostic.data as { replaceKeyWith?: string; replaceValueWith?: string; replaceValueWithJson?: unknown; removeProperty?: string; liftCatalogStreams?: boolean };
    const structural = structuralFix(document, diagnostic, data);
    if (structural) {
      actions.push(structural);
      continue;
    }
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

/** Fixes that write a canonical value, remove a property or move a part of the document. */
function structuralFix(
  document: TextDocument,
  diagnostic: Diagnostic,
  data: { replaceValueWithJson?: unknown; removeProperty?: string; liftCatalogStreams?: boolean },
): CodeAction | undefined {
  const at = document.offsetAt(diagnostic.range.start);
  let title: string;
  let edit: TextEdit | undefined;
  if (data.replaceValueWithJson !== undefined) {
    const newText = JSON.stringify(data.replaceValueWithJson);
    title = `Change to ${newText}`;
    edit = { start: at, end: document.offsetAt(diagnostic.range.end), newText };
  } else if (data.removeProperty) {
    title = `Remove "${data.removeProperty}"`;
    edit = removePropertyEdit(document.getText(), at); // the whole text only for these rare header fixes
  } else if (data.liftCatalogStreams) {
    title = 'Use catalog.streams as syncCatalog.streams';
    edit = liftCatalogStreamsEdit(document.getText(), at);
  } else {
    return undefined;
  }
  if (!edit) return undefined;
  const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri]: [{ range, newText: edit.newText }] } } };
}
