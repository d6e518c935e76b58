// The validator's side: its copy of each open document with per-entry results kept between
// versions (IncrementalValidation), fed the same messages whether it runs on a worker thread or
// in-process. Messages are handled one at a time, in order.
import type { Diagnostic, LanguageService } from 'vscode-json-languageservice';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { IncrementalValidation } from '../../core/language/incrementalValidation';
import type { DecodedText } from '../../core/text/decodedText';
import type { DiagnosisResult, ValidationMessage } from './validator';

export class ValidationEngine {
  private readonly documents = new Map<string, { session: number; validation: IncrementalValidation }>();
  /** Texts about to be opened, validated ahead (see preload). */
  private readonly preloaded = new Map<number, Promise<IncrementalValidation>>();
  private readonly service: LanguageService = createConnectionLanguageService();
  private queue: Promise<unknown> = Promise.resolve();

  /** Handles `message` after every earlier one; requests resolve with their answer. */
  handle(message: ValidationMessage, started?: () => void): Promise<DiagnosisResult | Diagnostic[] | undefined> {
    return this.enqueue(() => {
      started?.();
      return this.process(message);
    });
  }

  /**
   * The text of a large didOpen of `uri`, or of a large validateText request, that the server is
   * still decoding on its own thread: it is validated now, in order with other work, so that the
   * open (or the request) finds that work done.
   */
  preload(id: number, uri: string, version: number, text: string | DecodedText | Promise<string | DecodedText>, started?: () => void): Promise<unknown> {
    const validated = this.enqueue(async () => {
      started?.();
      const validation = new IncrementalValidation(this.service, uri, version, await text);
      await validation.diagnostics().catch(() => undefined); // the open's own diagnose reports failures
      return validation;
    });
    this.preloaded.set(id, validated);
    return validated.catch(() => undefined);
  }

  /** A preloaded text that will not be opened. */
  release(id: number): void {
    this.preloaded.delete(id);
  }

  /** The validation of preloaded text `id`, which is settled: it was queued before the message naming it. */
  private async takePreloaded(id: number, uri: string): Promise<IncrementalValidation> {
    const preloaded = this.preloaded.get(id);
    this.preloaded.delete(id);
    if (!preloaded) throw new Error(`the text of ${uri} was not handed over`);
    return preloaded;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async process(message: ValidationMessage): Promise<DiagnosisResult | Diagnostic[] | undefined> {
    switch (message.kind) {
      case 'open': {
        let validation: IncrementalValidation;
        if ('preloaded' in message) {
          validation = await this.takePreloaded(message.preloaded, message.uri);
          if (message.sourceWorkspaces !== undefined) validation.setSourceWorkspaces(message.sourceWorkspaces);
        } else {
          validation = new IncrementalValidation(this.service, message.uri, message.version, message.text);
          validation.setSourceWorkspaces(message.sourceWorkspaces);
        }
        this.documents.set(message.uri, { session: message.session, validation });
        return undefined;
      }
      case 'sourceWorkspaces':
        this.documents.get(message.uri)?.validation.setSourceWorkspaces(message.sourceWorkspaces);
        return undefined;
      case 'change':
        this.documents.get(message.uri)?.validation.applyChanges(message.changes, message.version);
        return undefined;
      case 'close':
        this.documents.delete(message.uri);
        return undefined;
      case 'diagnose': {
        const document = this.documents.get(message.uri);
        if (!document) throw new Error(`${message.uri} is not open`);
        const { version } = document.validation;
        const diagnostics = await document.validation.diagnostics();
        // Positions of the next edit need the file's lines: count them while nothing else runs.
        const step = () => !document.validation.countSomeLines() && this.documents.get(message.uri) === document && setImmediate(step);
        setImmediate(step);
        return { version, session: document.session, diagnostics, layout: document.validation.currentLayout };
      }
      case 'validateText': {
        // A preloaded text was validated without server data: only its header is judged again.
        const validation = 'preloaded' in message ? await this.takePreloaded(message.preloaded, message.uri) : new IncrementalValidation(this.service, message.uri, 0, message.text);
        validation.setSourceWorkspaces(message.sourceWorkspaces);
        return validation.diagnostics();
      }
    }
  }
}
