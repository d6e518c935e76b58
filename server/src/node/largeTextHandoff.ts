// The text of a large didOpen of a served document, or of a large `airbyte/validateText`
// request (Create Connection's check of a whole file), goes to the validator as raw bytes as
// soon as the body is read, before the server's own thread has decoded it (see
// slicedMessageReader.ts): the worker decodes it in one go, on its own thread, and validates it.
// The server's handler then refers to that text (receivedTexts.ts) instead of sending it again,
// so the main thread never joins and copies 30 MB for it.
import { isUtf8 } from 'node:buffer';
import { isConnectionDocument } from '../../../core/language/documentFilter';
import { ValidateTextRequest } from '../../../core/protocol';
import { markPreloaded } from '../receivedTexts';
import type { DocumentValidator } from '../validator';
import type { LargeMessage, SlicedMessageReaderOptions } from './slicedMessageReader';

interface Handoff {
  /** The object whose `text` it is: the handler finds the mark there. */
  holder: object;
  uri: string;
  version: number;
  text: { start: number; end: number };
}

/** Where the text to hand over is in a large message, if it is one of those two. */
function handoffOf({ message, longStringAt }: LargeMessage): Handoff | undefined {
  const { method, params } = message as { method?: unknown; params?: Record<string, unknown> };
  if (typeof params !== 'object' || params === null) return undefined;
  if (method === 'textDocument/didOpen') {
    const textDocument = params.textDocument;
    if (typeof textDocument !== 'object' || textDocument === null) return undefined;
    const { uri, languageId, version } = textDocument as Record<string, unknown>;
    const text = longStringAt(textDocument, 'text');
    if (!text || longStringAt(textDocument, 'uri') || longStringAt(textDocument, 'languageId')) return undefined; // not decoded yet
    if (typeof uri !== 'string' || typeof version !== 'number' || !isConnectionDocument(uri, typeof languageId === 'string' ? languageId : '')) return undefined;
    return { holder: textDocument, uri, version, text };
  }
  if (method === ValidateTextRequest.method) {
    const text = longStringAt(params, 'text');
    if (!text || typeof params.uri !== 'string' || longStringAt(params, 'uri')) return undefined;
    return { holder: params, uri: params.uri, version: 0, text };
  }
  return undefined;
}

/**
 * The reader's onLargeBody and onLargeMessage: the validator prepares the memory of each large
 * body as it arrives, and is handed the text of a served didOpen or of a validateText request
 * (onLargeMessage returns how to undo that).
 */
export function largeTextHandoff(validator: () => DocumentValidator | undefined): Pick<SlicedMessageReaderOptions, 'onLargeBody' | 'onLargeMessage'> {
  const onLargeBody = (bytes: SharedArrayBuffer, filled: Int32Array) => validator()?.prepare?.(bytes, filled);
  const onLargeMessage = (large: LargeMessage) => {
    const handoff = handoffOf(large);
    const target = validator();
    if (!handoff || !target?.preload) return undefined;
    // Both threads must get the same text: invalid UTF-8 could be decoded differently in slices.
    if (!isUtf8(new Uint8Array(large.bytes, handoff.text.start, handoff.text.end - handoff.text.start))) return undefined;
    const preloaded = target.preload(handoff.uri, handoff.version, large.bytes, handoff.text.start, handoff.text.end);
    markPreloaded(handoff.holder, preloaded);
    return () => target.release?.(preloaded);
  };
  return { onLargeBody, onLargeMessage };
}
