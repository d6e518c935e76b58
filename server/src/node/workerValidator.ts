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

/** A large body the reader is decoding, and what the worker has read of it (see BodyReadAhead). */
interface ReadAheadBody {
  /** How far the worker has read the body (`followed[0]`), of its `length` bytes. */
  followed: Int32Array;
  length: number;
  read?: Extract<WorkerReply, { kind: 'bodyRead' }>;
  /** Nothing more will come: `read`, or the reader decodes the body itself. */
  settled: boolean;
  waiters: Array<() => void>;
}

/**
 * How long the reader waits, at most, for the worker to say where a body's strings are once it
 * has read them all (it says so after making its own copy of the text: about 0.1 s at 30 MB).
 */
const ANNOUNCE_WAIT_MS = 1000;

function settle(body: ReadAheadBody): void {
  body.settled = true;
  for (const resolve of body.waiters.splice(0)) resolve();
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
  const readAhead = new Map<number, ReadAheadBody>();
  let watchdog: NodeJS.Timeout | undefined;

  const stopWatchdog = () => {
    if (watchdog) clearTimeout(watchdog);
    watchdog = undefined;
  };

  const failAll = (error: Error) => {
    for (const body of readAhead.values()) settle(body); // the worker's strings will not come
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
        const body = readAhead.get(reply.body);
        if (body && !body.read) {
          body.read = reply;
          settle(body);
        }
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
      const entry: ReadAheadBody = { followed: new Int32Array(new SharedArrayBuffer(4)), length: bytes.byteLength, settled: false, waiters: [] };
      readAhead.set(body, entry);
      send({ kind: 'prepare', bytes, filled, followed: entry.followed, body });
      const following = worker;
      return {
        decoding() {
          if (worker === following) send({ kind: 'strings', body });
        },
        stringAt(start, end) {
          const read = entry.read;
          // Pending while the worker that follows the body is still the current one.
          if (!read) return !entry.settled && worker === following ? 'pending' : undefined;
          const string = read.output && read.strings.find((s) => s.start === start && s.end === end);
          return string ? new Uint8Array(read.output!, string.outStart, string.outEnd - string.outStart) : undefined;
        },
        whenSettled() {
          if (entry.settled) return Promise.resolve();
          if (Atomics.load(entry.followed, 0) < entry.length) return undefined; // still reading, or busy with other work
          return new Promise<void>((resolve) => {
            if (entry.waiters.length === 0) setTimeout(() => settle(entry), ANNOUNCE_WAIT_MS).unref();
            entry.waiters.push(resolve);
          });
        },
        dispose() {
          entry.read = undefined; // the 30 MB of output are no longer held here
          settle(entry);
          readAhead.delete(body);
        },
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
      for (const body of readAhead.values()) settle(body);
      stopWatchdog();
      const current = worker;
      worker = undefined;
      void current?.terminate();
    },
  };
}
