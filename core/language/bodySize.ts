// Micronaut's default `max-request-size` (10 MiB), which Airbyte v0.44.3's application.yml does
// not raise: a larger body is answered 413 before any handler runs. A whole-body check, so it
// lives apart from the per-stream and per-document rules.
import type { Diagnostic } from 'vscode-json-languageservice';
import { DiagnosticSeverity } from 'vscode-json-languageservice';
import { utf8Length } from '../text/utf8';

export { utf8Length };

export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** The 413 diagnostic (range left to the caller), or undefined when the body fits. */
export function bodySizeProblem(text: string): Omit<Diagnostic, 'range'> | undefined {
  if (text.length * 3 <= MAX_REQUEST_BYTES) return undefined; // cannot exceed, whatever the characters
  let sent = utf8Length(text);
  if (sent <= MAX_REQUEST_BYTES) return undefined;
  try {
    sent = utf8Length(JSON.stringify(JSON.parse(text))); // Create Connection sends it compacted
  } catch {
    // broken JSON: the syntax errors say more; the size as written is the best estimate
  }
  return tooLargeProblem(sent);
}

/** The 413 diagnostic for a body of `sent` bytes as sent (compacted), or undefined when it fits. */
export function tooLargeProblem(sent: number): Omit<Diagnostic, 'range'> | undefined {
  if (sent <= MAX_REQUEST_BYTES) return undefined;
  return {
    severity: DiagnosticSeverity.Error,
    code: 'body-too-large',
    message: `The request body is ${(sent / 1024 / 1024).toFixed(1)} MiB; Airbyte v0.44.3 refuses bodies over 10 MiB (413 Request Entity Too Large). Select fewer streams, or raise \`micronaut.server.max-request-size\` (environment variable MICRONAUT_SERVER_MAX_REQUEST_SIZE) on the Airbyte server.`,
  };
}
