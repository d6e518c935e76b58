// Where the stream entries of a connection file are, found by one pass over the characters
// (no syntax tree): `syncCatalog.streams[i]` as offset ranges. A file is a small header plus
// N entries that the schema and almost every rule look at one by one, so an edit inside one
// entry only needs that entry looked at again.
//
// The scan is exact about JSON's token structure (strings end at a quote or a line break, as
// the JSON parser's scanner does), and gives up (`undefined`) on anything unusual: comments,
// an unclosed string, unbalanced brackets, duplicate `syncCatalog`/`streams` keys, something
// other than objects and commas between entries, nesting beyond the analysable depth. Callers
// then treat the file as a whole. Inside an entry it also notes where `stream.jsonSchema` is,
// the bulk of the entry, which validation reads without a syntax tree (entrySkeleton.ts).
import { isJsonSpace as isSpace, skipSpace, stringEnd } from '../json/jsonText';
import { measureValue } from '../json/measureCompact';
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
  /** Where parts of each entry are, found by the same scan. */
  places: EntryPlaces[];
  /** Deepest nesting outside the entries. */
  headerDepth: number;
}

/** Offsets relative to the entry's start; -1 when absent. */
export interface EntryPlaces {
  /**
   * `stream.jsonSchema`: its `{` and just after its `}`; also -1 when a duplicated or escaped
   * `stream` or `jsonSchema` key leaves it unclear which one the parser keeps.
   */
  schemaStart: number;
  schemaEnd: number;
  /**
   * The schema's size as sent (compacted UTF-8), when the scan was asked to measure it and could
   * vouch for it (core/json/measureCompact.ts: then JSON.parse accepts it); else -1.
   */
  schemaBytes: number;
  /** The string values of `stream.name` and `stream.namespace`, quotes included (the last one if repeated). */
  nameStart: number;
  nameEnd: number;
  namespaceStart: number;
  namespaceEnd: number;
}

const QUOTE = 0x22;
const SLASH = 0x2f;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

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

/**
 * How the scan reads each stream's `jsonSchema` object: only its brackets and strings, or
 * checked and measured in passing (`EntryPlaces.schemaBytes`, for validation), from a text of
 * characters or from a Latin-1 reading of UTF-8 bytes (core/text/decodedText.ts).
 */
export type SchemaReading = 'skip' | 'measure' | 'measureLatin1';

/** Scans the whole text. */
export function scanLayout(text: string, schemas: SchemaReading = 'skip'): CatalogLayout | undefined {
  const layout: CatalogLayout = { arrayOpen: -1, arrayClose: -1, streamsKeyOffset: -1, streamsKeyLength: 0, starts: [], ends: [], depths: [], places: [], headerDepth: 0 };
  let depth = 0;
  let maxDepth = 0; // outside the entries
  let lastKeyStart = -1;
  let lastKeyEnd = -1;
  let pendingKey: 'syncCatalog' | 'streams' | undefined; // a `:` after one of these keys was just seen
  let catalogDepth = -1; // depth of the syncCatalog object while inside it
  let seenCatalog = false;
  let seenStreams = false;
  let inArray = false;
  let expectEntry = true; // inside the array: an entry may come (start, or after a comma)
  const strings = new StringScanner(text);
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === QUOTE) {
      const end = strings.end(i);
      if (end < 0) return undefined;
      if (inArray) return undefined; // a string between entries
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
      if (inArray) {
        if (c !== OPEN_BRACE || !expectEntry) return undefined;
        // An entry: only its brackets and strings matter, so they are jumped between.
        const entry = skipEntry(text, i, strings, schemas);
        if (!entry) return undefined;
        layout.starts.push(i);
        layout.ends.push(entry.end);
        layout.depths.push(entry.depth);
        layout.places.push(entry.places);
        expectEntry = false;
        pendingKey = undefined;
        i = entry.end - 1;
        continue;
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
      if (inArray) {
        // the array closes (depth 3 -> 2)
        if (c !== CLOSE_BRACKET || (expectEntry && layout.starts.length > 0)) return undefined;
        inArray = false;
        layout.arrayClose = i;
        depth--;
        continue;
      }
      depth--;
      if (catalogDepth > 0 && depth < catalogDepth) catalogDepth = -1;
      continue;
    }
    if (c === COMMA) {
      pendingKey = undefined;
      if (inArray) {
        if (expectEntry) return undefined; // a leading or doubled comma
        expectEntry = true;
      }
      continue;
    }
    // A number, literal or stray character.
    pendingKey = undefined;
    if (inArray) return undefined;
  }
  if (depth !== 0 || inArray) return undefined;
  layout.headerDepth = maxDepth;
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
 * The layout found in another string of the same structure (core/text/decodedText.ts), with its
 * offsets moved to the text's: `toText` maps an offset of that string that is not inside a
 * character the two write differently.
 */
