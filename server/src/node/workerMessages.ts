// What the server posts to its validation worker: the engine's messages, plus texts handed over
// as shared bytes before the server has decoded them (a large didOpen), so that an `open` can
// name one instead of carrying (and copying) 30 MB. And what the worker posts back.
import type { ValidationMessage } from '../validator';
import type { ReadString } from './bodyStrings';

export type WorkerMessage =
  | ValidationMessage
  /**
   * The text of a didOpen of `uri` at `version` (or of a validateText request, at version 0) the
   * server is still decoding: the JSON string literal at bytes [start, end). Decode it now and
   * keep it as text `id`.
   */
  | { kind: 'preload'; id: number; uri: string; version: number; bytes: SharedArrayBuffer; start: number; end: number; body?: number }
  /**
   * Large body number `body` arriving in `bytes` (`filled[0]` of them so far): make its memory
   * resident ahead of the reader, and read its long strings as they arrive, keeping how far in
   * `followed[0]` (a preload names the body).
   */
  | { kind: 'prepare'; bytes: SharedArrayBuffer; filled: Int32Array; followed: Int32Array; body: number }
  /**
   * The server decodes body `body` now (any preload of it is posted before): post where its
   * long strings are unescaped once they are read (after the preload's own copy of the text).
   */
  | { kind: 'strings'; body: number }
  /** Text `id` will not be opened. */
  | { kind: 'release'; id: number };

export type WorkerReply =
  /** Request `id` is being worked on now (the watchdog starts). */
  | { kind: 'started'; id: number }
  | { kind: 'result'; id: number; result?: unknown; error?: string }
  /**
   * Large body `body` has been read as it arrived: these long strings of it (perhaps none) are
   * unescaped, as UTF-8, in `output` (the server's thread makes its own copy of a text from them).
   * The answer to `strings`.
   */
  | { kind: 'bodyRead'; body: number; output?: SharedArrayBuffer; strings: ReadString[] };
