// Diagnostics of a connection file kept up to date edit by edit, with work proportional to the
// edit rather than the file. Same answer as `validateConnection` on the same text.
//
// How: the file is a header plus N stream entries (catalogLayout.ts). Each entry is validated
// alone, as a document of its own, against its schema definition and the per-stream rules
// (validateStreamEntry); the header is validated with the entries taken out;
// the cross-stream checks run on a small index of the entries. Results are kept per entry and
// an edit inside one entry validates only that entry again. Anything the entry-by-entry view
// cannot answer exactly (a JSON syntax error, a comment, an unusual shape) is validated as a
// whole, as a fresh open would.
import type { Diagnostic, LanguageService } from 'vscode-json-languageservice';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { ChunkedText } from '../text/chunkedText';
import type { DecodedText } from '../text/decodedText';
import { serverFactsFor, type ServerFacts, type SourceWorkspaces } from '../rules';
import { crossStreamProblems, streamIndexEntry, type Place, type StreamIndexEntry } from '../rules/crossStreamRules';
import { mapLayout, scanLayout, updateLayout, type CatalogLayout, type EntryPlaces } from './catalogLayout';
import { checkNesting } from './nestingGuard';
import { entryOffset, entrySkeleton } from './entrySkeleton';
import { child, giveStandIn } from '../rules/ast';
import { compactSize } from './compactSize';
import { measureCompact } from '../json/measureCompact';
import { MAX_REQUEST_BYTES, tooLargeProblem, utf8Length } from './bodySize';
import { DIAGNOSTIC_SOURCE, finish, toDiagnostic, validateConnection, validateStreamEntry } from './validateConnection';

/** Codes that mean the text is not well-formed JSON: its problems may reach past an entry. */
const SYNTAX_CODES = new Set(['json-syntax', 'comment', 'trailing-comma', 'too-deep', 'empty-file']);

/** A diagnostic with its range as offsets relative to the text it was found in. */
interface PlacedDiagnostic {
  start: number;
  end: number;
  diagnostic: Diagnostic;
}

interface TextResult {
  diagnostics: PlacedDiagnostic[];
  /** A syntax problem: the whole file must be validated at once. */
  broken: boolean;
}

interface EntryResult extends TextResult {
  index: StreamIndexEntry;
  /** Size of the entry as Create Connection sends it (compacted UTF-8), computed when needed. */
  bytes?: number;
}

interface HeaderResult extends TextResult {
  key: string;
  /** The header's text (entries taken out), for its size as sent; absent when it is the whole file. */
  text: string | undefined;
  bytes?: number;
}

export class IncrementalValidation {
  private text: ChunkedText;
  private layout: CatalogLayout | undefined;
  private entries: Array<EntryResult | undefined> = [];
  private header: HeaderResult | undefined;
  /** Whole-file diagnostics of the current version, when the file had to be validated whole. */
  private whole: Diagnostic[] | undefined;
  /** The configured server's sources, when known: the header's rules read the file's source's workspace. */
  private sourceWorkspaces: SourceWorkspaces | undefined;

  constructor(
    private readonly service: LanguageService,
    readonly uri: string,
    public version: number,
    text: string | DecodedText,
  ) {
    if (typeof text === 'string') {
      this.text = new ChunkedText(text);
      this.layout = scanLayout(text, 'measure');
    } else {
      this.text = new ChunkedText(text.pieces);
      const layout = scanLayout(text.structure, text.structureIsLatin1 ? 'measureLatin1' : 'measure');
      this.layout = layout && mapLayout(layout, text.toText);
    }
  }

  getText(): string {
    return this.text.getText();
  }

  /** See ChunkedText.countSomeLines: true once every line is counted. */
  countSomeLines(): boolean {
    return this.text.countSomeLines();
  }

  /** Where the entries of the current text are (undefined: the file is validated whole). */
  get currentLayout(): CatalogLayout | undefined {
    return this.layout;
  }