export function mapLayout(layout: CatalogLayout, toText: (offset: number) => number): CatalogLayout {
  const absolute = (offset: number) => (offset < 0 ? offset : toText(offset));
  const starts = layout.starts.map(toText);
  const places = layout.places.map((p, i): EntryPlaces => {
    const from = layout.starts[i];
    const relative = (offset: number) => (offset < 0 ? offset : toText(from + offset) - starts[i]);
    return {
      schemaStart: relative(p.schemaStart),
      schemaEnd: relative(p.schemaEnd),
      schemaBytes: p.schemaBytes,
      nameStart: relative(p.nameStart),
      nameEnd: relative(p.nameEnd),
      namespaceStart: relative(p.namespaceStart),
      namespaceEnd: relative(p.namespaceEnd),
    };
  });
  const streamsKeyOffset = absolute(layout.streamsKeyOffset);
  return {
    ...layout,
    arrayOpen: absolute(layout.arrayOpen),
    arrayClose: absolute(layout.arrayClose),
    streamsKeyOffset,
    streamsKeyLength: streamsKeyOffset < 0 ? layout.streamsKeyLength : toText(layout.streamsKeyOffset + layout.streamsKeyLength) - streamsKeyOffset,
    starts,
    ends: layout.ends.map(toText),
    places,
  };
}

/**
 * The layout after replacing [start, end) of the old text by `insertedLength` characters
 * (`text` is the new text). An edit strictly inside one entry that leaves it one balanced
 * object rescans only that entry; anything else rescans the file. `changedEntry` names the
 * entry edited in place, else -1.
 */
