// The server's reader for stream transports (stdio, socket, pipe): vscode-jsonrpc's framing
// (`Content-Length` headers, UTF-8 JSON bodies) with two differences for large bodies:
// - the body's bytes are gathered in a SharedArrayBuffer as they arrive, and once the message's
//   shape is known `onLargeMessage` may hand them to another thread (the validation worker
//   decodes a didOpen's text itself, in parallel, instead of being posted the decoded string);
// - the body is decoded a slice at a time (largeBody.ts), so the thread never stops for long,
//   and later messages about other documents may be handled first (messageOrder.ts); a long
//   string the worker already unescaped as it arrived is made from those bytes instead.
// Small bodies are decoded at once, as vscode-jsonrpc does; errors are reported the same way.
import type { Readable } from 'node:stream';
import { AbstractMessageReader, Disposable, type DataCallback, type Message, type MessageReader } from 'vscode-jsonrpc/node';
import { markPieces } from '../receivedTexts';
import type { BodyReadAhead } from '../validator';
import { decodeLongString, LongStringScanner, parseSkeleton, type LargeBodyOptions, type LongStringSlot } from './largeBody';
import { mayOvertake, orderKeyOf, type OrderKey } from './messageOrder';

/** A large message whose structure is parsed and whose long strings are not decoded yet. */
export interface LargeMessage {
  /** The message as it will be delivered, with placeholders where the long strings go. */
  message: unknown;
  /** The whole body, shared between threads. */
  bytes: SharedArrayBuffer;
  /** Where `holder[key]`'s long string is in `bytes`, when it is one. */
  longStringAt(holder: object, key: string | number): { start: number; end: number } | undefined;
}

export interface SlicedMessageReaderOptions {
  /** Bodies at least this long (bytes) are read into shared memory and decoded in slices. */
  largeBodyBytes?: number;
  /** Bytes scanned or decoded between two yields. */
  sliceBytes?: number;
  /** String literals at least this long (bytes) in a large body are decoded in slices. */
  longStringBytes?: number;
  /**
   * Called once per large message, before its long strings are decoded on this thread. What it
   * returns is called if that message object is not the one delivered after all (the body had to
   * be parsed whole: a copy is delivered, or an error).
   */
  onLargeMessage?(large: LargeMessage): (() => void) | void;
  /**
   * Called when a large body starts to arrive, with the shared memory its bytes go to and a cell
   * (`filled[0]`) the reader keeps at how many are there (node/mapAhead.ts reads it). What it
   * returns may give the body's long strings already unescaped.
   */
  onLargeBody?(bytes: SharedArrayBuffer, filled: Int32Array): BodyReadAhead | void;
}

interface Waiting {
  key: OrderKey;
  ready: boolean;
  message?: unknown;
  error?: Error;
}

type Body = { length: number; filled: number } & ({ chunks: Buffer[] } | { shared: Buffer; scanner: LongStringScanner; progress: Int32Array; readAhead?: BodyReadAhead });

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

function headerError(headers: Map<string, string>): Error | number {
  const contentLength = headers.get('content-length');
  if (!contentLength) return new Error(`Header must provide a Content-Length property.\n${JSON.stringify(Object.fromEntries(headers))}`);
  const length = parseInt(contentLength);
  if (isNaN(length)) return new Error(`Content-Length value must be a number. Got ${contentLength}`);
  return length;
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) throw new Error(`Message header must separate key and value using ':'\n${line}`);
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

