// The validator's side: its copy of each open document with per-entry results kept between
// versions (IncrementalValidation), fed the same messages whether it runs on a worker thread or
// in-process. Messages are handled one at a time, in order.
import type { Diagnostic, LanguageService } from 'vscode-json-languageservice';
import { createConnectionLanguageService } from '../../core/language/connectionLanguageService';
import { IncrementalValidation } from '../../core/language/incrementalValidation';
import type { DiagnosisResult, ValidationMessage } from './validator';

export class ValidationEngine {
  private readonly documents = new Map<string, { session: number; validation: IncrementalValidation }>();
  private readonly service: LanguageService = createConnectionLanguageService();
  private queue: Promise<unknown> = Promise.resolve();

  /** Handles `message` after every earlier one; requests resolve with their answer. */
  handle(message: ValidationMessage, started?: () => void): Promise<DiagnosisResult | Diagnostic[] | undefined> {
    const run = this.queue.then(() => {
      started?.();
      return this.process(message);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async process(message: ValidationMessage): Promise<DiagnosisResult | Diagnostic[] | undefined> {
    switch (message.kind) {
      case 'open': {
        const validation = new IncrementalValidation(this.service, message.uri, message.version, message.text);
        validation.setSourceWorkspaces(message.sourceWorkspaces);
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
        const validation = new IncrementalValidation(this.service, message.uri, 0, message.text);
        validation.setSourceWorkspaces(message.sourceWorkspaces);
        return validation.diagnostics();
      }
    }
  }
}