export function updateLayout(
  layout: CatalogLayout | undefined,
  text: TextSource,
  start: number,
  end: number,
  insertedLength: number,
  schemas: SchemaReading = 'skip',
): { layout: CatalogLayout | undefined; changedEntry: number } {
  if (layout && layout.starts.length > 0) {
    const i = entryAt(layout, start);
    if (i >= 0 && start > layout.starts[i] && end < layout.ends[i]) {
      const delta = insertedLength - (end - start);
      const entry = rescanEntry(text.slice(layout.starts[i], layout.ends[i] + delta), schemas);
      if (entry && entry.depth <= MAX_NESTING_DEPTH) {
        return {
          layout: {
            ...layout,
            arrayClose: layout.arrayClose + delta,
            starts: layout.starts.map((v, k) => (k > i ? v + delta : v)),
            ends: layout.ends.map((v, k) => (k >= i ? v + delta : v)),
            depths: layout.depths.map((v, k) => (k === i ? entry.depth : v)),
            places: layout.places.map((v, k) => (k === i ? entry.places : v)),
          },
          changedEntry: i,
        };
      }
    }
  }
  return { layout: scanLayout(text.getText(), schemas), changedEntry: -1 };
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

/** What `skipEntry` finds in `entry` (which sits at depth 3) if it is one balanced object; undefined otherwise. */
function rescanEntry(entry: string, schemas: SchemaReading): ScannedEntry | undefined {
  if (entry.charCodeAt(0) !== OPEN_BRACE) return undefined;
  const scanned = skipEntry(entry, 0, new StringScanner(entry), schemas);
  return scanned?.end === entry.length ? scanned : undefined;
}

interface ScannedEntry {
  end: number;
  /** Deepest nesting, counted from the file's root (the entry's own `{` is depth 4). */
  depth: number;
  places: EntryPlaces;
}

/** The characters that matter inside an entry: brackets, quotes, and `/` (a comment). */
const ENTRY_STRUCTURE = /[{}[\]"/]/g;

/**
 * The entry whose `{` is at `open`: where it ends, how deep it goes and where its parts are;
 * undefined for a comment, a string that does not close on its line, or an entry that never
 * closes or closes with `]`. Only brackets and strings are looked at, and the keys of the
 * entry and of its `stream`.
 */
function skipEntry(text: string, open: number, strings: StringScanner, schemas: SchemaReading): ScannedEntry | undefined {
  let depth = 3;
  let maxDepth = 3;
  let streamKeys = 0;
  let schemaKeys = 0;
  let unclear = false; // an escaped key at those levels might spell `stream` or `jsonSchema`
  let streamOpen = -1; // where the `{` of the `stream` object is, once its key is seen
  let inStream = false;
  let schemaOpen = -1;
  let inSchema = false;
  let schemaEnd = -1;
  let schemaBytes = -1;
  let nameOpen = -1; // where the string values of `name` and `namespace` start, once their keys are seen
  let namespaceOpen = -1;
  const places: EntryPlaces = { schemaStart: -1, schemaEnd: -1, schemaBytes: -1, nameStart: -1, nameEnd: -1, namespaceStart: -1, namespaceEnd: -1 };
  ENTRY_STRUCTURE.lastIndex = open;
  // `test` moves `lastIndex` past the next match without building a match object.
  while (ENTRY_STRUCTURE.test(text)) {
    const at = ENTRY_STRUCTURE.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c === QUOTE) {
      const end = strings.end(at);
      if (end < 0) return undefined;
      ENTRY_STRUCTURE.lastIndex = end;
      if (depth !== 4 && !(depth === 5 && inStream)) continue;
      if (at === nameOpen) {
        places.nameStart = at - open;
        places.nameEnd = end - open;
      } else if (at === namespaceOpen) {
        places.namespaceStart = at - open;
        places.namespaceEnd = end - open;
      }
      const colon = skipSpace(text, end, text.length);
      if (text.charCodeAt(colon) !== COLON) continue;
      const key = text.slice(at + 1, end - 1);
      if (key.includes('\\')) unclear = true;
      else if (depth === 4 && key === 'stream') {
        streamKeys++;
        streamOpen = skipSpace(text, colon + 1, text.length);
      } else if (depth === 5 && key === 'jsonSchema') {
        schemaKeys++;
        schemaOpen = skipSpace(text, colon + 1, text.length);
      } else if (depth === 5 && key === 'name') {
        nameOpen = skipSpace(text, colon + 1, text.length);
      } else if (depth === 5 && key === 'namespace') {
        namespaceOpen = skipSpace(text, colon + 1, text.length);
      }
    } else if (c === SLASH) {
      return undefined;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 5 && at === schemaOpen && inStream && c === OPEN_BRACE && schemas !== 'skip') {
        // The schema is read through in one pass that checks and measures it (or, failing
        // that, jumped through as any other object below).
        const measured = measureValue(text, at, text.length, schemas === 'measureLatin1');
        if (measured) {
          schemaEnd = measured.end;
          schemaBytes = measured.size;
          maxDepth = Math.max(maxDepth, depth + measured.depth);
          ENTRY_STRUCTURE.lastIndex = measured.end;
          continue;
        }
        schemaBytes = -1;
      }
      if (++depth > maxDepth) maxDepth = depth;
      if (depth === 5 && at === streamOpen) inStream = c === OPEN_BRACE;
      else if (depth === 6 && at === schemaOpen && inStream) inSchema = c === OPEN_BRACE;
    } else {
      if (depth === 6 && inSchema) {
        schemaEnd = at + 1;
        inSchema = false;
      }
      if (depth === 5) inStream = false;
      if (--depth === 3) {
        if (c !== CLOSE_BRACE) return undefined;
        if (!unclear && streamKeys === 1 && schemaKeys === 1 && schemaEnd > schemaOpen) {
          places.schemaStart = schemaOpen - open;
          places.schemaEnd = schemaEnd - open;
          places.schemaBytes = schemaBytes;
        }
        return { end: at + 1, depth: maxDepth, places };
      }
    }
  }
  return undefined;
}
