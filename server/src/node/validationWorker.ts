// Worker thread entry: keeps the open documents' validation state and answers the server's
// requests in order. Says when it starts each request, so the server's watchdog times the
// validation itself, not the queue before it. A preloaded text is decoded as soon as its bytes
// arrive, while the server's own thread decodes the same message.
import { parentPort } from 'node:worker_threads';
import { ValidationEngine } from '../validationEngine';
import type { ValidationMessage } from '../validator';
import { decodeJsonString } from './jsonStringSlices';
import type { WorkerMessage } from './workerMessages';

const engine = new ValidationEngine();
const preloaded = new Map<number, string>();

function asEngineMessage(message: WorkerMessage): ValidationMessage | undefined {
  switch (message.kind) {
    case 'preload':
      try {
        preloaded.set(message.id, decodeJsonString(new Uint8Array(message.bytes), message.start, message.end));
      } catch {
        // Not a JSON string after all: the server's thread fails on it too and never opens it.
      }
      return undefined;
    case 'release':
      preloaded.delete(message.id);
      return undefined;
    case 'open': {
      if (!('preloaded' in message)) return message;
      const { preloaded: id, ...rest } = message;
      const text = preloaded.get(id);
      preloaded.delete(id);
      if (text === undefined) throw new Error(`preloaded text ${id} is missing`);
      return { ...rest, text };
    }
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
