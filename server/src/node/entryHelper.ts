// A second worker thread that validates stream entries for the validation worker, so that an
// open (every entry validated once) uses both cores of a two-core machine. It holds no state:
// each request is a list of entry texts, each answer their results in the same order. If it
// dies, its requests fail and the caller validates those entries itself; the next request
// starts a new helper.
import { Worker } from 'node:worker_threads';
import type { EntryHelper, EntryResult } from '../../../core/language/incrementalValidation';

export interface EntryRequest {
  id: number;
  texts: string[];
  withBytes: boolean;
}

export type EntryReply = { id: number; results: EntryResult[] } | { id: number; error: string };

/** `workerFile` runs `serveEntries` when started with `workerData.role === 'entries'`. */
export function createEntryHelper(workerFile: string): EntryHelper {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(results: EntryResult[]): void; reject(error: Error): void }>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = undefined;
  };

  const start = (): Worker => {
    const created = new Worker(workerFile, { workerData: { role: 'entries' }, resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    created.on('message', (reply: EntryReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(reply.error));
      else p.resolve(reply.results);
    });
    created.on('error', (error) => worker === created && failAll(error));
    created.on('exit', (code) => worker === created && failAll(new Error(`the entry helper stopped (exit code ${code})`)));
    created.unref();
    return created;
  };
  worker = start(); // started now, so its language service is ready by the first open

  return (texts, withBytes) =>
    new Promise<EntryResult[]>((resolve, reject) => {
      worker ??= start();
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts, withBytes } satisfies EntryRequest);
    });
}
