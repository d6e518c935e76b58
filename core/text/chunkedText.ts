// A document's text as a list of chunks, with line and offset arithmetic identical to
// `vscode-languageserver-textdocument`. An edit of a 30 MB file rewrites one chunk: no copy
// of the whole text (V8 copies a string edited by concatenation the first time it is read,
// which costs a few hundred milliseconds at that size) and no walk over every line.
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { utf8Length } from './utf8';

const CHUNK = 64 * 1024;
const CR = 13;
const LF = 10;

function isEOL(c: number): boolean {
  return c === CR || c === LF;
}

/**
 * Offsets (within `text`) where a line starts after a line break. Found with indexOf, which is
 * about twice as fast as visiting every character (lines are short, texts are 30 MB).
 */
function lineBreaks(text: string): number[] {
  const result: number[] = [];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    if (cr === -1 || (lf !== -1 && lf < cr)) {
      result.push(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    } else {
      if (lf === cr + 1) {
        result.push(cr + 2); // CRLF is one break
        lf = text.indexOf('\n', cr + 2);
      } else result.push(cr + 1);
      cr = text.indexOf('\r', cr + 1);
    }
  }
  return result;
}

/** `text` cut into pieces of about CHUNK characters, never between a CR and its LF. */
function split(text: string): string[] {
  if (text.length <= CHUNK * 2) return [text];
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + CHUNK, text.length);
    if (text.length - end < CHUNK / 2) end = text.length;
    if (end < text.length && text.charCodeAt(end - 1) === CR && text.charCodeAt(end) === LF) end++;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

export class ChunkedText {
  private chunks: string[] = [];
  /** Offset of each chunk's first character. */
  private offsets: number[] = [];
  /** Line breaks before each chunk. */
  private lines: number[] = [];
  /** Line starts inside each chunk, computed when first needed. */
  private breaks: Array<number[] | undefined> = [];
  /** UTF-8 size of each chunk, computed when first needed. */
  private bytes: Array<number | undefined> = [];
  private totalLength = 0;
  private totalBreaks = 0;
  /** `lines` is valid before this chunk; line breaks are counted when first needed. */
  private linesValidBefore = 0;

  /**
   * `text` may be given in pieces (a large text decoded a slice at a time): they are cut into
   * chunks as they are, never joined into one 30 MB string.
   */
  constructor(text: string | readonly string[]) {
    if (typeof text === 'string') this.reset(text);
    else this.resetFromPieces(text);
  }

  get length(): number {
    return this.totalLength;
  }

  get lineCount(): number {
    this.countLines();
    return this.totalBreaks + 1;
  }

  /**
   * UTF-8 size of the text; an edit recounts only the chunks it rewrote. (A surrogate pair cut
   * by a chunk boundary counts 3 bytes more than it is: never less than the text's size.)
   */
  utf8Length(): number {
    let total = 0;
    for (let i = 0; i < this.chunks.length; i++) total += this.bytes[i] ??= utf8Length(this.chunks[i]);
    return total;
  }

  getText(): string {
    return this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
  }

