// Looking up an object's member in JSON text without parsing it: for a stream's `jsonSchema`
// that measureCompact.ts has checked (valid, no duplicate key, no key with an escape), so the
// first key that matches is the one JSON.parse keeps.
import { skipSpace, stringEnd } from './jsonText';

const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Where the value of member `key` of the object whose `{` is at `open` starts, or -1. */
export function memberValue(text: string, open: number, key: string): number {
  if (text.charCodeAt(open) !== OPEN_BRACE) return -1;
  let i = skipSpace(text, open + 1, text.length);
  while (text.charCodeAt(i) === QUOTE) {
    const keyEnd = text.indexOf('"', i + 1); // a checked key has no escape
    const matches = keyEnd - i - 1 === key.length && text.startsWith(key, i + 1);
    const value = skipSpace(text, skipSpace(text, keyEnd + 1, text.length) + 1, text.length); // past the colon
    if (matches) return value;
    i = skipSpace(text, valueEnd(text, value), text.length);
    if (text.charCodeAt(i) !== COMMA) return -1;
    i = skipSpace(text, i + 1, text.length);
  }
  return -1;
}

/** Just after the (checked) value starting at `at`. */
function valueEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === QUOTE) return checkedStringEnd(text, at);
  if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
    let i = at;
    while (i < text.length && !isDelimiter(text.charCodeAt(i))) i++;
    return i;
  }
  let depth = 0;
  STRUCTURE.lastIndex = at;
  while (STRUCTURE.test(text)) {
    const i = STRUCTURE.lastIndex - 1;
    const d = text.charCodeAt(i);
    if (d === QUOTE) STRUCTURE.lastIndex = checkedStringEnd(text, i);
    else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
    else if (--depth === 0) return i + 1;
  }
  return text.length;
}

const STRUCTURE = /[{}[\]"]/g;

/** Just after the string whose opening quote is at `at` (checked text: it closes). */
function checkedStringEnd(text: string, at: number): number {
  const end = stringEnd(text, at);
  return end < 0 ? text.length : end;
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

