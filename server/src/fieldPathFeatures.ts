// LSP glue for field-path completion and hover (the logic is core/catalog/fieldPathAssist).
// Each takes the stream entry under the cursor and the offset, so whoever finds that entry
// (today `streamEntryAt`) can call it.
import type { ASTNode } from 'vscode-json-languageservice';
import { CompletionItemKind, type CompletionList } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fieldPathCompletions, fieldPathHover } from '../../core/catalog/fieldPathAssist';

export function fieldPathCompletionList(document: TextDocument, streamEntry: ASTNode | undefined, offset: number): CompletionList | undefined {
  const completions = streamEntry && fieldPathCompletions(streamEntry, offset);
  if (!completions) return undefined;
  return {
    isIncomplete: false,
    items: completions.map((c) => ({
      label: c.label,
      kind: CompletionItemKind.Field,
      detail: c.detail,
      filterText: c.filterText,
      sortText: c.sortText,
      textEdit: { range: { start: document.positionAt(c.replaceStart), end: document.positionAt(c.replaceEnd) }, newText: c.insertText },
    })),
  };
}

/** Markdown about the field path under `offset` (the server adds the property's documentation). */
export function fieldPathHoverAt(streamEntry: ASTNode | undefined, offset: number): string | undefined {
  return streamEntry && fieldPathHover(streamEntry, offset);
}
