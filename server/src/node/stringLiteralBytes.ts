// A JSON string literal's UTF-8 bytes read as fast as V8 allows. Reading bytes as Latin-1 is
// about twice as fast as UTF-8 and gives a one-byte string, which JSON.parse also reads about
// twice as fast. For ASCII the two readings are the same text. For other valid UTF-8, every
// character in U+0080..U+00FF of the Latin-1 reading is one byte of a multi-byte character:
// after JSON.parse those runs are read again as UTF-8. A catalog is ASCII but for a few names,
// so the text is handed on in pieces, one-byte where it is ASCII, with the Latin-1 reading as
// its structure (core/text/decodedText.ts): no 30 MB two-byte copy is made. Only an escape that
// itself gives such a character (`\u00e9`) makes the readings ambiguous, and a text with many
// such characters gains nothing from pieces: then the bytes are read as UTF-8 in one go.
import { isAscii } from 'node:buffer';
import type { DecodedText } from '../../../core/text/decodedText';

const NON_ASCII_RUN = /[\u0080-\u00ff]+/g;
const LATIN1_ESCAPE = /\\u00[89a-f]/i;
/** About the size of a chunk of the validator's text (core/text/chunkedText.ts). */
const PIECE = 64 * 1024;
/** Beyond this many runs the text is not "ASCII but for a few names": it is read as UTF-8. */
const MAX_RUNS = 4096;
/** A first look at this many bytes tells most texts that are not ASCII but for a few names. */
const PROBE_BYTES = 1 << 20;
const MAX_PROBE_RUNS = 256;

interface Run {
  /** Where the run of UTF-8 bytes is in the Latin-1 reading, and how long it is there. */
  at: number;
  length: number;
  /** The characters it stands for. */
  text: string;
  /** How many characters shorter the text is than the reading up to the end of this run. */
  shorterAfter: number;
}

const whole = (text: string): DecodedText => ({ pieces: [text], structure: text, structureIsLatin1: false, toText: (offset) => offset });

/** The value of the string literal whose bytes (valid UTF-8, quotes included) are `bytes`. */
export function decodeStringLiteral(bytes: Buffer): DecodedText {
  const asUtf8 = () => whole(JSON.parse(bytes.toString('utf8')) as string);
  if (manyRunsAhead(bytes.subarray(0, PROBE_BYTES))) return asUtf8();
  const latin1 = bytes.toString('latin1');
  if (LATIN1_ESCAPE.test(latin1)) return asUtf8();
  return fromReading(JSON.parse(latin1) as string, asUtf8);
}

/** The text whose UTF-8 bytes (already unescaped, see bodyStrings.ts) are `bytes`. */
export function decodeUtf8Text(bytes: Buffer): DecodedText {
  if (isAscii(bytes)) return whole(bytes.toString('latin1')); // no runs to look for
  const asUtf8 = () => whole(bytes.toString('utf8'));
  if (manyRunsAhead(bytes.subarray(0, PROBE_BYTES))) return asUtf8();
  return fromReading(bytes.toString('latin1'), asUtf8);
}

/** The text whose Latin-1 reading of its UTF-8 is `reading`; `asUtf8` when it has too many runs outside ASCII. */
function fromReading(reading: string, asUtf8: () => DecodedText): DecodedText {
  const runs: Run[] = [];
  NON_ASCII_RUN.lastIndex = 0;
  let shorter = 0;
  for (let match = NON_ASCII_RUN.exec(reading); match; match = NON_ASCII_RUN.exec(reading)) {
    if (runs.length === MAX_RUNS) {
      NON_ASCII_RUN.lastIndex = 0;
      return asUtf8();
    }
    const text = Buffer.from(match[0], 'latin1').toString('utf8');
    shorter += match[0].length - text.length;
    runs.push({ at: match.index, length: match[0].length, text, shorterAfter: shorter });
  }
  if (runs.length === 0) return whole(reading);
  return { pieces: piecesOf(reading, runs), structure: reading, structureIsLatin1: true, toText: (offset) => offset - shorterBefore(runs, offset) };
}

/** Whether `probe` has more runs of bytes outside ASCII than a few names would. */
function manyRunsAhead(probe: Buffer): boolean {
  if (isAscii(probe)) return false;
  const runs = probe.toString('latin1').match(NON_ASCII_RUN);
  return runs !== null && runs.length > MAX_PROBE_RUNS;
}

/** How much shorter the text is than the reading before `offset` (not inside a run). */
function shorterBefore(runs: Run[], offset: number): number {
  let low = 0;
  let high = runs.length; // runs[low..high) are the candidates for the last run before offset
  while (low < high) {
    const middle = (low + high) >> 1;
    if (runs[middle].at < offset) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? 0 : runs[low - 1].shorterAfter;
}

/** The text in pieces of about PIECE characters of the reading: its own slices where no run falls. */
function piecesOf(reading: string, runs: Run[]): string[] {
  const pieces: string[] = [];
  let r = 0;
  for (let from = 0; from < reading.length; ) {
    let to = Math.min(reading.length, from + PIECE);
    if (r >= runs.length || runs[r].at >= to) {
      pieces.push(reading.slice(from, to));
      from = to;
      continue;
    }
    let piece = '';
    let at = from;
    for (; r < runs.length && runs[r].at < to; r++) {
      piece += reading.slice(at, runs[r].at) + runs[r].text;
      at = runs[r].at + runs[r].length;
      to = Math.max(to, at); // a run is never cut
    }
    pieces.push(piece + reading.slice(at, to));
    from = to;
  }
  return pieces;
}

/** Whether `bytes` (UTF-8) end inside a multi-byte character: a decoder fed them holds bytes back. */
export function endsInsideCharacter(bytes: Uint8Array): boolean {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back;
  }
  return false;
}
