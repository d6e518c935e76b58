// Which didOpen carries a text the validator already has (see PreloadedText): the transport marks
// the message's `textDocument` object, the open-documents handler takes the mark. Keyed by the
// object itself, so a message decoded again (a copy) is never taken for the marked one.
import type { PreloadedText } from './validator';

const marks = new WeakMap<object, PreloadedText>();

export function markPreloaded(textDocument: object, preloaded: PreloadedText): void {
  marks.set(textDocument, preloaded);
}

export function takePreloaded(textDocument: object): PreloadedText | undefined {
  const preloaded = marks.get(textDocument);
  marks.delete(textDocument);
  return preloaded;
}
