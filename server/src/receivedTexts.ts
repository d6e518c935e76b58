// What the transport knows about a large text beyond the message itself, keyed by the object
// that holds it (a didOpen's `textDocument`, a validateText request's params), so that a copy
// of the message is never taken for it:
// - the pieces the text was decoded in: the open document is built from them, never from the
//   30 MB string (reading that string would join it in one long step);
// - that the validator already has the text (PreloadedText), so it is not sent again.
import type { PreloadedText } from './validator';

const pieceMarks = new WeakMap<object, readonly string[]>();
const preloadMarks = new WeakMap<object, PreloadedText>();

export function markPieces(textDocument: object, pieces: readonly string[]): void {
  pieceMarks.set(textDocument, pieces);
}

export function markPreloaded(textDocument: object, preloaded: PreloadedText): void {
  preloadMarks.set(textDocument, preloaded);
}

/** The marks of `textDocument`'s text, each taken once. */
export function takeReceivedText(textDocument: object): { pieces?: readonly string[]; preloaded?: PreloadedText } {
  const pieces = pieceMarks.get(textDocument);
  const preloaded = preloadMarks.get(textDocument);
  pieceMarks.delete(textDocument);
  preloadMarks.delete(textDocument);
  return { pieces, preloaded };
}
