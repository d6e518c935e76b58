// UTF-8 size of a JavaScript string, as Airbyte receives it (a lone surrogate counts as the 3
// bytes of its replacement character).

/** Anything beyond ASCII: only such text needs counting character by character. */
const NON_ASCII = /[^\x00-\x7f]/;

export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
