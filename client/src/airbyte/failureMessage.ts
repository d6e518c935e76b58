// What the user reads after a failed Create Connection, and which buttons come with it.
// The API client's message/hint are written for any caller; here they gain the editor's
// vocabulary (settings, commands).
import type { AirbyteApiError } from '../../../core/api';

export type FailureAction =
  | { label: 'Set Credentials' }
  | { label: 'Open Settings'; setting: string }
  | { label: 'Show Problems' }
  | { label: 'Show Log' };

export interface FailureContext {
  serverUrl: string;
  fileName: string;
  /** No password was stored, Airbyte's default local one was sent. */
  usedDefaultPassword: boolean;
  authentication: 'basic' | 'bearer' | 'none';
  /** How many diagnostics were placed in the file for this failure. */
  diagnosticCount: number;
}

export interface FailureMessage {
  severity: 'error' | 'warning';
  text: string;
  actions: FailureAction[];
}

export function describeFailure(error: AirbyteApiError, context: FailureContext): FailureMessage {
  const actions: FailureAction[] = [];
  let { message, hint } = error;
  switch (error.kind) {
    case 'unauthorized':
      if (context.authentication === 'none') {
        actions.push({ label: 'Open Settings', setting: 'airbyte.authentication' });
      } else {
        if (context.usedDefaultPassword) {
          message = `Airbyte at ${context.serverUrl} refused the default local password (no password is stored for this server).`;
          hint = 'Run “Airbyte: Set Credentials” to store its password.';
        }
        actions.push({ label: 'Set Credentials' });
      }
      break;
    case 'forbidden':
      actions.push({ label: 'Set Credentials' });
      break;
    case 'connectionRefused':
    case 'dnsFailure':
    case 'redirect':
    case 'notJson':
    case 'responseTooLarge':
    case 'invalidServerUrl':
      hint = `${hint} (airbyte.serverUrl is ${context.serverUrl})`;
      actions.push({ label: 'Open Settings', setting: 'airbyte.serverUrl' });
      break;
    case 'timeout':
      hint = `${hint} (airbyte.requestTimeoutSeconds)`;
      actions.push({ label: 'Open Settings', setting: 'airbyte.requestTimeoutSeconds' });
      break;
    case 'notFound':
    case 'validation':
      if (context.diagnosticCount > 0) {
        hint = `${hint} The ${context.diagnosticCount === 1 ? 'problem is' : `${context.diagnosticCount} problems are`} marked in the file.`;
        actions.push({ label: 'Show Problems' });
      }
      break;
  }
  actions.push({ label: 'Show Log' });
  const prefix = error.kind === 'cancelled' ? 'Create Connection cancelled' : `Could not create a connection from “${context.fileName}”`;
  return {
    severity: error.kind === 'cancelled' ? 'warning' : 'error',
    text: `${prefix}: ${message} ${hint}`,
    actions,
  };
}