  /** New server data: only the header (where `sourceId` and `operations` are) is judged again. */
  setSourceWorkspaces(sourceWorkspaces: SourceWorkspaces | undefined): void {
    this.sourceWorkspaces = sourceWorkspaces;
    this.header = undefined;
    this.whole = undefined;
  }

  /** Applies LSP content changes (ranged or whole-text), in order. */
  applyChanges(changes: TextDocumentContentChangeEvent[], version: number): void {
    this.whole = undefined;
    this.version = version;
    for (const change of changes) {
      const { start, end, inserted } = this.text.applyChange(change);
      if (!('range' in change)) {
        this.layout = scanLayout(change.text, 'measure');
        this.entries = [];
        continue;
      }
      const before = this.layout;
      const { layout, changedEntry } = updateLayout(before, this.text, start, end, inserted, 'measure');
      this.layout = layout;
      if (changedEntry >= 0) this.entries[changedEntry] = undefined;
      else this.entries = carryOver(before, layout, this.entries, start, end, inserted);
    }
  }

  async diagnostics(): Promise<Diagnostic[]> {
    if (this.whole) return this.whole;
    const layout = this.layout;
    if (!layout) return this.validateWhole();
    const text = this.text;

    const headerText = layout.arrayOpen < 0 ? text.getText() : text.slice(0, layout.arrayOpen + 1) + text.slice(layout.arrayClose, text.length);
    const key = fingerprint(headerText);
    if (this.header?.key !== key) this.header = { key, text: layout.arrayOpen < 0 ? undefined : headerText, ...(await this.validateText(headerText, 0, headerText.length, layout.arrayOpen < 0)) };
    if (this.header.broken) return this.validateWhole();

    const count = layout.starts.length;
    this.entries.length = count;
    const withBytes = this.needsBodySize(layout);
    for (let i = 0; i < count; i++) {
      let result = this.entries[i];
      if (!result) {
        result = await validateEntryText(this.service, text.slice(layout.starts[i], layout.ends[i]), withBytes, layout.places[i]);
        this.entries[i] = result;
      }
      if (result.broken) return this.validateWhole();
    }
    try {
      return this.assemble(layout);
    } catch {
      return this.validateWhole(); // a piece JSON.parse refuses although the parser took it: judge the file whole
    }
  }

  private async validateWhole(): Promise<Diagnostic[]> {
    const document = TextDocument.create(this.uri, 'airbyte-connection', this.version, this.text.getText());
    // The source's workspace is read from the parsed file; a file too deep to parse safely is left to validateConnection.
    const parsed = this.sourceWorkspaces && !checkNesting(document.getText()).tooDeep ? this.service.parseJSONDocument(document) : undefined;
    this.whole = await validateConnection(this.service, document, parsed, serverFactsFor(parsed?.root, this.sourceWorkspaces));
    return this.whole;
  }

  private assemble(layout: CatalogLayout): Diagnostic[] {
    const document = this.text;
    const out: Diagnostic[] = [];
    const place = (start: number, end: number, diagnostic: Diagnostic) =>
      out.push({ ...diagnostic, range: { start: document.positionAt(start), end: document.positionAt(end) } });
    const tooLarge = this.bodySize(layout);
    if (tooLarge) out.push({ ...tooLarge, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, source: DIAGNOSTIC_SOURCE });
    const removed = layout.arrayOpen < 0 ? 0 : layout.arrayClose - layout.arrayOpen - 1;
    const fromHeader = (offset: number) => (layout.arrayOpen >= 0 && offset > layout.arrayOpen ? offset + removed : offset);
    for (const d of this.header!.diagnostics) place(fromHeader(d.start), fromHeader(d.end), d.diagnostic);

    const index: StreamIndexEntry[] = [];
    for (let i = 0; i < layout.starts.length; i++) {
      const base = layout.starts[i];
      const result = this.entries[i]!;
      for (const d of result.diagnostics) place(base + d.start, base + d.end, d.diagnostic);
      const entry = result.index;
      index.push(entry.nameNode ? { ...entry, nameNode: { offset: base + entry.nameNode.offset, length: entry.nameNode.length } } : entry);
    }
    if (layout.arrayOpen >= 0) {
      const streamsKey: Place = { offset: layout.streamsKeyOffset, length: layout.streamsKeyLength };
      for (const problem of crossStreamProblems(index, streamsKey)) out.push(toDiagnostic(problem, document));
    }
    return finish(out);
  }

