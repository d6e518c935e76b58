// The size of a JSON value as Create Connection sends it (`JSON.stringify(JSON.parse(text))`, in
// UTF-8 bytes), read from its text in one pass without building it. A stream's discovered
// `jsonSchema` is most of a large file; parsing every one only to measure it (and to check that
// JSON.parse accepts it) cost about a third of opening a 5,000-stream file.
//
// Exact or silent: the answer is -1 when the text is not one value by JSON.parse's grammar, and
// also when it holds something whose compacted form is not computed here (a duplicate key, a key
// with an escape, a lone surrogate, a `\u` escape of a surrogate). The caller then parses it.
import { skipSpace } from './jsonText';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/** Nesting beyond this is left to JSON.parse (the layout scan already bounds an entry's depth). */
const MAX_DEPTH = 256;

// Scratch state of one scan, reused: the scan itself allocates nothing.
const containers = new Uint8Array(MAX_DEPTH); // 1: object, 2: array
const firstKey = new Int32Array(MAX_DEPTH); // where the open object's keys start in the key list
let keyHashes = new Int32Array(1024);
let keyStarts = new Int32Array(1024);
let keyEnds = new Int32Array(1024);
/** Where the last string or number scanned ends, and (for a key) its hash. */
let tokenEnd = 0;
let keyHash = 0;
/** The size of the member key last read, with its colon. */
let memberBytes = 0;
/** The text read is a Latin-1 reading of UTF-8: a character outside ASCII is one byte. */
let oneByteAboveAscii = false;

/** Compacted UTF-8 size of the JSON value that spans exactly [start, end) of `text` (spaces around it allowed), or -1 (see above). */
export function measureCompact(text: string, start: number, end: number): number {
  const measured = measureValue(text, skipSpace(text, start, end), end);
  return measured && skipSpace(text, measured.end, end) === end ? measured.size : -1;
}

export interface MeasuredValue {
  /** Compacted UTF-8 size. */
  size: number;
  /** Just after the value. */
  end: number;
  /** How deeply it nests (a `{` or `[` at its top counts 1). */
  depth: number;
}

/**
 * The JSON value that starts at `start` and ends before `end`, or undefined (see above).
 * `latin1Reading`: the text is UTF-8 read as Latin-1 (core/text/decodedText.ts), so a character
 * outside ASCII is one byte.
 */
export function measureValue(text: string, start: number, end: number, latin1Reading = false): MeasuredValue | undefined {
  oneByteAboveAscii = latin1Reading;
  let size = 0;
  let depth = 0;
  let deepest = 0;
  let keys = 0;
  let i = start;
  for (;;) {
    // A value is expected at i.
    if (i >= end) return undefined;
    const c = text.charCodeAt(i);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === MAX_DEPTH) return undefined;
      const object = c === OPEN_BRACE;
      containers[depth] = object ? 1 : 2;
      firstKey[depth] = keys;
      depth++;
      if (depth > deepest) deepest = depth;
      size++;
      i = skipSpace(text, i + 1, end);
      const close = text.charCodeAt(i);
      if ((object && close === CLOSE_BRACE) || (!object && close === CLOSE_BRACKET)) {
        depth--;
        size++;
        i++;
      } else if (object) {
        i = readMember(text, i, end, depth - 1, keys++);
        if (i < 0) return undefined;
        size += memberBytes;
        continue;
      } else continue;
    } else if (c === QUOTE) {
      const bytes = stringBytes(text, i, end, false);
      if (bytes < 0) return undefined;
      size += bytes;
      i = tokenEnd;
    } else {
      const bytes = c === MINUS || (c >= ZERO && c <= NINE) ? numberBytes(text, i, end) : literalBytes(text, i, end);
      if (bytes < 0) return undefined;
      size += bytes;
      i = tokenEnd;
    }
    // After a value: close containers, or a comma and the next member.
    for (;;) {
      if (depth === 0) return { size, end: i, depth: deepest };
      i = skipSpace(text, i, end);
      const d = text.charCodeAt(i);
      const object = containers[depth - 1] === 1;
      if (d === COMMA) {
        size++;
        i = skipSpace(text, i + 1, end);
        if (object) {
          i = readMember(text, i, end, depth - 1, keys++);
          if (i < 0) return undefined;
          size += memberBytes;
        }
        break;
      }
      if (d !== (object ? CLOSE_BRACE : CLOSE_BRACKET)) return undefined;
      depth--;
      if (object) keys = firstKey[depth]; // the object's keys are no longer compared with
      size++;
      i++;
    }
  }
}

/**
 * The member whose key is at `at` (the `keys`-th key noted) of the object at `depth`: where its
 * value starts, past the colon and spaces, or -1. Sets `memberBytes` (the key and the colon).
 */
function readMember(text: string, at: number, end: number, depth: number, keys: number): number {
  const key = readKey(text, at, end, depth, keys);
  if (key < 0) return -1;
  memberBytes = key + 1;
  const colon = skipSpace(text, tokenEnd, end);
  return text.charCodeAt(colon) === COLON ? skipSpace(text, colon + 1, end) : -1;
}

/**
 * A key at `at` of the object at `depth`: its size, or -1 when it is not a plain string or the
 * object already has it (JSON.parse would keep only the last value). Noted in the key list.
 */