export class SlicedMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly largeBodyBytes: number;
  private readonly longStringBytes: number;
  private readonly decodeOptions: LargeBodyOptions;
  private callback: DataCallback | undefined;
  private header: Buffer | undefined;
  private body: Body | undefined;
  /** Messages not handled yet, in arrival order. */
  private readonly waiting: Waiting[] = [];
  /** Large bodies are decoded one after the other. */
  private decoding: Promise<void> = Promise.resolve();

  constructor(
    private readonly readable: Readable,
    private readonly options: SlicedMessageReaderOptions = {},
  ) {
    super();
    // 256 KB: from a few hundred streams on, a request about another file need not wait for the
    // whole body to be parsed and posted at once (about 25 ms at 0.7 MB; 11–24 ms sliced).
    this.largeBodyBytes = options.largeBodyBytes ?? 256 << 10;
    this.longStringBytes = options.longStringBytes ?? 64 << 10;
    // 64 KB: a slice takes a few milliseconds (a request in another file waits for at most one),
    // and its string stays below V8's large-object size, so no slice maps pages of its own.
    this.decodeOptions = { sliceBytes: options.sliceBytes ?? 64 << 10, yieldNow };
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string) => this.onData(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return Disposable.create(() => {
      this.readable.off('data', onData);
      this.readable.off('error', onError);
      this.readable.off('close', onClose);
    });
  }

  private onData(chunk: Buffer): void {
    let data = chunk;
    try {
      while (data.length > 0) {
        if (!this.body) {
          const joined = this.header ? Buffer.concat([this.header, data]) : data;
          const end = joined.indexOf('\r\n\r\n');
          if (end < 0) {
            this.header = Buffer.from(joined); // a copy: `data` may be a view of a large chunk
            return;
          }
          this.header = undefined;
          data = joined.subarray(end + 4);
          const length = headerError(parseHeaders(joined.toString('ascii', 0, end)));
          if (length instanceof Error) {
            this.header = Buffer.from(data); // vscode-jsonrpc reads the next headers from what follows
            this.fireError(length);
            return;
          }
          if (length <= 0) {
            this.decodeSmall(Buffer.alloc(0)); // what vscode-jsonrpc makes of it: a JSON error
            continue;
          }
          if (length >= this.largeBodyBytes) {
            const shared = new SharedArrayBuffer(length);
            const progress = new Int32Array(new SharedArrayBuffer(4));
            let readAhead: BodyReadAhead | undefined;
            try {
              readAhead = this.options.onLargeBody?.(shared, progress) ?? undefined;
            } catch {
              // only a head start for another thread: reading goes on without it
            }
            this.body = { length, filled: 0, shared: Buffer.from(shared), scanner: new LongStringScanner(this.longStringBytes), progress, readAhead };
          } else this.body = { length, filled: 0, chunks: [] };
        }
        const body = this.body;
        const take = Math.min(data.length, body.length - body.filled);
        if ('shared' in body) {
          // From a plain Uint8Array view: V8 copies from a Buffer (a subclass) element by element.
          body.shared.set(new Uint8Array(data.buffer, data.byteOffset, take), body.filled);
          body.scanner.feed(body.shared, body.filled, body.filled + take);
          Atomics.store(body.progress, 0, body.filled + take);
          Atomics.notify(body.progress, 0); // the worker may be waiting for these bytes (bodyStrings.ts)
        } else body.chunks.push(data.subarray(0, take));
        body.filled += take;
        data = data.subarray(take);
        if (body.filled === body.length) {
          this.body = undefined;
          if ('shared' in body) this.decodeLarge(body.shared, body.scanner, body.readAhead);
          else this.decodeSmall(body.chunks.length === 1 ? body.chunks[0] : Buffer.concat(body.chunks));
        }
      }
    } catch (error) {
      this.header = data.length > 0 ? Buffer.from(data) : undefined;
      this.fireError(error);
    }
  }

  private decodeSmall(bytes: Buffer): void {
    try {
      const message: unknown = JSON.parse(bytes.toString('utf8'));
      this.arrived({ key: orderKeyOf(message), ready: true, message });
    } catch (error) {
      this.arrived({ key: {}, ready: true, error: error as Error });
    }
  }

  private decodeLarge(bytes: Buffer, scanner: LongStringScanner, readAhead: BodyReadAhead | undefined): void {
    const entry: Waiting = { key: {}, ready: false };
    this.waiting.push(entry);
    this.decoding = this.decoding.then(async () => {
      const abandoned: Array<() => void> = [];
      try {
        entry.message = await this.decodeInSlices(bytes, bytes.buffer as SharedArrayBuffer, scanner, readAhead, entry, abandoned);
        entry.key = orderKeyOf(entry.message);
      } catch {
        for (const abandon of abandoned) abandon();
        try {
          entry.message = JSON.parse(bytes.toString('utf8')); // vscode-jsonrpc's way, and its errors
          entry.key = orderKeyOf(entry.message);
        } catch (error) {
          entry.error = error as Error;
        }
      } finally {
        readAhead?.dispose();
      }
      entry.ready = true;
      this.deliver();
    });
  }

  /** The body's message, decoded a slice at a time; throws when it must be parsed whole instead. */
  private async decodeInSlices(
    bytes: Buffer,
    shared: SharedArrayBuffer,
    scanner: LongStringScanner,
    readAhead: BodyReadAhead | undefined,
    entry: Waiting,
    abandoned: Array<() => void>,
  ): Promise<unknown> {
    const strings = scanner.result();
    const skeleton = strings && parseSkeleton(bytes, strings);
    if (!skeleton) throw new Error('not decodable in slices');
    // Known before the text is (unless what it is read from is itself a long string): later
    // messages about other documents may go first.
    const placeholders = new Set(skeleton.slots.map((slot) => (Array.isArray(slot.holder) ? slot.holder[slot.key as number] : slot.holder[slot.key as string])));
    const key = orderKeyOf(skeleton.message);
    const method = (skeleton.message as { method?: unknown }).method;
    if (![method, key.document, key.requestId, key.cancels].some((value) => placeholders.has(value))) {
      entry.key = key;
      this.deliver();
    }
    const slotOf = (holder: object, key: string | number): LongStringSlot | undefined => skeleton.slots.find((s) => s.holder === holder && s.key === key);
    const abandon = this.options.onLargeMessage?.({
      message: skeleton.message,
      bytes: shared,
      longStringAt: (holder, key) => {
        const slot = slotOf(holder, key);
        return slot && { start: slot.start, end: slot.end };
      },
    });
    if (abandon) abandoned.push(abandon);
    readAhead?.decoding();
    for (const slot of skeleton.slots) {
      const pieces = await decodeLongString(bytes, slot, this.decodeOptions, readAhead);
      // The string is delivered as a rope of its pieces (nothing copies them until it is read),
      // and the pieces are kept for whoever can use them as they are.
      let text = '';
      for (const piece of pieces) text += piece;
      if (Array.isArray(slot.holder)) slot.holder[slot.key as number] = text;
      else {
        slot.holder[slot.key as string] = text;
        if (slot.key === 'text') markPieces(slot.holder, pieces);
      }
    }
    return skeleton.message;
  }

  private arrived(entry: Waiting): void {
    this.waiting.push(entry);
    this.deliver();
  }

  /** Hands on every decoded message the ordering rule lets go now. */
  private deliver(): void {
    for (let i = 0; i < this.waiting.length; ) {
      const entry = this.waiting[i];
      const ahead = this.waiting.slice(0, i);
      if (!entry.ready || (i > 0 && !mayOvertake(entry.key, ahead.map((a) => a.key)))) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      if (entry.error) this.fireError(entry.error);
      else this.callback?.(entry.message as Message);
    }
  }
}
