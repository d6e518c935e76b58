// The long JSON strings of a large message body, unescaped to UTF-8 bytes while the body is still
// arriving. The worker is idle then; reading a 30 MB didOpen's text afterwards (JSON.parse of the
// literal, a second 30 MB string to make) took about a fifth of opening a 5,000-stream file.
// The reader publishes how many bytes are in (`filled[0]`, with Atomics.notify); this follows.
// The output is shared memory: the server's thread builds its own copy of the text from these
// bytes too (readAhead in workerValidator.ts), instead of unescaping the literal itself.
//
// Exact or silent: a string is offered only if every escape in it was read as JSON.parse reads
// it. A lone surrogate (`\ud800` alone: JSON.parse keeps it, UTF-8 cannot) or anything JSON.parse
// refuses (a bad escape, a raw control character) leaves that string to JSON.parse.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const U = 0x75;

/** What each escape letter stands for (-1: `u`, or not an escape JSON allows). */
const SIMPLE = new Int16Array(256).fill(-1);
SIMPLE[QUOTE] = QUOTE;
SIMPLE[BACKSLASH] = BACKSLASH;
SIMPLE[0x2f] = 0x2f; // `/`
SIMPLE[0x62] = 0x08; // b
SIMPLE[0x66] = 0x0c; // f
SIMPLE[0x6e] = 0x0a; // n
SIMPLE[0x72] = 0x0d; // r
SIMPLE[0x74] = 0x09; // t

/** Bytes read between two turns of the event loop (a few milliseconds). */
const TURN = 1 << 20;

/** A long string of the body read exactly: its content's bytes in the body (between the quotes) and its unescaped bytes in the output. */
export interface ReadString {
  start: number;
  end: number;
  outStart: number;
  outEnd: number;
}

interface StringSpan extends ReadString {
  exact: boolean;
}

export class BodyStrings {
  private readonly input: Uint8Array;
  /** Never longer than the input: an escape is never shorter than what it stands for. */
  private readonly output: Uint8Array;
  /** The output's memory, for the other thread (see readStrings). */
  readonly outputBytes: SharedArrayBuffer;
  private at = 0;
  private out = 0;
  private inString = false;
  private stringStart = 0;
  private outStart = 0;
  private exact = true;
  private readonly spans: StringSpan[] = [];
  private readonly followed: Promise<void>;
  private stopped = false;

  /**
   * Follows `bytes` as the reader fills it; strings shorter than `minLength` bytes are not kept.
   * How far it has read is kept in `read[0]`, for the server's thread.
   */
  constructor(
    bytes: SharedArrayBuffer,
    private readonly filled: Int32Array,
    private readonly minLength = 1 << 20,
    private readonly read?: Int32Array,
  ) {
    this.input = new Uint8Array(bytes);
    this.outputBytes = new SharedArrayBuffer(bytes.byteLength);
    this.output = new Uint8Array(this.outputBytes);
    this.followed = this.follow();
  }

  /** Stops following a body nobody will ask about (one that never completes must not be waited on). */
  stop(): void {
    this.stopped = true;
  }

  /** Settles once the whole body has been read (or following stopped). */
  whenRead(): Promise<void> {
    return this.followed;
  }

  /** The unescaped UTF-8 bytes of the string whose content is [start, end) of the body, once the body is in; undefined if not read exactly. */
  async take(start: number, end: number): Promise<Buffer | undefined> {
    if (!(await this.followed.then(() => true, () => false))) return undefined; // then JSON.parse reads it
    const span = this.spans.find((s) => s.start === start && s.end === end);
    return span?.exact ? Buffer.from(this.output.buffer, span.outStart, span.outEnd - span.outStart) : undefined;
  }

