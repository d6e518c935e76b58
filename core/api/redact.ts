// Keeps credentials out of logs. Bodies are redacted by key (source and destination configs
// carry passwords and API keys), then every known secret string is scrubbed from the line
// as a second line of defence.

export const REDACTED = '«redacted»';
const MAX_LOGGED_BODY = 4000;
// Airbyte's documented local default: scrubbing the word from every line would only garble
// the log (every `"password"` key), and there is nothing to hide.
const PUBLIC_DEFAULT_SECRETS = new Set(['password']);

const SECRET_KEY =
  /passw(or)?d|passphrase|^pwd$|token|secret|api[-_]?key|private[-_]?key|access[-_]?key|credentials[-_]?json|^authorization$/i;

// `"password": "x"`, `password=x`, `'token': 'x'` in text that is not valid JSON.
const SECRET_IN_TEXT =
  /((["']?)[\w-]*(?:passw(?:or)?d|passphrase|token|secret|api[-_]?key|private[-_]?key|access[-_]?key)[\w-]*\2\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s&,;}"']+)/gi;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A deep copy of `value` with the values of secret-looking keys replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      out[key] = isSecretKey(key) && child !== null && child !== '' ? REDACTED : redactJson(child);
    }
    return out;
  }
  return value;
}

/** A body as it may be logged: redacted by key when JSON, by pattern otherwise, then truncated. */
export function redactBodyText(text: string): string {
  let redacted: string;
  try {
    redacted = JSON.stringify(redactJson(JSON.parse(text)));
  } catch {
    redacted = text.replace(SECRET_IN_TEXT, (_m, prefix: string) => `${prefix}${REDACTED}`);
  }
  return truncate(redacted, MAX_LOGGED_BODY);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * A function that removes the given secrets from a line, in the forms they travel in:
 * as typed, and inside a basic-auth header's base64.
 */
export function secretScrubber(secrets: string[], basicHeaderValues: string[] = []): (line: string) => string {
  const needles = [...secrets.filter((s) => !PUBLIC_DEFAULT_SECRETS.has(s)), ...basicHeaderValues]
    .filter((s) => s.length >= 3)
    .sort((a, b) => b.length - a.length);
  return (line) => needles.reduce((acc, needle) => acc.split(needle).join(REDACTED), line);
}
