// A long JSON string literal decoded a slice at a time: UTF-8 bytes to text with a StringDecoder
// (a character split between slices is kept whole), then each slice's escapes undone by
// JSON.parse, cut so that no escape (`\"`, `\\`, `\u00e9`) is split between slices. The caller
// may yield between slices. For valid UTF-8 the pieces joined are exactly what one JSON.parse of
// the whole literal gives.
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { endsInsideCharacter } from './stringLiteralBytes';

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
 * Decodes a string literal's content given a part at a time, in order (as its bytes arrive).
 * Each part's text is returned as soon as it is whole; throws on anything JSON.parse rejects.
 */
export class JsonStringDecoder {
  private readonly decoder = new StringDecoder('utf8');
  /** The last bytes given to the decoder: whether it holds the start of a cut character. */
  private tail: Uint8Array = new Uint8Array(0);
  private carry = '';

  /** The text of `bytes` up to where an escape or character may still continue. */
  write(bytes: Uint8Array): string {
    // Latin-1 reads ASCII as the same characters, about twice as fast as UTF-8.
    const ascii = !endsInsideCharacter(this.tail) && isAscii(bytes);
    const decoded = ascii ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : this.decoder.write(bytes);
    this.tail = ascii ? new Uint8Array(0) : Buffer.concat([this.tail, bytes.subarray(Math.max(0, bytes.length - 3))]).subarray(-3);
    const text = this.carry + decoded;
    const cut = safeCut(text);
    if (cut < 0) throw new SyntaxError('Bad escaped character in JSON string');
    this.carry = text.slice(cut);
    return JSON.parse(`"${text.slice(0, cut)}"`) as string;
  }

  /** The rest: the literal ends here. */
  end(): string {
    const text = this.carry + this.decoder.end();
    this.carry = '';
    return JSON.parse(`"${text}"`) as string;
  }
}

/**
 * The decoded pieces of the string literal whose content (between its quotes) is
 * `bytes[start, end)`, one per slice of `sliceBytes`. Throws on anything JSON.parse rejects.
 */
export function* jsonStringPieces(bytes: Uint8Array, start: number, end: number, sliceBytes: number): Generator<string, void, void> {
  const decoder = new JsonStringDecoder();
  for (let at = start; at < end; at += sliceBytes) {
    const to = Math.min(end, at + sliceBytes);
    yield to === end ? decoder.write(bytes.subarray(at, to)) + decoder.end() : decoder.write(bytes.subarray(at, to));
  }
}
