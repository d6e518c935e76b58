// `airbyte.showLog`: the "Airbyte" output channel (every request and answer, redacted).
import * as vscode from 'vscode';
import type { CommandDeps } from './deps';

export const SHOW_LOG_COMMAND = 'airbyte.showLog';

export function register(context: vscode.ExtensionContext, deps: CommandDeps): void {
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => deps.log.show(true)));
}