  /** The long strings read exactly, once the whole body has been read; undefined before, or when following stopped first. */
  readStrings(): ReadString[] | undefined {
    if (this.at < this.input.length) return undefined;
    return this.spans.filter((s) => s.exact).map(({ start, end, outStart, outEnd }) => ({ start, end, outStart, outEnd }));
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      const filled = Math.min(Atomics.load(this.filled, 0), this.input.length);
      this.advance(Math.min(filled, this.at + TURN));
      if (this.read) Atomics.store(this.read, 0, this.at);
      if (this.at >= this.input.length) return;
      if (this.at < filled - 16) {
        await new Promise<void>((resolve) => setImmediate(resolve)); // other messages meanwhile
        continue;
      }
      // Until the reader publishes more (the timeout only bounds a missed notification).
      const waiting = waitAsync!(this.filled, 0, filled, 100);
      if (waiting.async) await waiting.value;
    }
  }

  /** Reads the body up to `limit`, stopping before an escape not wholly in. */
  private advance(limit: number): void {
    const input = this.input;
    const output = this.output;
    const complete = limit >= input.length;
    let i = this.at;
    let o = this.out;
    while (i < limit) {
      if (!this.inString) {
        const quote = input.indexOf(QUOTE, i);
        if (quote < 0 || quote >= limit) {
          i = limit;
          break;
        }
        this.inString = true;
        this.stringStart = quote + 1;
        this.outStart = o;
        this.exact = true;
        i = quote + 1;
        continue;
      }
      // Inside a string: copy up to the next quote or backslash.
      let b = input[i];
      while (b !== QUOTE && b !== BACKSLASH && b >= 0x20 && i < limit) {
        output[o++] = b;
        b = input[++i];
      }
      if (i >= limit) break;
      if (b < 0x20) {
        this.exact = false; // JSON.parse refuses a raw control character
        output[o++] = b;
        i++;
        continue;
      }
      if (b === QUOTE) {
        if (i - this.stringStart >= this.minLength) this.spans.push({ start: this.stringStart, end: i, outStart: this.outStart, outEnd: o, exact: this.exact });
        else o = this.outStart; // a short string: its room is reused
        this.inString = false;
        i++;
        continue;
      }
      const simple = i + 1 < limit ? SIMPLE[input[i + 1]] : -1;
      if (simple >= 0) {
        output[o++] = simple;
        i += 2;
        continue;
      }
      const read = this.escape(i, limit, o);
      if (read === 0) {
        if (!complete) break;
        this.exact = false; // cut by the end of the body: not JSON
        i = limit;
      } else {
        i += read;
        o = this.escapeOut;
      }
    }
    this.at = i;
    this.out = o;
  }

  /** Where the output continues after the last escape read. */
  private escapeOut = 0;

  /** Reads the escape at `i` into the output at `o`: how many bytes it took, or 0 when it is not wholly before `limit`. */
  private escape(i: number, limit: number, o: number): number {
    const input = this.input;
    if (i + 1 >= limit) return 0;
    const letter = input[i + 1];
    if (letter !== U) {
      const value = SIMPLE[letter];
      if (value < 0) this.exact = false;
      else this.output[o++] = value;
      this.escapeOut = o;
      return 2;
    }
    if (i + 6 > limit) return 0;
    let code = hex4(input, i + 2);
    let read = 6;
    if (code >= 0xd800 && code <= 0xdbff) {
      // A high surrogate: one character with the low one that must follow.
      if (i + 12 > limit && limit < input.length) return 0;
      const low = i + 12 <= limit && input[i + 6] === BACKSLASH && input[i + 7] === U ? hex4(input, i + 8) : -1;
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        read = 12;
      } else code = -1;
    } else if (code >= 0xdc00 && code <= 0xdfff) code = -1;
    if (code < 0) this.exact = false;
    else o = writeUtf8(this.output, o, code);
    this.escapeOut = o;
    return read;
  }
}

/** `Atomics.waitAsync` (Node 16+; not in this TypeScript target's library). */
const waitAsync = (Atomics as unknown as { waitAsync?(array: Int32Array, index: number, value: number, timeout: number): { async: boolean; value: unknown } }).waitAsync;

/** Whether this runtime can follow a body as it arrives (an older one reads the text once it is in). */
export const canFollowBodies = typeof waitAsync === 'function';

function hex4(bytes: Uint8Array, at: number): number {
  let code = 0;
  for (let k = at; k < at + 4; k++) {
    const c = bytes[k];
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x61 + 10 : -1;
    if (digit < 0) return -1;
    code = code * 16 + digit;
  }
  return code;
}

function writeUtf8(output: Uint8Array, o: number, code: number): number {
  if (code < 0x80) output[o++] = code;
  else if (code < 0x800) {
    output[o++] = 0xc0 | (code >> 6);
    output[o++] = 0x80 | (code & 0x3f);
  } else if (code < 0x10000) {
    output[o++] = 0xe0 | (code >> 12);
    output[o++] = 0x80 | ((code >> 6) & 0x3f);
    output[o++] = 0x80 | (code & 0x3f);
  } else {
    output[o++] = 0xf0 | (code >> 18);
    output[o++] = 0x80 | ((code >> 12) & 0x3f);
    output[o++] = 0x80 | ((code >> 6) & 0x3f);
    output[o++] = 0x80 | (code & 0x3f);
  }
  return o;
}
