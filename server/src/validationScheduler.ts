// Validation while typing: debounced per document (an open validates at once), one run in
// flight per document, and results published only for the version and the opening (session)
// they were computed from, so a file reopened at the same version never shows the old text's
// problems.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-json-languageservice';
import type { CatalogLayout } from '../../core/language/catalogLayout';
import { capDiagnostics } from './diagnosticCap';
import { describe, type Logger } from './runSafe';
import type { DocumentValidator } from './validator';

export interface ScheduledDocument {
  uri: string;
  version: number;
  session: number;
}

export interface ValidationSchedulerOptions {
  validator: DocumentValidator;
  getDocument(uri: string): ScheduledDocument | undefined;
  /** `found`: the validator's layout of that version, when it answered. */
  publish(uri: string, version: number, diagnostics: Diagnostic[], found?: { layout: CatalogLayout | undefined }): void;
  log: Logger;
  /** Debounce while typing. Validation works per edited stream, so it can be short. */
  delayMs?: number;
}

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  private readonly rerun = new Set<string>();

  constructor(private readonly options: ValidationSchedulerOptions) {}

  schedule(uri: string, immediately = false): void {
    this.clearTimer(uri);
    const delay = immediately ? 0 : (this.options.delayMs ?? 50);
    this.timers.set(uri, setTimeout(() => void this.run(uri), delay));
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
    const requested = this.options.getDocument(uri);
    if (!requested) return;
    if (this.running.has(uri)) {
      this.rerun.add(uri); // validate the newest text once the current run ends
      return;
    }
    this.running.add(uri);
    let version = requested.version;
    let session = requested.session;
    let diagnostics: Diagnostic[];
    let found: { layout: CatalogLayout | undefined } | undefined;
    try {
      let layout: CatalogLayout | undefined;
      ({ version, session, diagnostics, layout } = await this.options.validator.diagnose(uri));
      found = { layout };
    } catch (error) {
      this.options.log(`Validation of ${uri} failed: ${describe(error)}`);
      diagnostics = [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Error,
          source: 'airbyte',
          code: 'analysis-failed',
          message: `The file could not be analysed: ${error instanceof Error ? error.message : String(error)}. Edit the file to try again; other files are not affected. The Airbyte language server log has details.`,
        },
      ];
    } finally {
      this.running.delete(uri);
    }
    const current = this.options.getDocument(uri);
    if (current && current.version === version && current.session === session) this.options.publish(uri, version, capDiagnostics(diagnostics), found);
    if (this.rerun.delete(uri) && current) this.schedule(uri, true);
  }
}
