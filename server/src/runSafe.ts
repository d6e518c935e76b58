// Every request handler runs through here: a failure is logged and answered with a default,
// a cancelled request is answered as cancelled, and the server keeps running.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export type Logger = (message: string) => void;

export async function runSafe<T>(log: Logger, name: string, token: CancellationToken | undefined, fallback: T, work: () => T | PromiseLike<T>): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await work();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    log(`${name} failed: ${describe(error)}`);
    return fallback;
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}
