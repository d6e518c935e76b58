// The "Airbyte" output channel as the API client's log, and the "Show Log" action.
import type * as vscode from 'vscode';

export const SHOW_LOG = 'Show Log';

/** A `log` for `AirbyteClient`: the client already redacts, each line becomes an info entry. */
export function apiLogSink(log: vscode.LogOutputChannel): (line: string) => void {
  return (line) => log.info(line);
}
