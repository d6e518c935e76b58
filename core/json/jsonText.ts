// Small readings of JSON text shared by the scans that walk it without a syntax tree
// (core/language/catalogLayout.ts, measureCompact.ts, memberValue.ts).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

/** JSON whitespace: space, tab, line feed, carriage return. */
export function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === LF || c === CR;
}

/** The first offset at or after `from` (and before `end`) that is not JSON whitespace. */
export function skipSpace(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== LF && c !== CR && c !== 0x09) return i;
  }
  return end;
}

/**
 * End (exclusive) of the string whose opening quote is at `i`, or -1 when it never closes on its
 * line (the JSON parser's scanner ends a string at a line break too).
 */
export function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) j++;
    else if (c === LF || c === CR) return -1;
  }
  return -1;
}
