// A long JSON string literal decoded a slice at a time: UTF-8 bytes to text with a StringDecoder
// (a character split between slices is kept whole), then each slice's escapes undone by
// JSON.parse, cut so that no escape (`\"`, `\\`, `\u00e9`) is split between slices. The caller
// may yield between slices. For valid UTF-8 the pieces joined are exactly what one JSON.parse of
// the whole literal gives.
import { StringDecoder } from 'node:string_decoder';

const BACKSLASH = 92;
const U = 117;

/** Whether `text[at]` is a backslash that starts an escape (an odd run of backslashes ends there). */
function startsEscape(text: string, at: number): boolean {
  let run = 0;
  for (let i = at; i >= 0 && text.charCodeAt(i) === BACKSLASH; i--) run++;
  return run % 2 === 1;
}

/**
 * The largest cut ≤ text.length that splits no escape sequence, for the content of a JSON string
 * that starts outside any escape. -1 when there is none near the end (the text is not valid JSON).
 */
export function safeCut(text: string): number {
  for (let cut = text.length; cut >= Math.max(0, text.length - 8); cut--) {
    if (cut > 0 && startsEscape(text, cut - 1)) continue;
    let insideUnicodeEscape = false;
    for (let p = Math.max(0, cut - 5); p < cut - 1 && !insideUnicodeEscape; p++) {
      insideUnicodeEscape = text.charCodeAt(p + 1) === U && startsEscape(text, p);
    }
    if (!insideUnicodeEscape) return cut;
  }
  return -1;
}

/**
 * The decoded pieces of the string literal whose content (between its quotes) is
 * `bytes[start, end)`, one per slice of `sliceBytes`. Throws on anything JSON.parse rejects.
 */
export function* jsonStringPieces(bytes: Uint8Array, start: number, end: number, sliceBytes: number): Generator<string, void, void> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for (let at = start; at < end; at += sliceBytes) {
    const last = at + sliceBytes >= end;
    let text = carry + decoder.write(bytes.subarray(at, Math.min(end, at + sliceBytes)));
    if (last) text += decoder.end();
    const cut = last ? text.length : safeCut(text);
    if (cut < 0) throw new SyntaxError('Bad escaped character in JSON string');
    yield JSON.parse(`"${text.slice(0, cut)}"`) as string;
    carry = text.slice(cut);
  }
}
