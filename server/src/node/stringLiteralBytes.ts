// A JSON string literal's UTF-8 bytes read as fast as V8 allows. Reading bytes as Latin-1 is
// about twice as fast as UTF-8 and gives a one-byte string, which JSON.parse also reads about
// twice as fast. For ASCII the two readings are the same text. For other valid UTF-8, every
// character in U+0080..U+00FF of the Latin-1 reading is one byte of a multi-byte character, so
// after JSON.parse those runs are read again as UTF-8 (a catalog is ASCII but for a few names).
// Only an escape that itself gives such a character (`\u00e9`) makes the readings ambiguous:
// then the bytes are read as UTF-8 in one go.

const NON_ASCII_RUN = /[\u0080-\u00ff]+/g;
const LATIN1_ESCAPE = /\\u00[89a-f]/i;

/** The value of the string literal whose bytes (valid UTF-8, quotes included) are `bytes`. */
export function parseStringLiteral(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  if (LATIN1_ESCAPE.test(latin1)) return JSON.parse(bytes.toString('utf8')) as string;
  const value = JSON.parse(latin1) as string;
  NON_ASCII_RUN.lastIndex = 0;
  if (!NON_ASCII_RUN.test(value)) return value;
  return value.replace(NON_ASCII_RUN, (run) => Buffer.from(run, 'latin1').toString('utf8'));
}

/** Whether `bytes` (UTF-8) end inside a multi-byte character: a decoder fed them holds bytes back. */
export function endsInsideCharacter(bytes: Uint8Array): boolean {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: the lead is further back
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > back;
  }
  return false;
}
