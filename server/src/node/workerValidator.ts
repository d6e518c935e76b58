// Validation on a worker thread that keeps each open document's state between versions and is
// sent edits, not texts. A worker that dies (out of memory, a bug) or hangs on one request for
// longer than the watchdog allows is replaced: the requests it held fail with a clear message,
// and the new worker is given the open documents' current texts.
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-json-languageservice';
import type { SourceWorkspaces } from '../../../core/rules';
import type { BodyReadAhead, DiagnosisResult, DocumentValidator, PreloadedText, ValidationMessage } from '../validator';
import type { WorkerMessage, WorkerReply } from './workerMessages';

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export interface WorkerValidatorOptions {
  workerPath: string;
  /** The open documents as the server holds them now: replayed into a replacement worker. */
  openDocuments(): Array<{ uri: string; version: number; session: number; text: string; sourceWorkspaces?: SourceWorkspaces }>;
  /** How long one validation may run before the worker is taken for hung. */
  watchdogMs: number;
  log(message: string): void;
}

export function createWorkerValidator(options: WorkerValidatorOptions): DocumentValidator {
  let worker: Worker | undefined;
  let replaced = false; // the next worker replaces one that died: it needs the open documents
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** Preloaded texts not yet opened, and the worker that holds each (a replacement does not). */
  const preloads = new Map<number, Worker>();
  let nextPreload = 1;
  /** Large bodies by their memory (the same object on this thread; each message gives the worker a new one). */
  const bodies = new WeakMap<SharedArrayBuffer, number>();
  let nextBody = 1;
  /** Bodies the reader is still decoding, and the strings the worker read of each as it arrived. */
  const readAhead = new Map<number, Extract<WorkerReply, { kind: 'bodyRead' }> | undefined>();
  let watchdog: NodeJS.Timeout | undefined;

  const stopWatchdog = () => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = undefined;
  };

  const failAll = (error: Error) => {
    stopWatchdog();
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = undefined;
    replaced = true;
  };

  const onHung = (current: Worker) => {
    if (worker !== current) return;
    const seconds = Math.round(options.watchdogMs / 100) / 10;
    options.log(`Validation worker did not answer within ${seconds} s; replacing it.`);
    failAll(new Error(`validation did not finish within ${seconds} s and was stopped`));
    void current.terminate();
  };

  const create = (): Worker => {
    const created = new Worker(options.workerPath, { resourceLimits: { maxOldGenerationSizeMb: 4096 } });
    created.on('message', (reply: WorkerReply) => {
      if (worker !== created) return;
      if (reply.kind === 'bodyRead') {
        if (readAhead.has(reply.body)) readAhead.set(reply.body, reply);
        return;
      }
      if (reply.kind === 'started') {
        stopWatchdog();
        watchdog = setTimeout(() => onHung(created), options.watchdogMs);
        return;
      }
      stopWatchdog();
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.error !== undefined) p.reject(new Error(reply.error));
      else p.resolve(reply.result);
    });
    created.on('error', (error) => {
      if (worker === created) failAll(error);
    });
    created.on('exit', (code) => {
      if (worker === created) failAll(new Error(`the validation worker stopped (exit code ${code})`));
    });
    created.unref(); // never keep the process alive on its own
    return created;
  };

  /** Sends `message`; a message about a document the replacement was just given is not needed. */
  const send = (message: WorkerMessage): void => {
    if (!worker) {
      worker = create();
      if (replaced) {
        replaced = false;
        for (const document of options.openDocuments()) worker.postMessage({ kind: 'open', ...document } satisfies ValidationMessage);
        if (message.kind === 'open' || message.kind === 'change' || message.kind === 'close' || message.kind === 'sourceWorkspaces') return;
      }
    }
    worker.postMessage(message);
  };

  const request = <T>(message: ValidationMessage & { id: number }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(message.id, { resolve: resolve as (result: unknown) => void, reject });
      send(message);
    });

  /** Whether the current worker holds `preloaded` (then it is no longer waiting). */
  const heldByWorker = (preloaded: PreloadedText | undefined): boolean => {
    if (!preloaded) return false;
    const holder = preloads.get(preloaded.id);
    preloads.delete(preloaded.id);
    return holder !== undefined && holder === worker;
  };

  return {
    open(uri, version, session, text, sourceWorkspaces, preloaded) {
      if (heldByWorker(preloaded)) send({ kind: 'open', uri, version, session, preloaded: preloaded!.id, sourceWorkspaces });
      else send({ kind: 'open', uri, version, session, text, sourceWorkspaces });
    },
    preload(uri, version, bytes, start, end) {
      const id = nextPreload++;
      send({ kind: 'preload', id, uri, version, bytes, start, end, body: bodies.get(bytes) });
      preloads.set(id, worker!);
      return { id };
    },
    prepare(bytes, filled): BodyReadAhead {
      const body = nextBody++;
      bodies.set(bytes, body);
      send({ kind: 'prepare', bytes, filled, body });
      const following = worker;
      readAhead.set(body, undefined);
      return {
        stringAt(start, end) {
          const read = readAhead.get(body);
          // Pending while the worker that follows the body is still the current one.
          if (!read) return worker === following && readAhead.has(body) ? 'pending' : undefined;
          const string = read.strings.find((s) => s.start === start && s.end === end);
          return string && new Uint8Array(read.output, string.outStart, string.outEnd - string.outStart);
        },
        dispose: () => readAhead.delete(body),
      };
    },
    release(preloaded) {
      if (heldByWorker(preloaded)) send({ kind: 'release', id: preloaded.id });
    },
    setSourceWorkspaces: (uri, sourceWorkspaces) => send({ kind: 'sourceWorkspaces', uri, sourceWorkspaces }),
    change: (uri, version, changes) => send({ kind: 'change', uri, version, changes }),
    close: (uri) => send({ kind: 'close', uri }),
    diagnose: (uri) => request<DiagnosisResult>({ kind: 'diagnose', id: nextId++, uri }),
    validateText: (uri, text, sourceWorkspaces, preloaded) =>
      heldByWorker(preloaded)
        ? request<Diagnostic[]>({ kind: 'validateText', id: nextId++, uri, preloaded: preloaded!.id, sourceWorkspaces })
        : request<Diagnostic[]>({ kind: 'validateText', id: nextId++, uri, text, sourceWorkspaces }),
    dispose(): void {
      stopWatchdog();
      const current = worker;
      worker = undefined;
      void current?.terminate();
    },
  };
}
