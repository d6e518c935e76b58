// Worker thread entry: keeps the open documents' validation state and answers the server's
// requests in order. Says when it starts each request, so the server's watchdog times the
// validation itself, not the queue before it.
import { parentPort } from 'node:worker_threads';
import { ValidationEngine } from '../validationEngine';
import type { ValidationMessage } from '../validator';

const engine = new ValidationEngine();

parentPort?.on('message', (message: ValidationMessage) => {
  const id = 'id' in message ? message.id : undefined;
  engine.handle(message, id === undefined ? undefined : () => parentPort?.postMessage({ kind: 'started', id })).then(
    (result) => id !== undefined && parentPort?.postMessage({ kind: 'result', id, result }),
    (error: unknown) => id !== undefined && parentPort?.postMessage({ kind: 'result', id, error: error instanceof Error ? error.message : String(error) }),
  );
});
