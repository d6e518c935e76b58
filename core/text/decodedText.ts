// A large text as a decoder hands it over when one character outside ASCII would make the whole
// text a two-byte string in V8 (twice the memory, and one more 30 MB copy to make it): the text
// in pieces, each a one-byte string but those that hold such characters, and a string of the
// same structure to scan for it.

export interface DecodedText {
  /** The text, in order. */
  pieces: readonly string[];
  /**
   * A string with the text's brackets, quotes, line breaks and ASCII at the same places, but
   * some characters outside ASCII written as more than one character (so offsets after them
   * differ): scans of the text's structure read it, and map what they find with `toText`.
   */
  structure: string;
  /** `structure` is the Latin-1 reading of the text's UTF-8 bytes: each character outside ASCII is one byte. */
  structureIsLatin1: boolean;
  /** The offset in the text of an offset in `structure` that is not inside such a character. */
  toText(offset: number): number;
}
