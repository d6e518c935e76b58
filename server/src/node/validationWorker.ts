// Worker thread entry: keeps the open documents' validation state and answers the server's
// requests in order. Says when it starts each request, so the server's watchdog times the
// validation itself, not the queue before it. A large body's long strings are read while it
// arrives (bodyStrings.ts; the server's thread is told where they are, to make its own copy of a
// text from them), and a preloaded text is validated as soon as the body is in.
import { parentPort } from 'node:worker_threads';
import { ValidationEngine } from '../validationEngine';
import { BodyStrings, canFollowBodies } from './bodyStrings';
import { mapAhead } from './mapAhead';
import { decodeStringLiteral, decodeUtf8Text } from './stringLiteralBytes';
import type { DecodedText } from '../../../core/text/decodedText';
import type { ValidationMessage } from '../validator';
import type { WorkerMessage, WorkerReply } from './workerMessages';

// The server may speak LSP on stdout, which a worker shares: anything logged goes to stderr.
console.log = console.info = console.debug = console.error;

const engine = new ValidationEngine();

interface Following {
  body: number;
  strings: BodyStrings;
  /** A preload takes its text: the server hears of the strings once that text is made. */
  taken?: boolean;
  /** The server has been told where the strings are. */
  announced?: boolean;
}

/** The last large body followed, until another starts or soon after it is in: a preload takes its text, the server asks where its strings are. */
let latest: Following | undefined;
/** How long a body's strings are kept once it is in, for the preload and the question the server posts right after. */
const KEEP_MS = 2000;

function follow(body: number, bytes: SharedArrayBuffer, filled: Int32Array, followed: Int32Array): void {
  if (latest && !latest.taken) latest.strings.stop(); // a taken body's preload still waits for it
  latest = undefined;
  if (!canFollowBodies) return;
  const current: Following = { body, strings: new BodyStrings(bytes, filled, 64 * 1024, followed) };
  latest = current;
  void current.strings.whenRead().then(() => setTimeout(() => latest === current && (latest = undefined), KEEP_MS).unref());
}

/** The server decodes body `body` now (after posting any preload of it): where are its strings? */
function tellStrings(body: number): void {
  const current = latest?.body === body ? latest : undefined;
  if (!current) parentPort?.postMessage({ kind: 'bodyRead', body, strings: [] } satisfies WorkerReply);
  else if (!current.taken && !current.announced) void current.strings.whenRead().then(() => announce(current));
  // else told already, or the preload that took it tells once its own copy of the text is made
}

/**
 * Tells the server's thread where the body's strings are unescaped (it makes its own copy of a
 * text from them). After this thread made its own text, when a preload takes one: both copies
 * are fresh memory, and on this machine two threads touching it at once slow each other down.
 */
function announce(current: Following): void {
  const { body, strings } = current;
  if (current.announced) return;
  current.announced = true;
  parentPort?.postMessage({ kind: 'bodyRead', body, output: strings.outputBytes, strings: strings.readStrings() ?? [] } satisfies WorkerReply);
}

/** The preloaded text: from the strings read as the body arrived, else decoded now in one go. */
function preloadedText(message: Extract<WorkerMessage, { kind: 'preload' }>): DecodedText | Promise<DecodedText> {
  // In one go, the fastest way once the body is in; the server checked the bytes are valid
  // UTF-8, so its own decode a slice at a time gives exactly this text.
  const decodeNow = () => decodeStringLiteral(Buffer.from(message.bytes, message.start - 1, message.end - message.start + 2));
  const current = latest && !latest.taken && message.body !== undefined && latest.body === message.body ? latest : undefined;
  if (!current) return decodeNow();
  current.taken = true;
  return current.strings.take(message.start, message.end).then((bytes) => {
    try {
      return bytes ? decodeUtf8Text(bytes) : decodeNow();
    } finally {
      announce(current);
    }
  });
}

/** The engine's message, after doing what is not one (texts handed over early). */
function asEngineMessage(message: WorkerMessage): ValidationMessage | undefined {
  switch (message.kind) {
    case 'preload': {
      let text: DecodedText | Promise<DecodedText>;
      try {
        text = preloadedText(message);
      } catch {
        return undefined; // not a JSON string after all: the server fails on it too and never opens it
      }
      // Timed by the server's watchdog like a request (negative ids answer nothing).
      const id = -message.id;
      void engine.preload(message.id, message.uri, message.version, text, () => parentPort?.postMessage({ kind: 'started', id })).then(() => parentPort?.postMessage({ kind: 'result', id }));
      return undefined;
    }
    case 'prepare':
      void mapAhead(message.bytes, message.filled);
      follow(message.body, message.bytes, message.filled, message.followed);
      return undefined;
    case 'strings':
      tellStrings(message.body);
      return undefined;
    case 'release':
      engine.release(message.id);
      return undefined;
    default:
      return message;
  }
}

parentPort?.on('message', (received: WorkerMessage) => {
  const message = asEngineMessage(received);
  if (!message) return;
  const id = 'id' in message ? message.id : undefined;
  engine.handle(message, id === undefined ? undefined : () => parentPort?.postMessage({ kind: 'started', id })).then(
    (result) => id !== undefined && parentPort?.postMessage({ kind: 'result', id, result }),
    (error: unknown) => id !== undefined && parentPort?.postMessage({ kind: 'result', id, error: error instanceof Error ? error.message : String(error) }),
  );
});
