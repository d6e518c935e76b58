// The open documents, kept as chunked text so that an edit of a 30 MB catalog costs as much as
// the edit, not the file. Each document is also a `TextDocument` for the JSON language service.
// A reopened document gets a new session, so results computed for an earlier opening of the
// same version are never taken for this one.
import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { updateLayout, scanLayout, type CatalogLayout } from '../../core/language/catalogLayout';
import { ChunkedText } from '../../core/text/chunkedText';
import { takeReceivedText } from './receivedTexts';
import type { PreloadedText } from './validator';

export class OpenDocument implements TextDocument {
  readonly text: ChunkedText;
  /** Where the stream entries are; undefined until asked for, or after an edit that moved them. */
  private layoutCache: { layout: CatalogLayout | undefined } | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    /** In pieces when it arrived so (see receivedTexts.ts). */
    text: string | readonly string[],
    readonly session: number,
  ) {
    this.text = new ChunkedText(text);
  }

  get lineCount(): number {
    return this.text.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text.getText();
  }

  positionAt(offset: number): Position {
    return this.text.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.text.offsetAt(position);
  }

  getLineRange(line: number): Range {
    const count = this.text.lineCount;
    if (line >= count) {
      const last = count - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - this.text.lineOffset(last) } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.text.lineOffset(line);
    const next = line + 1 < count ? this.text.lineOffset(line + 1) : this.text.length;
    return { start: { line, character: 0 }, end: { line, character: this.text.ensureBeforeEOL(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const count = this.text.lineCount;
    if (line >= count || line < 0) return '';
    const start = this.text.lineOffset(line);
    const next = line + 1 < count ? this.text.lineOffset(line + 1) : this.text.length;
    return this.text.slice(this.text.ensureBeforeEOL(next, start), next);
  }

  /** The validator's layout of this very version, so the main thread need not scan the file. */
  adoptLayout(layout: CatalogLayout | undefined): void {
    this.layoutCache = { layout };
  }

  /** The layout of the current text (scanned on first use after a structural edit). */
  layout(): CatalogLayout | undefined {
    this.layoutCache ??= { layout: scanLayout(this.text.getText()) };
    return this.layoutCache.layout;
  }

  apply(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      const { start, end, inserted } = this.text.applyChange(change);
      if (!this.layoutCache || !('range' in change)) {
        this.layoutCache = undefined;
        continue;
      }
      const updated = updateLayout(this.layoutCache.layout, this.text, start, end, inserted);
      // Only an edit inside one entry is cheap to follow; anything else is rescanned when needed.
      this.layoutCache = updated.changedEntry >= 0 ? { layout: updated.layout } : undefined;
    }
    this.version = version;
  }
}

/** A large text's lines are counted a slice at a time between other work, not on the first edit. */
export function countLinesWhenIdle(text: ChunkedText): void {
  const step = () => {
    if (!text.countSomeLines()) setImmediate(step);
  };
  setImmediate(step);
}

export interface OpenDocumentsEvents {
  /**
   * `text`: the text as opened (the document keeps it in chunks). `preloaded`: the transport
   * already handed that text to the validator.
   */
  onOpen(document: OpenDocument, text: string, preloaded: PreloadedText | undefined): void;
  onChange(document: OpenDocument, changes: TextDocumentContentChangeEvent[]): void;
  onClose(document: OpenDocument): void;
}

export class OpenDocuments {
  private readonly documents = new Map<string, OpenDocument>();
  private sessions = 0;

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  listen(connection: Connection, events: OpenDocumentsEvents): void {
    connection.onDidOpenTextDocument(({ textDocument }) => {
      const { uri, languageId, version, text } = textDocument;
      const received = takeReceivedText(textDocument);
      const document = new OpenDocument(uri, languageId, version, received.pieces ?? text, ++this.sessions);
      this.documents.set(uri, document);
      events.onOpen(document, text, received.preloaded);
      countLinesWhenIdle(document.text);
    });
    connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
      const document = this.documents.get(uri);
      if (!document || contentChanges.length === 0) return;
      document.apply(contentChanges, version);
      events.onChange(document, contentChanges);
    });
    connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
      const document = this.documents.get(uri);
      if (!document) return;
      this.documents.delete(uri);
      events.onClose(document);
    });
  }
}
