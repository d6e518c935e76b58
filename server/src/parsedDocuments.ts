// Parsed syntax trees, one per open document and version: completion and hover on a 30 MB
// catalog parse it once per edit, not once per request.
import type { JSONDocument, LanguageService, TextDocument } from 'vscode-json-languageservice';
import { checkNesting } from '../../core/language/nestingGuard';

interface Entry {
  version: number;
  parsed: JSONDocument | undefined;
}

export class ParsedDocuments {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly service: LanguageService) {}

  /** Undefined for a document too deeply nested to analyse safely. */
  get(document: TextDocument): JSONDocument | undefined {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.parsed;
    const text = document.getText();
    const parsed = checkNesting(text).tooDeep ? undefined : this.service.parseJSONDocument(document);
    this.entries.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
