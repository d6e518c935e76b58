// Completion and hover look at the stream entry under the cursor, not the whole file: the
// entry is parsed as the same tiny document the validator uses, and positions are mapped
// between it and the file. Outside the entries the header is used (the file with its entries
// taken out). Only where neither applies (between entries, an unusual file) is the whole file
// parsed.
import type { JSONDocument, LanguageService } from 'vscode-json-languageservice';
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';
import { entryAt } from '../../core/language/catalogLayout';
import { ENTRY_PREFIX, ENTRY_SUFFIX } from '../../core/language/incrementalValidation';
import type { OpenDocument } from './openDocuments';

/** Files smaller than this are simply parsed whole. */
const SMALL_FILE = 256 * 1024;

export interface DocumentView {
  document: TextDocument;
  json: JSONDocument;
  /** The cursor in the view. */
  position: Position;
  /** A range of the view, in the file. */
  toFile(range: Range): Range;
}

export function viewAt(service: LanguageService, file: OpenDocument, position: Position, whole: () => JSONDocument | undefined): DocumentView | undefined {
  const offset = file.offsetAt(position);
  const layout = file.text.length >= SMALL_FILE ? file.layout() : undefined;
  if (layout) {
    const i = entryAt(layout, offset);
    if (i >= 0) {
      const start = layout.starts[i];
      const text = ENTRY_PREFIX + file.text.slice(start, layout.ends[i]) + ENTRY_SUFFIX;
      return view(service, file, text, offset - start + ENTRY_PREFIX.length, (t) => t - ENTRY_PREFIX.length + start);
    }
    if (layout.arrayOpen >= 0 && (offset <= layout.arrayOpen || offset > layout.arrayClose)) {
      const removed = layout.arrayClose - layout.arrayOpen - 1;
      const text = file.text.slice(0, layout.arrayOpen + 1) + file.text.slice(layout.arrayClose, file.text.length);
      const toHeader = (o: number) => (o > layout.arrayOpen ? o - removed : o);
      return view(service, file, text, toHeader(offset), (t) => (t > layout.arrayOpen ? t + removed : t));
    }
  }
  const json = whole();
  return json && { document: file, json, position, toFile: (range) => range };
}

function view(service: LanguageService, file: OpenDocument, text: string, offset: number, toFileOffset: (offset: number) => number): DocumentView {
  const document = TextDocument.create(file.uri, file.languageId, file.version, text);
  return {
    document,
    json: service.parseJSONDocument(document),
    position: document.positionAt(offset),
    toFile: (range) => ({
      start: file.positionAt(toFileOffset(document.offsetAt(range.start))),
      end: file.positionAt(toFileOffset(document.offsetAt(range.end))),
    }),
  };
}
