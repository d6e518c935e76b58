// Helpers for extension-host tests. They wait for events or conditions, never for a fixed time;
// every wait has an upper bound that fails with what was seen.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'airbyte-connections-as-code.airbyte-connections';

export function ourExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}

/** A file of the fixtures workspace (test/fixtures), which the runners open as the folder. */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: the runner should open test/fixtures');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a fixture in an editor, as a person would, and returns its editor. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

const describeDiagnostics = (diagnostics: readonly vscode.Diagnostic[]) =>
  diagnostics.length === 0
    ? 'none'
    : diagnostics
        .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} [${d.source ?? ''} ${String(d.code ?? '')}] ${d.message}`)
        .join('\n');

/**
 * Resolves with the diagnostics of `uri` as soon as they satisfy `predicate`, checking now and
 * on every diagnostics change; fails after `timeoutMs` showing the last diagnostics seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let subscription: vscode.Disposable | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      subscription?.dispose();
      settle();
    };
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (predicate(diagnostics)) finish(() => resolve(diagnostics));
    };
    const timer = setTimeout(() => {
      const seen = describeDiagnostics(vscode.languages.getDiagnostics(uri));
      finish(() => reject(new Error(`diagnostics of ${uri.path} did not match within ${timeoutMs} ms; last seen:\n${seen}`)));
    }, timeoutMs);
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    check();
  });
}

/**
 * Repeats `trigger` until its result satisfies `until` (for triggers that race the UI or a
 * language server still starting, e.g. a completion request). The trigger is retried, not the
 * assertion: callers assert on the returned result. Attempts back off; `timeoutMs` bounds them.
 */
export async function retry<T>(
  trigger: () => T | Thenable<T>,
  until: (result: T) => boolean,
  { timeoutMs = 20_000, what = 'trigger' }: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let pauseMs = 50;
  for (let attempt = 1; ; attempt++) {
    const result = await trigger();
    if (until(result)) return result;
    if (Date.now() + pauseMs > deadline) {
      throw new Error(`${what}: no satisfying result after ${attempt} attempts in ${timeoutMs} ms; last result: ${preview(result)}`);
    }
    await new Promise((r) => setTimeout(r, pauseMs)); // spacing between attempts, not a wait for a state
    pauseMs = Math.min(pauseMs * 2, 1_000);
  }
}

/** Waits until `condition()` holds, checking it repeatedly; for states VS Code has no event for. */
export function waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  return retry(() => condition(), (held) => held, { timeoutMs, what: `waiting until ${what}` }).then(() => undefined);
}

function preview(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 500 ? `${text.slice(0, 500)}…` : text;
  } catch {
    return String(value);
  }
}