  /**
   * The 413 check of the whole body, from the sizes of its parts: compacted, the body is the
   * header with an empty streams array plus each entry and the commas between them.
   */
  private bodySize(layout: CatalogLayout): ReturnType<typeof tooLargeProblem> {
    if (!this.needsBodySize(layout)) return undefined;
    const header = this.header!;
    header.bytes ??= compactBytes(header.text!);
    let sent = header.bytes + Math.max(0, layout.starts.length - 1);
    for (let i = 0; i < layout.starts.length; i++) {
      const entry = this.entries[i]!;
      entry.bytes ??= compactBytes(this.text.slice(layout.starts[i], layout.ends[i]));
      sent += entry.bytes;
    }
    return tooLargeProblem(sent);
  }

  /**
   * Whether the 413 check needs the parts' sizes: a file with a streams array that could exceed
   * the limit. As for a whole file (bodySize.ts), a text whose UTF-8 size fits is never over it;
   * one longer than the limit is not counted (a character is at least one byte).
   */
  private needsBodySize(layout: CatalogLayout): boolean {
    if (layout.arrayOpen < 0 || this.text.length * 3 <= MAX_REQUEST_BYTES) return false;
    return this.text.length > MAX_REQUEST_BYTES || this.text.utf8Length() > MAX_REQUEST_BYTES;
  }

  /** `whole`: the text is the whole file (no streams array), so it judges its own size. */
  private validateText(text: string, from: number, to: number, whole: boolean): Promise<TextResult> {
    const document = TextDocument.create('file:///header.connection.json', 'airbyte-connection', 0, text);
    const parsed = this.sourceWorkspaces ? this.service.parseJSONDocument(document) : undefined;
    return validateDocument(this.service, document, from, to, parsed, whole, serverFactsFor(parsed?.root, this.sourceWorkspaces));
  }
}

/**
 * One stream entry's problems and index entry, found in a document holding only it; a large
 * `jsonSchema` is read from its text instead of being built into the tree (entrySkeleton.ts),
 * where the layout scan found it (`places`, relative to the entry).
 */
export async function validateEntryText(service: LanguageService, entryText: string, withBytes = false, places?: Pick<EntryPlaces, 'schemaStart' | 'schemaEnd' | 'schemaBytes'>): Promise<EntryResult> {
  const skeleton = places && entrySkeleton(entryText, places);
  const entry = TextDocument.create('file:///entry.connection.json', 'airbyte-connection', 0, skeleton?.text ?? entryText);
  const parsed = service.parseJSONDocument(entry);
  const entryNode = parsed.root?.type === 'object' ? parsed.root : undefined;
  const schemaNode = skeleton && child(child(entryNode, 'stream'), 'jsonSchema');
  // Absent only when the rest of the entry is broken: the file is then validated whole.
  if (schemaNode) giveStandIn(schemaNode, skeleton.jsonSchema);
  const toEntry = skeleton ? (offset: number) => entryOffset(skeleton, offset) : (offset: number) => offset;
  const result = placed(await validateStreamEntry(service, entry, parsed), entry, 0, entry.getText().length, toEntry);
  const index: StreamIndexEntry = entryNode ? detach(streamIndexEntry(entryNode), toEntry) : { configured: false, namespace: '', selected: false };
  const validated: EntryResult = { ...result, index };
  if (withBytes && !result.broken) {
    try {
      // As the body is sent: measured in the text the parser read (the schema stands in it as
      // `{}`), else from the tree just built when the text is plain JSON.
      const schemaBytes = skeleton ? skeleton.jsonSchema.bytes() - 2 : 0;
      const text = entry.getText();
      const measured = measureCompact(text, 0, text.length);
      validated.bytes = measured >= 0 ? measured + schemaBytes : isPlainJson(parsed) && entryNode ? compactSize(entryNode) + schemaBytes : compactBytes(entryText);
    } catch {
      // JSON.parse refuses what the parser took: assemble() will judge the file whole
    }
  }
  return validated;
}

