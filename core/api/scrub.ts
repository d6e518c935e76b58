// The one scrubber for text that leaves the extension (log lines, notifications, diagnostics,
// thrown errors). It removes, in time linear in the text:
//  - user information in URLs (`https://user:secret@host` -> `https://«redacted»@host`);
//  - values written after a secret-looking key (`"password": "x"`, `token=x`, `Authorization: …`);
//  - every known secret (stored passwords and tokens, basic-auth header values), wherever it
//    appears, including a secret cut in half at the end of truncated text.
// Everything here is a hand-written scan or a regular expression without nested or adjacent
// unbounded repetition, so adversarial input (a 1 MB page of `token=` or `a://`) stays linear.

export const REDACTED = '«redacted»';

// Airbyte's documented local default: scrubbing the word from every line would only garble
// the log (every `"password"` key), and there is nothing to hide.
const PUBLIC_DEFAULT_SECRETS = new Set(['password']);
const MIN_SECRET_LENGTH = 3;

const WORD = /[\w-]+/g;
const SECRET_WORD = /passw(?:or)?d|passphrase|token|secret|api[-_]?key|private[-_]?key|access[-_]?key|authorization|cookie/i;
const HEADER_LIKE = /authorization|cookie/i;

export class Scrubber {
  private readonly needles = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const secret of secrets) this.addSecret(secret);
  }

  /** Remembers a secret so that it is removed wherever it appears from now on. */
  addSecret(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || PUBLIC_DEFAULT_SECRETS.has(secret)) return;
    this.needles.add(secret);
  }

  /** Basic credentials travel as the base64 of `user:password`: remember that form too. */
  addBasicCredentials(username: string, password: string): void {
    if (PUBLIC_DEFAULT_SECRETS.has(password)) return;
    this.addSecret(password);
    this.addSecret(basicCredentials(username, password));
  }

  scrub(text: string): string {
    return scrubKnownSecrets(scrubSecretAssignments(scrubUrlUserInfo(text)), this.sortedNeedles());
  }

  /** Cuts `text` to `max` characters first, then scrubs what is left. */
  scrubTruncated(text: string, max: number): string {
    if (text.length <= max) return this.scrub(text);
    const kept = dropSecretPrefixAtEnd(text.slice(0, max), this.sortedNeedles());
    return `${this.scrub(kept)}… (${text.length - max} more characters)`;
  }

  private sortedNeedles(): string[] {
    return [...this.needles].sort((a, b) => b.length - a.length);
  }
}

export function basicCredentials(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

/** Scrubs with no known secrets: URLs' user information and secret-looking assignments. */
export function scrubText(text: string): string {
  return new Scrubber().scrub(text);
}

/** `scheme://user:pass@host` -> `scheme://«redacted»@host`; one pass over the text. */
export function scrubUrlUserInfo(text: string): string {
  let out = '';
  let copied = 0;
  let from = 0;
  for (;;) {
    const scheme = text.indexOf('://', from);
    if (scheme === -1) break;
    const start = scheme + 3;
    let end = start;
    let at = -1;
    // The authority ends at the first `/`, `?`, `#`, whitespace or quote; the scan never passes
    // the next `://`, so every character is looked at a bounded number of times.
    while (end < text.length && !isAuthorityEnd(text.charCodeAt(end))) {
      if (text.charCodeAt(end) === 64 /* @ */) at = end;
      end++;
    }
    if (at > start) {
      out += text.slice(copied, start) + REDACTED;
      copied = at;
    }
    from = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

function isAuthorityEnd(code: number): boolean {
  // / ? # " ' < > ` whitespace and control characters
  return (
    code === 47 || code === 63 || code === 35 || code === 34 || code === 39 || code === 60 || code === 62 || code === 96 || code <= 32
  );
}

/** Values after secret-looking keys: `"password": "x"`, `api_key=x`, `Authorization: Basic x`. */
export function scrubSecretAssignments(text: string): string {
  const cuts: [number, number][] = [];
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(text))) {
    const word = match[0];
    if (!SECRET_WORD.test(word)) continue;
    let i = match.index + word.length;
    if (text[i] === '"' || text[i] === "'") i++;
    i = skipBlanks(text, i);
    if (text[i] !== ':' && text[i] !== '=') continue;
    i = skipBlanks(text, i + 1);
    const value = valueRange(text, i, HEADER_LIKE.test(word));
    if (!value) continue;
    cuts.push(value);
    WORD.lastIndex = Math.max(value[1], WORD.lastIndex);
  }
  if (cuts.length === 0) return text;
  let out = '';
  let copied = 0;
  for (const [start, end] of cuts) {
    out += text.slice(copied, start) + REDACTED;
    copied = end;
  }
  return out + text.slice(copied);
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Where the value starting at `i` ends; quotes are kept, only their content is cut. */
function valueRange(text: string, i: number, toEndOfLine: boolean): [number, number] | undefined {
  const quote = text[i];
  if (quote === '"' || quote === "'") {
    let j = i + 1;
    while (j < text.length && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
    // An unterminated quote hides everything after it (never scanned twice).
    if (j >= text.length) return j > i + 1 ? [i + 1, text.length] : undefined;
    return j > i + 1 ? [i + 1, j] : undefined;
  }
  let j = i;
  if (toEndOfLine) {
    while (j < text.length && text[j] !== '\n' && text[j] !== '\r' && text[j] !== '"' && text[j] !== "'") j++;
  } else {
    while (j < text.length && !/[\s&,;}{[\]"']/.test(text[j])) j++;
  }
  return j > i ? [i, j] : undefined;
}

function scrubKnownSecrets(text: string, needles: string[]): string {
  let out = text;
  for (const needle of needles) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
  return out;
}

/** Truncated text may end in the first part of a secret: drop that part. */
function dropSecretPrefixAtEnd(text: string, needles: string[]): string {
  for (const needle of needles) {
    for (let length = Math.min(needle.length - 1, text.length); length >= MIN_SECRET_LENGTH; length--) {
      if (text.endsWith(needle.slice(0, length))) return text.slice(0, text.length - length) + REDACTED;
    }
  }
  return text;
}
