// A stream entry with its `jsonSchema` value blanked out, for validating large catalogs.
//
// The discovered JSON schema is most of an entry's text, yet nothing is ever reported inside it:
// the connection schema takes it as a free-form object and the rules only read its property
// names. Building a syntax tree of it is most of the cost of opening a large file. So, when the
// entry is plain JSON, its `jsonSchema` object is replaced by `{}` and its value is kept as
// parsed by `JSON.parse`; the syntax tree is built for the rest only, rules read the schema
// through `nodeValue`, and offsets found in the skeleton are moved back to the entry's.
import { isPlainObject } from '../json/plainObject';
import { stringEnd } from './catalogLayout';

export interface EntrySkeleton {
  /** The entry's text with the `jsonSchema` object replaced by `{}`. */
  text: string;
  /** Where that `{}` is, and how many characters it stands for beyond its own two. */
  at: number;
  removed: number;
  /** The whole entry as `JSON.parse` reads it. */
  value: Record<string, unknown>;
  /** `stream.jsonSchema`, as parsed. */
  jsonSchema: Record<string, unknown>;
}

/** Below this size the tree of a `jsonSchema` costs less than looking for it. */
const WORTH_IT = 512;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;

/**
 * The skeleton of `entryText`, or undefined when the entry must be validated as it is: not
 * plain JSON (the parser reports what is wrong), no object `stream.jsonSchema`, a small one,
 * or a duplicated or escaped `stream`/`jsonSchema` key (the tree must pick the same one).
 */
export function entrySkeleton(entryText: string): EntrySkeleton | undefined {
  if (entryText.length < WORTH_IT) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(entryText);
  } catch {
    return undefined;
  }
  const stream = isPlainObject(value) ? value.stream : undefined;
  const jsonSchema = isPlainObject(stream) ? stream.jsonSchema : undefined;
  if (!isPlainObject(jsonSchema)) return undefined;
  const range = jsonSchemaRange(entryText);
  if (!range || range.end - range.start < WORTH_IT) return undefined;
  const text = entryText.slice(0, range.start) + '{}' + entryText.slice(range.end);
  return { text, at: range.start, removed: range.end - range.start - 2, value: value as Record<string, unknown>, jsonSchema };
}

/** The entry's offset of an offset in the skeleton (the end of the `{}` is the end of the schema). */
export function entryOffset(skeleton: Pick<EntrySkeleton, 'at' | 'removed'>, offset: number): number {
  return offset >= skeleton.at + 2 ? offset + skeleton.removed : offset;
}

/**
 * Where the object value of `stream.jsonSchema` is in a valid JSON entry, found in one pass;
 * undefined when `stream` or `jsonSchema` appears twice, or is spelled with an escape.
 */
function jsonSchemaRange(text: string): { start: number; end: number } | undefined {
  let depth = 0;
  let key: string | undefined; // the key whose value comes next, at depth 1 or 2
  let inStream = false; // inside the `stream` object (depth 2)
  let streams = 0;
  let range: { start: number; end: number } | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (depth <= 2 && nextNonSpace(text, end) === COLON) {
        key = text.slice(i, end);
        if (key.includes('\\')) return undefined; // an escape might spell `stream` or `jsonSchema`
      }
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 2 && key !== undefined && keyIs(key, 'stream')) {
        if (++streams > 1 || c !== OPEN_BRACE) return undefined;
        inStream = true;
      } else if (depth === 3 && inStream && key !== undefined && keyIs(key, 'jsonSchema')) {
        if (range || c !== OPEN_BRACE) return undefined;
        const end = closingBracket(text, i);
        range = { start: i, end };
        i = end - 1;
        depth--;
      }
      key = undefined;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 1) inStream = false;
      key = undefined;
    } else if (c !== COLON && c > 0x20) {
      key = undefined; // a number, literal or comma: the key's value is not an object
    }
  }
  if (streams === 0) return undefined;
  return range;
}

/** True when the quoted key `raw` is exactly `name`. */
function keyIs(raw: string, name: string): boolean {
  return raw.length === name.length + 2 && raw.slice(1, -1) === name;
}

function nextNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
  }
  return -1;
}

/** Brackets and quotes: the only characters that matter when skipping a valid JSON value. */
const STRUCTURE = /[{}[\]"]/g;

/** End (exclusive) of the object or array opening at `open`, in valid JSON. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  STRUCTURE.lastIndex = open;
  // `test` moves `lastIndex` past the next match without building a match object.
  while (STRUCTURE.test(text)) {
    const at = STRUCTURE.lastIndex - 1;
    const c = text.charCodeAt(at);
    if (c === QUOTE) STRUCTURE.lastIndex = closingQuote(text, at) + 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (--depth === 0) return at + 1;
  }
  return text.length;
}

/** The quote that ends the string opening at `open` (one not escaped by an odd run of backslashes). */
function closingQuote(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote > 0) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}