/** The parser met no syntax error and no comment (fields the language service's type does not show). */
function isPlainJson(parsed: ReturnType<LanguageService['parseJSONDocument']>): boolean {
  const { syntaxErrors, comments } = parsed as unknown as { syntaxErrors?: unknown[]; comments?: unknown[] };
  return syntaxErrors?.length === 0 && comments?.length === 0;
}

/** Validates `document`, keeping the problems that start in [from, to), relative to `from`. */
async function validateDocument(service: LanguageService, document: TextDocument, from: number, to: number, parsed?: ReturnType<LanguageService['parseJSONDocument']>, whole = false, server?: ServerFacts): Promise<TextResult> {
  const diagnostics = await validateConnection(service, document, parsed, server, { nestingChecked: true, skipBodySize: !whole });
  return placed(diagnostics, document, from, to, (offset) => offset);
}

/**
 * The diagnostics that start in [from, to) of `document`, relative to `from` and then moved by
 * `moved` (an entry validated as its skeleton); `broken` when any says the JSON is malformed.
 */
function placed(diagnostics: Diagnostic[], document: TextDocument, from: number, to: number, moved: (offset: number) => number): TextResult {
  const kept: PlacedDiagnostic[] = [];
  let broken = false;
  for (const diagnostic of diagnostics) {
    if (SYNTAX_CODES.has(String(diagnostic.code))) broken = true;
    const start = document.offsetAt(diagnostic.range.start);
    if (start < from || start >= to) continue;
    const end = Math.min(document.offsetAt(diagnostic.range.end), to);
    kept.push({ start: moved(start - from), end: moved(end - from), diagnostic });
  }
  return { diagnostics: kept, broken };
}

/** Index entry with offsets relative to the entry, holding no reference to the syntax tree. */
function detach(entry: StreamIndexEntry, moved: (offset: number) => number): StreamIndexEntry {
  return {
    configured: entry.configured,
    name: entry.name === undefined ? undefined : copy(entry.name),
    namespace: copy(entry.namespace),
    nameNode: entry.nameNode && { offset: moved(entry.nameNode.offset), length: entry.nameNode.length },
    selected: entry.selected,
  };
}

/** A flat copy: a slice of the entry's text would keep that whole text alive. */
function copy(value: string): string {
  return value.length < 16 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/**
 * Results of entries the edit did not touch, moved to their new index after a rescan. An
 * entry is the same text when it lies wholly before the edit, or wholly after it (shifted).
 */
function carryOver(before: CatalogLayout | undefined, after: CatalogLayout | undefined, results: Array<EntryResult | undefined>, start: number, end: number, inserted: number): Array<EntryResult | undefined> {
  if (!before || !after) return [];
  const delta = inserted - (end - start);
  const byStart = new Map<number, number>();
  for (let i = 0; i < before.starts.length; i++) byStart.set(before.starts[i], i);
  return after.starts.map((newStart, j) => {
    const newEnd = after.ends[j];
    let oldStart: number;
    if (newEnd <= start) oldStart = newStart;
    else if (newStart >= start + inserted) oldStart = newStart - delta;
    else return undefined;
    const i = byStart.get(oldStart);
    if (i === undefined || before.ends[i] !== newEnd - (oldStart === newStart ? 0 : delta)) return undefined;
    return results[i];
  });
}

/** UTF-8 bytes of a JSON text once compacted (valid JSON: the pieces checked had no syntax errors). */
function compactBytes(json: string): number {
  return utf8Length(JSON.stringify(JSON.parse(json)));
}

/** Cheap identity of a text (length and two 32-bit FNV-1a hashes). */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${text.length}:${a >>> 0}:${b >>> 0}`;
}
