// The JSON language service's messages are generic ("Value is not accepted"). Here they learn
// what Airbyte does with the problem and what to type instead.
import { DiagnosticSeverity, ErrorCode, type Diagnostic, type TextDocument } from 'vscode-json-languageservice';
import { closestMatch } from '../rules/spelling';

/** What Airbyte does when a required property is missing, and what to add. */
const REQUIRED: Record<string, { consequence: string; add: string }> = {
  sourceId: { consequence: 'Airbyte rejects the request without it (400)', add: 'the id of the source to read from (Ctrl+Space lists the sources of your server)' },
  destinationId: { consequence: 'Airbyte rejects the request without it (400)', add: 'the id of the destination to write to (Ctrl+Space lists the destinations of your server)' },
  status: { consequence: 'Airbyte rejects the request without it (400)', add: '`"active"` (syncs run on schedule), `"inactive"` (paused) or `"deprecated"`' },
  selected: { consequence: 'Airbyte v0.44.3 fails with a server error (500) on a stream without it', add: '`"selected": true` to sync the stream or `false` to skip it' },
  config: { consequence: 'Airbyte v0.44.3 fails with a server error (500) on a catalog entry without it', add: '`"config": { "syncMode": "full_refresh", "destinationSyncMode": "overwrite", "selected": true }`' },
  stream: { consequence: 'Airbyte v0.44.3 fails with a server error (500) on a catalog entry without it', add: 'the stream as discovered from the source (`name`, `jsonSchema`, `supportedSyncModes`)' },
};

/** Readable codes for the Problems panel instead of the service's numbers. */
function codeOf(diagnostic: Diagnostic): string {
  const code = typeof diagnostic.code === 'number' ? diagnostic.code : -1;
  if (code === ErrorCode.EnumValueMismatch) return 'invalid-value';
  if (code === ErrorCode.Deprecated) return 'deprecated';
  if (code === ErrorCode.DuplicateKey) return 'duplicate-key';
  if (code === ErrorCode.CommentNotPermitted) return 'comment';
  if (code === ErrorCode.TrailingComma) return 'trailing-comma';
  if (code >= 0x100 && code < 0x300) return 'json-syntax';
  if (/^Missing property/.test(diagnostic.message)) return 'missing-property';
  if (/^Incorrect type/.test(diagnostic.message)) return 'wrong-type';
  return 'schema';
}

export function refineServiceDiagnostic(diagnostic: Diagnostic, document: TextDocument): Diagnostic {
  const refined: Diagnostic = { ...diagnostic, source: 'airbyte', code: codeOf(diagnostic) };
  if (diagnostic.code === ErrorCode.DuplicateKey) {
    const key = document.getText(diagnostic.range);
    refined.severity = DiagnosticSeverity.Warning;
    refined.message = `Duplicate key ${key}: Airbyte keeps only the last value and drops the others. Remove the extra one.`;
    return refined;
  }
  if (diagnostic.code === ErrorCode.EnumValueMismatch) {
    const allowed = [...diagnostic.message.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    const actual = document.getText(diagnostic.range).replace(/^"|"$/g, '');
    const suggestion = closestMatch(actual, allowed);
    refined.message =
      `Airbyte rejects ${JSON.stringify(actual)} here (400).` +
      (suggestion ? ` Did you mean "${suggestion}"?` : '') +
      ` Allowed: ${allowed.map((a) => `"${a}"`).join(', ')}.`;
    if (suggestion) refined.data = { replaceValueWith: suggestion };
    return refined;
  }
  const missing = /^Missing property "(.+)"\.$/.exec(diagnostic.message);
  if (missing) {
    const known = REQUIRED[missing[1]];
    refined.message = known
      ? `Missing required property "${missing[1]}": ${known.consequence}. Add ${known.add}.`
      : `Missing required property "${missing[1]}": Airbyte rejects the request without it.`;
    return refined;
  }
  if (/^Incorrect type\./.test(diagnostic.message)) {
    refined.message = `${diagnostic.message} Airbyte cannot read this value and rejects the request (400).`;
  }
  return refined;
}
