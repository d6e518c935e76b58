import type { AirbyteApiError } from '../core/api';

/** An API failure as two lines for stderr: what happened, what to do. */
export function describeApiError(error: AirbyteApiError): string {
  const details =
    error.kind === 'validation' && error.issues.length > 0
      ? `\n${error.issues.map((i) => `  ${i.propertyPath || '(body)'}: ${i.message}`).join('\n')}`
      : '';
  return `airbyte-connection: ${error.message}${details}\n  ${error.hint}\n`;
}
