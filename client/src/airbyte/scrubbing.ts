// Every text the extension shows or writes passes through the one scrubber (core/api/scrub):
// log lines, notifications, diagnostics and errors. Secrets the extension has used (stored
// passwords, tokens, basic-auth header values) are added to it as they are read, so a server
// that echoes one back cannot make it appear anywhere.
import * as vscode from 'vscode';
import { Scrubber } from '../../../core/api';

/** The extension's one scrubber. */
export const scrubber = new Scrubber();

export const scrub = (text: string): string => scrubber.scrub(text);

const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

/** The output channel, with every line scrubbed before it is written (to the panel and the log file). */
export function scrubbedLog(log: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(log, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !LOG_METHODS.has(property) || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (first: unknown, ...rest: unknown[]) =>
        (value as (...args: unknown[]) => unknown).call(
          target,
          typeof first === 'string' ? scrub(first) : first instanceof Error ? scrub(first.stack ?? first.message) : first,
          ...rest.map((item) => (typeof item === 'string' ? scrub(item) : item)),
        );
    },
  });
}

export function showError<T extends string>(text: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(scrub(text), ...actions);
}

export function showWarning<T extends string>(text: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(scrub(text), ...actions);
}

export function showInfo<T extends string>(text: string, ...actions: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(scrub(text), ...actions);
}

/** An Error safe to throw out of a command: its message and stack scrubbed. */
export function scrubbedError(error: unknown): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const safe = new Error(scrub(original.message));
  safe.stack = scrub(original.stack ?? safe.message);
  return safe;
}
