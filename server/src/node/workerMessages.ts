// What the server posts to its validation worker: the engine's messages, plus texts handed over
// as shared bytes before the server has decoded them (a large didOpen), so that an `open` can
// name one instead of carrying (and copying) 30 MB.
import type { ValidationMessage } from '../validator';

export type WorkerMessage =
  | ValidationMessage
  /** Decode the JSON string literal at bytes [start, end) now and keep it as text `id`. */
  | { kind: 'preload'; id: number; bytes: SharedArrayBuffer; start: number; end: number }
  /** Text `id` will not be asked for. */
  | { kind: 'release'; id: number }
  /** An open whose text is the preloaded text `preloaded`. */
  | (Omit<Extract<ValidationMessage, { kind: 'open' }>, 'text'> & { preloaded: number });
