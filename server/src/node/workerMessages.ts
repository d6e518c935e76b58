// What the server posts to its validation worker: the engine's messages, plus texts handed over
// as shared bytes before the server has decoded them (a large didOpen), so that an `open` can
// name one instead of carrying (and copying) 30 MB.
import type { ValidationMessage } from '../validator';

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
   * resident ahead of the reader, and read its long strings as they arrive (a preload names the body).
   */
  | { kind: 'prepare'; bytes: SharedArrayBuffer; filled: Int32Array; body: number }
  /** Text `id` will not be opened. */
  | { kind: 'release'; id: number };
