// VS Code cancels with tokens, the API client with an AbortSignal: one bridge for every command.
import type * as vscode from 'vscode';

/** Runs `work` with a signal that aborts when any of the tokens is cancelled. */
export async function withAbortSignal<T>(
  tokens: (vscode.CancellationToken | undefined)[],
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const subscriptions = tokens.flatMap((token) => {
    if (!token) return [];
    if (token.isCancellationRequested) controller.abort();
    return [token.onCancellationRequested(() => controller.abort())];
  });
  try {
    return await work(controller.signal);
  } finally {
    subscriptions.forEach((s) => s.dispose());
  }
}
