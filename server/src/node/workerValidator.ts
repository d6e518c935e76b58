// Validation on a worker thread. A worker that dies (out of memory, a bug) fails only the
// requests it held; the next request starts a fresh one.
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-json-languageservice';
import type { DocumentValidator, ValidationRequest } from '../validator';

interface Pending {
  resolve(diagnostics: Diagnostic[]): void;
  reject(error: Error): void;
}

export function createWorkerValidator(workerPath: string): DocumentValidator {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = undefined;
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const created = new Worker(workerPath, { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    created.on('message', (message: { id: number; diagnostics?: Diagnostic[]; error?: string }) => {
      const p = pending.get(message.id);
      if (!p) return;
      pending.delete(message.id);
      if (message.error !== undefined) p.reject(new Error(message.error));
      else p.resolve(message.diagnostics ?? []);
    });
    created.on('error', (error) => {
      if (worker === created) failAll(error);
    });
    created.on('exit', (code) => {
      if (worker === created) failAll(new Error(`validation worker exited with code ${code}`));
    });
    created.unref(); // never keep the process alive on its own
    worker = created;
    return created;
  };

  return {
    validate(request: ValidationRequest): Promise<Diagnostic[]> {
      const id = nextId++;
      return new Promise<Diagnostic[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ensureWorker().postMessage({ id, ...request });
      });
    },
    dispose(): void {
      const current = worker;
      worker = undefined;
      void current?.terminate();
    },
  };
}