  slice(start: number, end: number): string {
    start = Math.max(0, start);
    end = Math.min(this.totalLength, end);
    if (end <= start) return '';
    const a = this.chunkAt(start);
    const b = this.chunkAt(end - 1);
    if (a === b) return this.chunks[a].slice(start - this.offsets[a], end - this.offsets[a]);
    const parts = [this.chunks[a].slice(start - this.offsets[a])];
    for (let i = a + 1; i < b; i++) parts.push(this.chunks[i]);
    parts.push(this.chunks[b].slice(0, end - this.offsets[b]));
    return parts.join('');
  }

  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.totalLength) return NaN;
    const c = this.chunkAt(offset);
    return this.chunks[c].charCodeAt(offset - this.offsets[c]);
  }

  positionAt(offset: number): Position {
    this.countLines();
    offset = Math.max(Math.min(offset, this.totalLength), 0);
    const c = this.chunkAt(offset);
    const local = offset - this.offsets[c];
    const starts = this.breaksOf(c);
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] > local) high = mid;
      else low = mid + 1;
    }
    const line = this.lines[c] + low;
    // The line starts in this chunk unless no line break precedes the offset in it.
    const lineStart = low > 0 ? this.offsets[c] + starts[low - 1] : this.lineOffset(line);
    offset = this.ensureBeforeEOL(offset, lineStart);
    return { line, character: offset - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.totalLength;
    if (position.line < 0) return 0;
    const lineStart = this.lineOffset(position.line);
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < this.lineCount ? this.lineOffset(position.line + 1) : this.totalLength;
    return this.ensureBeforeEOL(Math.min(lineStart + position.character, next), lineStart);
  }

  /** Applies one LSP change; returns the replaced range (old offsets) and the inserted length. */
  applyChange(change: TextDocumentContentChangeEvent): { start: number; end: number; inserted: number } {
    if (!('range' in change)) {
      const end = this.totalLength;
      this.reset(change.text);
      return { start: 0, end, inserted: change.text.length };
    }
    let { start: from, end: to } = change.range;
    if (from.line > to.line || (from.line === to.line && from.character > to.character)) [from, to] = [to, from];
    const start = this.offsetAt(from);
    const end = this.offsetAt(to);
    this.replace(start, end, change.text);
    return { start, end, inserted: change.text.length };
  }

  replace(start: number, end: number, text: string): void {
    let a = this.chunkAt(start);
    let b = Math.max(a, this.chunkAt(Math.max(start, end - 1)));
    let merged = this.chunks.slice(a, b + 1).join('');
    const base = this.offsets[a];
    merged = merged.slice(0, start - base) + text + merged.slice(end - base);
    // Keep every CR LF pair inside one chunk.
    if (a > 0 && merged.charCodeAt(0) === LF && this.chunks[a - 1].charCodeAt(this.chunks[a - 1].length - 1) === CR) merged = this.chunks[--a] + merged;
    if (b + 1 < this.chunks.length && merged.charCodeAt(merged.length - 1) === CR && this.chunks[b + 1].charCodeAt(0) === LF) merged += this.chunks[++b];
    let pieces = merged.length === 0 && this.chunks.length > 1 ? [] : split(merged);
    if (pieces.length === 1 && pieces[0].length < CHUNK / 8 && this.chunks.length > b + 1) {
      // A tiny chunk joins its successor so edits never fragment the text.
      pieces = split(pieces[0] + this.chunks[++b]);
    }
    this.chunks.splice(a, b - a + 1, ...pieces);
    this.breaks.splice(a, b - a + 1, ...pieces.map(() => undefined));
    this.bytes.splice(a, b - a + 1, ...pieces.map(() => undefined));
    this.reindex(a);
  }

  private reset(text: string): void {
    this.chunks = split(text);
    this.breaks = this.chunks.map(() => undefined);
    this.bytes = this.chunks.map(() => undefined);
    this.reindex(0);
  }

  private resetFromPieces(pieces: readonly string[]): void {
    const chunks: string[] = [];
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      const previous = chunks.length - 1;
      if (previous >= 0 && piece.charCodeAt(0) === LF && chunks[previous].charCodeAt(chunks[previous].length - 1) === CR) {
        chunks[previous] += '\n'; // a CR LF pair stays in one chunk
        if (piece.length > 1) chunks.push(...split(piece.slice(1)));
      } else chunks.push(...split(piece));
    }
    this.chunks = chunks.length > 0 ? chunks : [''];
    this.breaks = this.chunks.map(() => undefined);
    this.bytes = this.chunks.map(() => undefined);
    this.reindex(0);
  }

  private reindex(from: number): void {
    const n = this.chunks.length;
    this.offsets.length = n;
    let offset = from > 0 ? this.offsets[from - 1] + this.chunks[from - 1].length : 0;
    for (let i = from; i < n; i++) {
      this.offsets[i] = offset;
      offset += this.chunks[i].length;
    }
    this.totalLength = offset;
    this.linesValidBefore = Math.min(this.linesValidBefore, from);
  }

  /**
   * Counts the line breaks of up to `chunks` more chunks; true when all are counted. Lets a
   * caller spread the first count of a large text over idle moments instead of paying it on
   * the first edit.
   */
  countSomeLines(chunks = 16): boolean {
    const n = this.chunks.length;
    for (let i = 0; i < n && chunks > 0; i++) {
      if (!this.breaks[i]) {
        this.breaksOf(i);
        chunks--;
      }
    }
    if (chunks > 0) this.countLines();
    return chunks > 0;
  }

  private countLines(): void {
    const n = this.chunks.length;
    if (this.linesValidBefore >= n && this.lines.length === n) return;
    const from = Math.min(this.linesValidBefore, n);
    this.lines.length = n;
    let lines = from > 0 ? this.lines[from - 1] + this.breaksOf(from - 1).length : 0;
    for (let i = from; i < n; i++) {
      this.lines[i] = lines;
      lines += this.breaksOf(i).length;
    }
    this.totalBreaks = lines;
    this.linesValidBefore = n;
  }

  private breaksOf(c: number): number[] {
    let result = this.breaks[c];
    if (!result) {
      result = lineBreaks(this.chunks[c]);
      this.breaks[c] = result;
    }
    return result;
  }

  /** The chunk holding `offset` (the last chunk for the end of the text). */
  private chunkAt(offset: number): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.offsets[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Offset where `line` starts (0 <= line < lineCount). */
  lineOffset(line: number): number {
    if (line <= 0) return 0;
    this.countLines();
    // The chunk holding the line break that ends line - 1: the last chunk with fewer breaks before it.
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lines[mid] < line) low = mid;
      else high = mid - 1;
    }
    return this.offsets[low] + this.breaksOf(low)[line - this.lines[low] - 1];
  }

  /** Moves `offset` back before the line break it sits in or after (never before `lineStart`). */
  ensureBeforeEOL(offset: number, lineStart: number): number {
    while (offset > lineStart && isEOL(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}