function readKey(text: string, at: number, end: number, depth: number, keys: number): number {
  if (text.charCodeAt(at) !== QUOTE) return -1;
  const bytes = stringBytes(text, at, end, true);
  if (bytes < 0) return -1;
  const length = tokenEnd - at;
  for (let k = firstKey[depth]; k < keys; k++) {
    if (keyHashes[k] === keyHash && keyEnds[k] - keyStarts[k] === length && text.startsWith(text.slice(at, tokenEnd), keyStarts[k])) return -1;
  }
  if (keys === keyHashes.length) growKeyList();
  keyHashes[keys] = keyHash;
  keyStarts[keys] = at;
  keyEnds[keys] = tokenEnd;
  return bytes;
}

function growKeyList(): void {
  const grow = (list: Int32Array) => {
    const larger = new Int32Array(list.length * 2);
    larger.set(list);
    return larger;
  };
  keyHashes = grow(keyHashes);
  keyStarts = grow(keyStarts);
  keyEnds = grow(keyEnds);
}

/**
 * Size of the string at `at` as JSON.stringify writes it, or -1; sets `tokenEnd`. A key (`key`)
 * is hashed, and refused if it has an escape (two spellings could then be one key).
 */
function stringBytes(text: string, at: number, end: number, key: boolean): number {
  let bytes = 2;
  let hash = 0x811c9dc5;
  for (let j = at + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      tokenEnd = j + 1;
      keyHash = hash;
      return bytes;
    }
    if (key) hash = Math.imul(hash ^ c, 0x01000193);
    if (c < 0x80) {
      if (c < 0x20) return -1; // JSON.parse refuses a raw control character
      if (c !== BACKSLASH) {
        bytes++;
        continue;
      }
      if (key) return -1;
      const escaped = escapeBytes(text, j + 1, end);
      if (escaped < 0) return -1;
      bytes += escaped;
      j = tokenEnd - 1;
    } else if (oneByteAboveAscii) bytes++;
    else if (c < 0x800) bytes += 2;
    else if (c < 0xd800 || c > 0xdfff) bytes += 3;
    else if (c <= 0xdbff && j + 1 < end && (text.charCodeAt(j + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      j++;
      if (key) hash = Math.imul(hash ^ text.charCodeAt(j), 0x01000193);
    } else return -1; // a lone surrogate: written as \uXXXX, not measured here
  }
  return -1;
}

/** Size of the escape whose letter is at `at` once written again; sets `tokenEnd` past it. */
function escapeBytes(text: string, at: number, end: number): number {
  tokenEnd = at + 1;
  switch (text.charCodeAt(at)) {
    case QUOTE:
    case BACKSLASH:
    case 0x62: // b
    case 0x66: // f
    case 0x6e: // n
    case 0x72: // r
    case 0x74: // t
      return 2;
    case 0x2f: // `\/` is written `/`
      return 1;
    case 0x75: {
      if (at + 5 > end) return -1;
      let code = 0;
      for (let k = at + 1; k < at + 5; k++) {
        const digit = hexDigit(text.charCodeAt(k));
        if (digit < 0) return -1;
        code = code * 16 + digit;
      }
      tokenEnd = at + 5;
      if (code === QUOTE || code === BACKSLASH) return 2;
      if (code < 0x20) return code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
      if (code < 0x80) return 1;
      if (code < 0x800) return 2;
      if (code >= 0xd800 && code <= 0xdfff) return -1; // may pair with a neighbour: not measured here
      return 3;
    }
    default:
      return -1;
  }
}

function hexDigit(c: number): number {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** Size of the number at `at` as JSON.stringify prints it, or -1 when it breaks the grammar; sets `tokenEnd`. */
function numberBytes(text: string, at: number, end: number): number {
  let j = at;
  if (text.charCodeAt(j) === MINUS) j++;
  const first = text.charCodeAt(j);
  if (!(first >= ZERO && first <= NINE) || j >= end) return -1;
  j++;
  if (first !== ZERO) while (j < end && isDigit(text.charCodeAt(j))) j++;
  const integerEnd = j;
  if (j < end && text.charCodeAt(j) === 0x2e) {
    j++;
    if (!(j < end && isDigit(text.charCodeAt(j)))) return -1;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
  }
  if (j < end && (text.charCodeAt(j) | 0x20) === 0x65) {
    j++;
    if (j < end && (text.charCodeAt(j) === 0x2b || text.charCodeAt(j) === MINUS)) j++;
    if (!(j < end && isDigit(text.charCodeAt(j)))) return -1;
    while (j < end && isDigit(text.charCodeAt(j))) j++;
  }
  tokenEnd = j;
  // A short integer is printed as written; anything else as JavaScript prints the number.
  const negativeZero = text.charCodeAt(at) === MINUS && first === ZERO;
  if (j === integerEnd && integerEnd - at <= 15 && !negativeZero) return j - at;
  return JSON.stringify(Number(text.slice(at, j))).length;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Size of `true`, `false` or `null` at `at`, or -1; sets `tokenEnd`. */
function literalBytes(text: string, at: number, end: number): number {
  for (const literal of LITERALS) {
    if (at + literal.length <= end && text.startsWith(literal, at)) {
      tokenEnd = at + literal.length;
      return literal.length;
    }
  }
  return -1;
}

const LITERALS = ['true', 'false', 'null'];
