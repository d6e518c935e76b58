// A large JSON-RPC body decoded without blocking the thread for long: its long string literals
// (a didOpen's text) are found by a byte scan, the rest (the message's small skeleton) is parsed
// at once, and each long string is decoded a slice at a time (jsonStringSlices.ts), or made from
// the bytes the validation worker unescaped while the body arrived (bodyStrings.ts). Anything
// unexpected (invalid JSON, a long string used as a key) falls back to one plain JSON.parse of
// the whole body, so the result and the errors are exactly vscode-jsonrpc's.
import { isAscii, isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import type { BodyReadAhead } from '../validator';
import { jsonStringPieces } from './jsonStringSlices';

const QUOTE = 34;
const BACKSLASH = 92;

/** Where a long string literal's content is in the body: bytes [start, end), between its quotes. */
export interface LongString {
  start: number;
  end: number;
}

/** Where a long string sits in the parsed skeleton: `holder[key]`. */
export interface LongStringSlot extends LongString {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
}

export interface LargeBodyOptions {
  /** Bytes decoded between two yields. */
  sliceBytes: number;
  /** Lets other work run; resolves when it is this decode's turn again. */
  yieldNow(): Promise<void>;
}

/**
 * Finds the long string literals of a body fed to it in order, a part at a time as it arrives
 * (each part costs a pass over its bytes, so the whole body is scanned by the time it is read).
 */
export class LongStringScanner {
  private readonly found: LongString[] = [];
  private inString = false;
  private escaped = false;
  private start = 0;

  constructor(private readonly longStringBytes: number) {}

  /**
   * Scans `body[from, to)`, the bytes after those already scanned. Jumps from quote to quote
   * with indexOf (a quote is escaped when an odd run of backslashes precedes it), instead of
   * visiting each of 30 million bytes while the message arrives.
   */
  feed(body: Uint8Array, from: number, to: number): void {
    const view = Buffer.from(body.buffer, body.byteOffset + from, to - from); // indexOf stops at `to`
    // The byte after a backslash that ended the last part is escaped; no run of backslashes is
    // counted back past it (a run reaching back into the last part is even, else it is skipped).
    const floor = this.inString && this.escaped && view.length > 0 ? 1 : 0;
    let i = floor;
    if (view.length > 0) this.escaped = false;
    while (i < view.length) {
      const quote = view.indexOf(QUOTE, i);
      if (quote === -1) break;
      i = quote + 1;
      if (!this.inString) {
        this.inString = true;
        this.start = from + i;
        continue;
      }
      let run = 0;
      while (quote - run - 1 >= floor && view[quote - run - 1] === BACKSLASH) run++;
      if (run % 2 === 1) continue; // an escaped quote
      this.inString = false;
      if (from + quote - this.start >= this.longStringBytes) this.found.push({ start: this.start, end: from + quote });
    }
    if (this.inString && view.length > 0) {
      // Whether the part ends in the middle of an escape: an odd run of backslashes at its end.
      let run = 0;
      while (view.length - run - 1 >= Math.max(i, floor) && view[view.length - run - 1] === BACKSLASH) run++;
      this.escaped = run % 2 === 1;
    }
  }

  /** The long strings, or undefined when the body ended inside a string (not JSON). */
  result(): LongString[] | undefined {
    return this.inString ? undefined : this.found;
  }
}

/**
 * The body parsed with each long string replaced by a unique placeholder, and where each
 * placeholder ended up. Undefined when the skeleton is not the body's shape (then parse it whole).
 */
export function parseSkeleton(body: Buffer, strings: LongString[]): { message: unknown; slots: LongStringSlot[] } | undefined {
  const nonce = randomBytes(9).toString('hex');
  const placeholder = (k: number) => `\u0000${nonce}#${k}`;
  let text = '';
  let from = 0;
  strings.forEach((s, k) => {
    text += body.toString('utf8', from, s.start - 1) + JSON.stringify(placeholder(k));
    from = s.end + 1;
  });
  text += body.toString('utf8', from, body.length);
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  const slots: Array<LongStringSlot | undefined> = [];
  let matches = 0;
  const visit = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof child === 'string' && child.startsWith(`\u0000${nonce}#`)) {
        const k = Number(child.slice(nonce.length + 2));
        matches++;
        if (strings[k] && child === placeholder(k) && !slots[k]) slots[k] = { ...strings[k], holder: value as LongStringSlot['holder'], key };
      } else visit(child);
    }
  };
  visit(message);
  // Each placeholder exactly once, as a value: otherwise the skeleton does not mirror the body.
  if (matches !== strings.length) return undefined;
  const placed: LongStringSlot[] = [];
  for (let k = 0; k < strings.length; k++) {
    const slot = slots[k];
    if (!slot) return undefined;
    placed.push(slot);
  }
  return { message, slots: placed };
}

/**
 * The long string's text in pieces, decoded a slice at a time with a yield between slices; or,
 * as soon as `readAhead` has them, made from the bytes another thread unescaped as the body
 * arrived (what this thread decoded so far is dropped). When they are soon there, it waits.
 */
export async function decodeLongString(body: Uint8Array, s: LongString, options: LargeBodyOptions, readAhead?: BodyReadAhead): Promise<string[]> {
  const pieces: string[] = [];
  const slices = jsonStringPieces(body, s.start, s.end, options.sliceBytes);
  for (;;) {
    const unescaped = readAhead?.stringAt(s.start, s.end);
    if (unescaped instanceof Uint8Array) {
      // Only for valid UTF-8: then both ways give the same text (invalid bytes are left to this decode).
      if (isUtf8(body.subarray(s.start, s.end))) return textOfUtf8(unescaped, options);
      readAhead = undefined;
    } else if (unescaped !== 'pending') readAhead = undefined;
    // Soon known: waiting leaves the cores to the worker, which is making its own copy meanwhile.
    const settled = readAhead?.whenSettled();
    if (settled) {
      await settled;
      continue;
    }
    const next = slices.next();
    if (next.done) return pieces;
    pieces.push(next.value);
    await options.yieldNow();
  }
}

/**
 * Node makes a string of at least this many bytes read as Latin-1 outside V8's heap (an
 * external string): copying the text in never moves it again in a garbage collection.
 */
const UTF8_STEP = 1 << 20;

/** The text whose UTF-8 bytes are `bytes`, in pieces of about a megabyte, with a yield between pieces. */
export async function textOfUtf8(bytes: Uint8Array, options: LargeBodyOptions): Promise<string[]> {
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; ) {
    let to = Math.min(bytes.length, at + UTF8_STEP);
    while (to < bytes.length && (bytes[to] & 0xc0) === 0x80) to--; // never cut a character
    const part = Buffer.from(bytes.buffer, bytes.byteOffset + at, to - at);
    pieces.push(isAscii(part) ? part.toString('latin1') : part.toString('utf8'));
    at = to;
    await options.yieldNow();
  }
  return pieces;
}
