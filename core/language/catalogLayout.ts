// Where the stream entries of a connection file are, found by one pass over the characters
// (no syntax tree): `syncCatalog.streams[i]` as offset ranges. A file is a small header plus
// N entries that the schema and almost every rule look at one by one, so an edit inside one
// entry only needs that entry looked at again.
//
// The scan is exact about JSON's token structure (strings end at a quote or a line break, as
// the JSON parser's scanner does), and gives up (`undefined`) on anything unusual: comments,
// an unclosed string, unbalanced brackets, duplicate `syncCatalog`/`streams` keys, something
// other than objects and commas between entries, nesting beyond the analysable depth. Callers
// then treat the file as a whole.
import { MAX_NESTING_DEPTH } from './nestingGuard';

export interface CatalogLayout {
  /** Offset of the streams array's `[` and `]`; -1 when the file has no streams array (all header). */
  arrayOpen: number;
  arrayClose: number;
  /** The `"streams"` key: where "nothing selected" is reported. */
  streamsKeyOffset: number;
  streamsKeyLength: number;
  /** Entry i spans [starts[i], ends[i]) : from its `{` to just after its `}`. */
  starts: number[];
  ends: number[];
  /** Deepest nesting inside each entry, counted from the file's root. */
  depths: number[];
  /** Deepest nesting outside the entries. */
  headerDepth: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const LF = 0x0a;
const CR = 0x0d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === LF || c === CR;
}

/** End (exclusive) of the string starting at the quote at `i`, or -1 when it never closes on its line. */
export function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) j++;
    else if (c === LF || c === CR) return -1;
  }
  return -1;
}

/**
 * The same as `stringEnd`, for scanning a whole file: the native `indexOf` finds the closing
 * quote, and the next backslash and line break are remembered between strings.
 */
class StringScanner {
  private backslash = -1;
  private lineFeed = -1;
  private carriageReturn = -1;

  constructor(private readonly text: string) {}

  end(i: number): number {
    const text = this.text;
    const quote = text.indexOf('"', i + 1);
    if (quote < 0) return -1;
    if (this.backslash <= i && this.backslash !== Infinity) this.backslash = next(text, '\\', i + 1);
    if (this.lineFeed <= i && this.lineFeed !== Infinity) this.lineFeed = next(text, '\n', i + 1);
    if (this.carriageReturn <= i && this.carriageReturn !== Infinity) this.carriageReturn = next(text, '\r', i + 1);
    if (this.backslash < quote) return stringEnd(text, i);
    if (this.lineFeed < quote || this.carriageReturn < quote) return -1;
    return quote + 1;
  }
}

function next(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? Infinity : at;
}

