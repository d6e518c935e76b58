// A large didOpen of a served document hands its text to the validator as raw bytes as soon as
// the body is read, before the server's own thread has decoded it (see slicedMessageReader.ts):
// the worker decodes it in one go, on its own thread, and validates it ahead of the open. The
// server's didOpen then refers to that text (receivedTexts.ts) instead of sending it again.
import { isUtf8 } from 'node:buffer';
import { isConnectionDocument } from '../../../core/language/documentFilter';
import { markPreloaded } from '../receivedTexts';
import type { DocumentValidator } from '../validator';
import type { LargeMessage, SlicedMessageReaderOptions } from './slicedMessageReader';

/**
 * The reader's onLargeBody and onLargeMessage: the validator prepares the memory of each large
 * body as it arrives, and is handed the text of a served didOpen (onLargeMessage returns how to
 * undo that).
 */
export function didOpenPreload(validator: () => DocumentValidator | undefined): Pick<SlicedMessageReaderOptions, 'onLargeBody' | 'onLargeMessage'> {
  const onLargeBody = (bytes: SharedArrayBuffer, filled: Int32Array) => validator()?.prepare?.(bytes, filled);
  const onLargeMessage = ({ message, bytes, longStringAt }: LargeMessage) => {
    const { method, params } = message as { method?: unknown; params?: { textDocument?: unknown } };
    const textDocument = params?.textDocument;
    if (method !== 'textDocument/didOpen' || typeof textDocument !== 'object' || textDocument === null) return undefined;
    const { uri, languageId, version } = textDocument as Record<string, unknown>;
    const text = longStringAt(textDocument, 'text');
    const target = validator();
    if (!text || !target?.preload || longStringAt(textDocument, 'uri') || longStringAt(textDocument, 'languageId')) return undefined; // not decoded yet
    if (typeof uri !== 'string' || typeof version !== 'number' || !isConnectionDocument(uri, typeof languageId === 'string' ? languageId : '')) return undefined;
    // Both threads must get the same text: invalid UTF-8 could be decoded differently in slices.
    if (!isUtf8(new Uint8Array(bytes, text.start, text.end - text.start))) return undefined;
    const preloaded = target.preload(uri, version, bytes, text.start, text.end);
    markPreloaded(textDocument, preloaded);
    return () => target.release?.(preloaded);
  };
  return { onLargeBody, onLargeMessage };
}
