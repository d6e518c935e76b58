// Completion and hover look at the stream entry under the cursor, not the whole file: the
// entry is parsed as the same tiny document the validator uses, and positions are mapped
// between it and the file. Outside the entries the header is used (the file with its entries
// taken out), between two entries the header with those two kept. Only a file without the
// usual shape is parsed whole.
import type { JSONDocument, LanguageService } from 'vscode-json-languageservice';
import { TextDocument, type Position, type Range } from 'vscode-languageserver-textdocument';
import { entryAt, type CatalogLayout } from '../../core/language/catalogLayout';
import type { OpenDocument } from './openDocuments';

/**
 * The document an entry is viewed in: a complete, valid header around it, so that the JSON
 * service finds the entry's schema from the root and completes and explains it as in the file.
 */
export const ENTRY_PREFIX = '{"sourceId":"00000000-0000-4000-8000-000000000001","destinationId":"00000000-0000-4000-8000-000000000002","status":"active","syncCatalog":{"streams":[';
const ENTRY_SUFFIX = ']}}';

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
  const layout = largeFileLayout(file);
  if (layout) {
    const i = entryAt(layout, offset);
    if (i >= 0) return entryView(service, file, layout, i, offset);
    if (layout.arrayOpen >= 0 && (offset <= layout.arrayOpen || offset > layout.arrayClose)) return headerView(service, file, layout, offset);
    if (layout.arrayOpen >= 0) return gapView(service, file, layout, offset);
  }
  const json = whole();
  return json && { document: file, json, position, toFile: (range) => range };
}

/** The layout of a file large enough to be looked at piece by piece (undefined: parse it whole). */
export function largeFileLayout(file: OpenDocument): CatalogLayout | undefined {
  return file.text.length >= SMALL_FILE ? file.layout() : undefined;
}

/** Entry `i` as the tiny document the validator uses; `offset` (in the file) is the cursor. */
export function entryView(service: LanguageService, file: OpenDocument, layout: CatalogLayout, i: number, offset = layout.starts[i]): DocumentView {
  const start = layout.starts[i];
  const text = ENTRY_PREFIX + file.text.slice(start, layout.ends[i]) + ENTRY_SUFFIX;
  return view(service, file, text, offset - start + ENTRY_PREFIX.length, (t) => t - ENTRY_PREFIX.length + start);
}

/**
 * The file with its entries taken out (an empty streams array). `offset` (in the file) is the
 * cursor: inside the streams array it is placed between the brackets.
 */
export function headerView(service: LanguageService, file: OpenDocument, layout: CatalogLayout, offset = 0): DocumentView {
  const removed = layout.arrayOpen < 0 ? 0 : layout.arrayClose - layout.arrayOpen - 1;
  const text = layout.arrayOpen < 0 ? file.text.getText() : file.text.slice(0, layout.arrayOpen + 1) + file.text.slice(layout.arrayClose, file.text.length);
  return view(service, file, text, headerOffset(layout, offset), (t) => (layout.arrayOpen >= 0 && t > layout.arrayOpen ? t + removed : t));
}

/**
 * Between two entries of the streams array (where a new stream is typed): the header with the
 * entries on either side of the cursor kept, so that completion sees the commas it needs.
 */
function gapView(service: LanguageService, file: OpenDocument, layout: CatalogLayout, offset: number): DocumentView {
  let next = layout.starts.findIndex((start) => start >= offset);
  if (next < 0) next = layout.starts.length;
  const from = next > 0 ? layout.starts[next - 1] : layout.arrayOpen + 1;
  const to = next < layout.starts.length ? layout.ends[next] : layout.arrayClose;
  const open = layout.arrayOpen + 1;
  const text = file.text.slice(0, open) + file.text.slice(from, to) + file.text.slice(layout.arrayClose, file.text.length);
  const toFileOffset = (t: number) => (t < open ? t : t <= open + (to - from) ? from + (t - open) : t - open - (to - from) + layout.arrayClose);
  return view(service, file, text, open + (offset - from), toFileOffset);
}

/** Where a file offset is in the header (inside the streams array: between its brackets). */
export function headerOffset(layout: CatalogLayout, offset: number): number {
  if (layout.arrayOpen < 0 || offset <= layout.arrayOpen) return offset;
  return offset > layout.arrayClose ? offset - (layout.arrayClose - layout.arrayOpen - 1) : layout.arrayOpen + 1;
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
