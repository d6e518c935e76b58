// Worker thread entry: validates documents sent by the server's main thread.
import { parentPort } from 'node:worker_threads';
import { createInProcessValidator } from '../inProcessValidator';
import type { ValidationRequest } from '../validator';

const validator = createInProcessValidator();

parentPort?.on('message', async (message: ValidationRequest & { id: number }) => {
  try {
    const diagnostics = await validator.validate(message);
    parentPort?.postMessage({ id: message.id, diagnostics });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
