// Outline, folding and selection ranges of a large catalog, from its layout: the header is
// parsed with its entries taken out, an entry alone when the cursor is in it, never the whole
// file (a 30 MB file's syntax tree costs seconds and gigabytes). In the outline each stream is
// one symbol named after the stream; in folding each stream entry folds, with the header's own
// ranges around them.
import { SymbolKind, type DocumentSymbol, type FoldingRange, type Position, type Range, type SelectionRange } from 'vscode-languageserver';
import type { LanguageService } from 'vscode-json-languageservice';
import { entryAt, type CatalogLayout } from '../../core/language/catalogLayout';
import { ENTRY_PREFIX, entryView, headerOffset, headerView, type DocumentView } from './entryView';
import type { OpenDocument } from './openDocuments';

export function largeFileSymbols(service: LanguageService, file: OpenDocument, layout: CatalogLayout, resultLimit: number): DocumentSymbol[] {
  const header = headerView(service, file, layout);
  const symbols = service.findDocumentSymbols2(header.document, header.json, { resultLimit }).map((symbol) => inFile(symbol, header));
  const streams = streamsSymbol(symbols, file, layout);
  if (streams) {
    const room = Math.max(0, resultLimit - count(symbols));
    streams.children = layout.starts.slice(0, room).map((start, i) => entrySymbol(file, layout, i));
  }
  return symbols;
}

export function largeFileFoldingRanges(service: LanguageService, file: OpenDocument, layout: CatalogLayout, rangeLimit: number): FoldingRange[] {
  const header = headerView(service, file, layout);
  const folds: FoldingRange[] = service.getFoldingRanges(header.document, { rangeLimit }).map((fold) => {
    const lines = header.toFile({ start: { line: fold.startLine, character: 0 }, end: { line: fold.endLine, character: 0 } });
    return { ...fold, startLine: lines.start.line, endLine: lines.end.line };
  });
  const fold = (open: number, close: number, kind: string) => {
    const startLine = file.positionAt(open).line;
    const endLine = file.positionAt(close).line - 1; // the closing bracket's line stays in view, as the JSON service does
    if (endLine > startLine) folds.push({ startLine, endLine, kind });
  };
  if (layout.arrayOpen >= 0) fold(layout.arrayOpen, layout.arrayClose, 'array');
  for (let i = 0; i < layout.starts.length && folds.length < rangeLimit; i++) fold(layout.starts[i], layout.ends[i] - 1, 'object');
  return folds.sort((a, b) => a.startLine - b.startLine).slice(0, rangeLimit);
}

export function largeFileSelectionRanges(service: LanguageService, file: OpenDocument, layout: CatalogLayout, positions: Position[]): SelectionRange[] {
  let header: DocumentView | undefined;
  const headerAt = (offset: number) => {
    header ??= headerView(service, file, layout);
    const position = header.document.positionAt(headerOffset(layout, offset));
    return chainInFile(service.getSelectionRanges(header.document, [position], header.json)[0], header, () => true);
  };
  return positions.map((position) => {
    const offset = file.offsetAt(position);
    const i = entryAt(layout, offset);
    if (i < 0) return headerAt(offset) ?? { range: { start: position, end: position } };
    const outer = headerAt(layout.arrayOpen + 1);
    const view = entryView(service, file, layout, i, offset);
    const length = layout.ends[i] - layout.starts[i];
    // The tiny document's own wrapping (its streams array, its root) is not part of the file.
    const withinEntry = (range: Range) => view.document.offsetAt(range.start) >= ENTRY_PREFIX.length && view.document.offsetAt(range.end) <= ENTRY_PREFIX.length + length;
    const inner = chainInFile(service.getSelectionRanges(view.document, [view.position], view.json)[0], view, withinEntry);
    if (!inner) return outer ?? { range: { start: position, end: position } };
    let last = inner;
    while (last.parent) last = last.parent;
    last.parent = outer;
    return inner;
  });
}

/** The `streams` array's symbol (under `syncCatalog`), found by where it is in the file. */
function streamsSymbol(symbols: DocumentSymbol[], file: OpenDocument, layout: CatalogLayout): DocumentSymbol | undefined {
  if (layout.arrayOpen < 0) return undefined;
  const key = file.positionAt(layout.streamsKeyOffset);
  const catalog = symbols.find((s) => s.name === 'syncCatalog');
  return catalog?.children?.find((s) => s.kind === SymbolKind.Array && s.selectionRange.start.line === key.line && s.selectionRange.start.character === key.character);
}

/** A stream entry as one symbol: `namespace.name` (or its index when it has no name), its fields not listed. */
function entrySymbol(file: OpenDocument, layout: CatalogLayout, i: number): DocumentSymbol {
  const start = layout.starts[i];
  const places = layout.places[i];
  const name = stringAt(file, start, places.nameStart, places.nameEnd);
  const namespace = stringAt(file, start, places.namespaceStart, places.namespaceEnd);
  const range = { start: file.positionAt(start), end: file.positionAt(layout.ends[i]) };
  const selectionRange = name === undefined ? { start: range.start, end: file.positionAt(start + 1) } : { start: file.positionAt(start + places.nameStart), end: file.positionAt(start + places.nameEnd) };
  const label = name === undefined ? String(i) : namespace ? `${namespace}.${name}` : name;
  return { name: label || `"${label}"`, kind: SymbolKind.Module, range, selectionRange };
}

function stringAt(file: OpenDocument, entryStart: number, start: number, end: number): string | undefined {
  if (start < 0) return undefined;
  const quoted = file.text.slice(entryStart + start, entryStart + end);
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return String(JSON.parse(quoted));
  } catch {
    return undefined; // an escape JSON.parse refuses: the parser reports it
  }
}

function inFile(symbol: DocumentSymbol, view: DocumentView): DocumentSymbol {
  return { ...symbol, range: view.toFile(symbol.range), selectionRange: view.toFile(symbol.selectionRange), children: symbol.children?.map((child) => inFile(child, view)) };
}

function count(symbols: DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
}

/** The selection ranges of `view` that `keep` accepts, innermost first, moved to the file. */
function chainInFile(chain: SelectionRange | undefined, view: DocumentView, keep: (range: Range) => boolean): SelectionRange | undefined {
  const kept: Range[] = [];
  for (let at = chain; at; at = at.parent) if (keep(at.range)) kept.push(view.toFile(at.range));
  let result: SelectionRange | undefined;
  for (let k = kept.length - 1; k >= 0; k--) result = { range: kept[k], parent: result };
  return result;
}
