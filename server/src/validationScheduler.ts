// Validation while typing: debounced per document, one run in flight per document, and results
// published only for the version they were computed from.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, type Logger } from './runSafe';
import type { DocumentValidator } from './validator';

const LARGE_DOCUMENT = 1_000_000;

export interface ValidationSchedulerOptions {
  validator: DocumentValidator;
  getDocument(uri: string): TextDocument | undefined;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  log: Logger;
  /** Debounce for ordinary files; large ones wait longer so typing stays smooth. */
  delayMs?: number;
}

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  private readonly rerun = new Set<string>();

  constructor(private readonly options: ValidationSchedulerOptions) {}

  schedule(document: TextDocument, immediately = false): void {
    this.clearTimer(document.uri);
    const base = this.options.delayMs ?? 200;
    const delay = immediately ? 0 : document.getText().length > LARGE_DOCUMENT ? base * 4 : base;
    this.timers.set(document.uri, setTimeout(() => void this.run(document.uri), delay));
  }

  cancel(uri: string): void {
    this.clearTimer(uri);
    this.rerun.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.clearTimer(uri);
    this.options.validator.dispose();
  }

  private clearTimer(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    this.timers.delete(uri);
    const document = this.options.getDocument(uri);
    if (!document) return;
    if (this.running.has(uri)) {
      this.rerun.add(uri); // validate the newest text once the current run ends
      return;
    }
    this.running.add(uri);
    const { version } = document;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await this.options.validator.validate({ uri, version, text: document.getText() });
    } catch (error) {
      this.options.log(`Validation of ${uri} failed: ${describe(error)}`);
      diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Error,
          source: 'airbyte',
          code: 'analysis-failed',
          message: `The file could not be analysed (${error instanceof Error ? error.message : String(error)}). Other files are not affected; see the Airbyte language server log.`,
        },
      ];
    } finally {
      this.running.delete(uri);
    }
    const current = this.options.getDocument(uri);
    if (current && current.version === version) this.options.publish(uri, version, diagnostics);
    if (this.rerun.delete(uri) && current) this.schedule(current, true);
  }
}
