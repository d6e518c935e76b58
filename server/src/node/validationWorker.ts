// Worker thread entry: keeps the open documents' validation state and answers the server's
// requests in order. Says when it starts each request, so the server's watchdog times the
// validation itself, not the queue before it. The same file, started with
// `workerData.role === 'entries'`, is that worker's entry helper (entryHelper.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { createConnectionLanguageService } from '../../../core/language/connectionLanguageService';
import { validateEntryText } from '../../../core/language/incrementalValidation';
import { ValidationEngine } from '../validationEngine';
import type { ValidationMessage } from '../validator';
import { createEntryHelper, type EntryReply, type EntryRequest } from './entryHelper';

if ((workerData as { role?: string } | undefined)?.role === 'entries') serveEntries();
else serveValidation();

function serveValidation(): void {
  const engine = new ValidationEngine(createEntryHelper(__filename));
  parentPort?.on('message', (message: ValidationMessage) => {
    const id = 'id' in message ? message.id : undefined;
    engine.handle(message, id === undefined ? undefined : () => parentPort?.postMessage({ kind: 'started', id })).then(
      (result) => id !== undefined && parentPort?.postMessage({ kind: 'result', id, result }),
      (error: unknown) => id !== undefined && parentPort?.postMessage({ kind: 'result', id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

function serveEntries(): void {
  const service = createConnectionLanguageService();
  parentPort?.on('message', async ({ id, texts, withBytes }: EntryRequest) => {
    try {
      const results = [];
      for (const text of texts) results.push(await validateEntryText(service, text, withBytes));
      parentPort?.postMessage({ id, results } satisfies EntryReply);
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies EntryReply);
    }
  });
}
