// Keeps credentials out of logged bodies. A body is cut to a loggable length first; what is
// left is redacted by key when it is whole JSON (source and destination configs carry passwords
// and API keys), and by the scrubber in every case (echoed secrets, text that is not JSON).
import { REDACTED, Scrubber } from './scrub';

export { REDACTED };
const MAX_LOGGED_BODY = 4000;

const SECRET_KEY =
  /passw(or)?d|passphrase|^pwd$|token|secret|api[-_]?key|private[-_]?key|access[-_]?key|credentials[-_]?json|^authorization$/i;

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

/** A body as it may be logged: truncated, then redacted; linear in the body's length. */
export function redactBodyText(text: string, scrubber: Scrubber = new Scrubber()): string {
  if (text.length > MAX_LOGGED_BODY) return scrubber.scrubTruncated(text, MAX_LOGGED_BODY);
  let keyed = text;
  try {
    keyed = JSON.stringify(redactJson(JSON.parse(text)));
  } catch {
    // not JSON: the scrubber's patterns handle it
  }
  return scrubber.scrub(keyed);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