/** Scans the whole text. */
export function scanLayout(text: string): CatalogLayout | undefined {
  const layout: CatalogLayout = { arrayOpen: -1, arrayClose: -1, streamsKeyOffset: -1, streamsKeyLength: 0, starts: [], ends: [], depths: [], headerDepth: 0 };
  let depth = 0;
  let maxDepth = 0; // within the current region (header or entry)
  let lastKeyStart = -1;
  let lastKeyEnd = -1;
  let pendingKey: 'syncCatalog' | 'streams' | undefined; // a `:` after one of these keys was just seen
  let catalogDepth = -1; // depth of the syncCatalog object while inside it
  let seenCatalog = false;
  let seenStreams = false;
  let inArray = false;
  let entryStart = -1;
  let expectEntry = true; // inside the array: an entry may come (start, or after a comma)
  const strings = new StringScanner(text);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === QUOTE) {
      const end = strings.end(i);
      if (end < 0) return undefined;
      if (inArray && entryStart < 0) return undefined; // a string between entries
      lastKeyStart = i;
      lastKeyEnd = end;
      pendingKey = undefined;
      i = end - 1;
      continue;
    }
    if (c === SLASH) return undefined; // a comment: the whole-file path reports it
    if (c === COLON) {
      pendingKey = undefined;
      if (lastKeyEnd < 0) continue;
      const inRoot = depth === 1;
      const inCatalog = catalogDepth === 2 && depth === 2;
      if (inRoot || inCatalog) {
        const key = text.slice(lastKeyStart, lastKeyEnd);
        if (key.includes('\\')) return undefined; // an escaped key might spell either name
        if (inRoot && key === '"syncCatalog"') {
          if (seenCatalog) return undefined;
          seenCatalog = true;
          pendingKey = 'syncCatalog';
        } else if (inCatalog && key === '"streams"') {
          if (seenStreams) return undefined;
          seenStreams = true;
          pendingKey = 'streams';
          layout.streamsKeyOffset = lastKeyStart;
          layout.streamsKeyLength = lastKeyEnd - lastKeyStart;
        }
      }
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (inArray && entryStart < 0) {
        if (c !== OPEN_BRACE || !expectEntry) return undefined;
        entryStart = i;
        layout.headerDepth = Math.max(layout.headerDepth, maxDepth);
        maxDepth = depth;
      }
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      if (pendingKey === 'syncCatalog' && c === OPEN_BRACE) catalogDepth = depth;
      else if (pendingKey === 'streams' && c === OPEN_BRACKET) {
        inArray = true;
        layout.arrayOpen = i;
      }
      pendingKey = undefined;
      continue;
    }
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      pendingKey = undefined;
      if (depth === 0) return undefined;
      if (inArray && entryStart < 0) {
        // the array closes (depth 3 -> 2)
        if (c !== CLOSE_BRACKET || (expectEntry && layout.starts.length > 0)) return undefined;
        inArray = false;
        layout.arrayClose = i;
        depth--;
        continue;
      }
      depth--;
      if (catalogDepth > 0 && depth < catalogDepth) catalogDepth = -1;
      if (inArray && depth === 3) {
        if (c !== CLOSE_BRACE) return undefined;
        layout.starts.push(entryStart);
        layout.ends.push(i + 1);
        layout.depths.push(maxDepth);
        entryStart = -1;
        expectEntry = false;
        maxDepth = depth;
      }
      continue;
    }
    if (c === COMMA) {
      pendingKey = undefined;
      if (inArray && entryStart < 0) {
        if (expectEntry) return undefined; // a leading or doubled comma
        expectEntry = true;
      }
      continue;
    }
    // A number, literal or stray character.
    pendingKey = undefined;
    if (inArray && entryStart < 0) return undefined;
  }
  if (depth !== 0 || inArray || entryStart >= 0) return undefined;
  layout.headerDepth = Math.max(layout.headerDepth, maxDepth);
  if (layout.headerDepth > MAX_NESTING_DEPTH || layout.depths.some((d) => d > MAX_NESTING_DEPTH)) return undefined;
  return layout;
}

/** Read access to a text too large to copy on every edit (a string, or a ChunkedText). */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  getText(): string;
}

/**
 * The layout after replacing [start, end) of the old text by `insertedLength` characters
 * (`text` is the new text). An edit strictly inside one entry that leaves it one balanced
 * object rescans only that entry; anything else rescans the file. `changedEntry` names the
 * entry edited in place, else -1.
 */
export function updateLayout(layout: CatalogLayout | undefined, text: TextSource, start: number, end: number, insertedLength: number): { layout: CatalogLayout | undefined; changedEntry: number } {
  if (layout && layout.starts.length > 0) {
    const i = entryAt(layout, start);
    if (i >= 0 && start > layout.starts[i] && end < layout.ends[i]) {
      const delta = insertedLength - (end - start);
      const entryDepth = rescanEntry(text.slice(layout.starts[i], layout.ends[i] + delta));
      if (entryDepth !== undefined && entryDepth <= MAX_NESTING_DEPTH) {
        return {
          layout: {
            ...layout,
            arrayClose: layout.arrayClose + delta,
            starts: layout.starts.map((v, k) => (k > i ? v + delta : v)),
            ends: layout.ends.map((v, k) => (k >= i ? v + delta : v)),
            depths: layout.depths.map((v, k) => (k === i ? entryDepth : v)),
          },
          changedEntry: i,
        };
      }
    }
  }
  return { layout: scanLayout(text.getText()), changedEntry: -1 };
}

/** Index of the entry whose range contains `offset` (start inclusive, end exclusive), or -1. */
export function entryAt(layout: CatalogLayout, offset: number): number {
  let lo = 0;
  let hi = layout.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < layout.starts[mid]) hi = mid - 1;
    else if (offset >= layout.ends[mid]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Depth reached by `entry` (which sits at depth 3) if it is one balanced object; undefined otherwise. */
function rescanEntry(entry: string): number | undefined {
  const end = entry.length;
  if (entry.charCodeAt(0) !== OPEN_BRACE || entry.charCodeAt(end - 1) !== CLOSE_BRACE) return undefined;
  let depth = 3;
  let maxDepth = 3;
  for (let i = 0; i < end; i++) {
    const c = entry.charCodeAt(i);
    if (c === QUOTE) {
      const stop = stringEnd(entry, i);
      if (stop < 0) return undefined;
      i = stop - 1;
    } else if (c === SLASH) {
      return undefined;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) maxDepth = depth;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 3) return i === end - 1 ? maxDepth : undefined;
    }
  }
  return undefined;
}
