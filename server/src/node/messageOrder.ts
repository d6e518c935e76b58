// Which incoming message may be handled before earlier ones that are still being decoded (a
// 30 MB didOpen takes a while to decode without blocking). The rule:
//
//   A message may overtake the messages ahead of it only when it is about one text document
//   (`params.textDocument.uri`) and every message ahead of it is about another, single, text
//   document. `$/cancelRequest` may overtake anything but the request it cancels. A response
//   (to a request of this server's) may overtake anything.
//
// So everything about the same document, and every other request or notification not about one
// document (initialize, shutdown, exit, configuration changes, custom requests), keeps the order
// it was sent in; a completion in a small file does not wait for the decode of another file's
// didOpen. LSP allows this: answers may be reordered when that does not change them, and what
// this server answers about one document never depends on another document's text. A response
// comes whenever the client is done with the request, so nothing can rely on its place among
// the client's other messages; letting it through means a completion waiting for settings
// (workspace/configuration) is not held up behind another file's open.

import { isPlainObject } from '../../../core/json/plainObject';

/** What the rule needs to know about one message. */
export interface OrderKey {
  /** `params.textDocument.uri`, when the message is about one text document. */
  document?: string;
  /** The id of a request (a message with a method and an id). */
  requestId?: string | number;
  /** The id a `$/cancelRequest` cancels. */
  cancels?: string | number;
  /** A response to one of this server's requests. */
  response?: true;
}

export function orderKeyOf(message: unknown): OrderKey {
  if (isPlainObject(message) && message.method === undefined && message.id !== undefined && ('result' in message || 'error' in message)) return { response: true };
  if (!isPlainObject(message) || typeof message.method !== 'string') return {};
  const params = message.params;
  const id = message.id;
  const requestId = typeof id === 'string' || typeof id === 'number' ? id : undefined;
  if (message.method === '$/cancelRequest') {
    const cancels = isPlainObject(params) && (typeof params.id === 'string' || typeof params.id === 'number') ? params.id : undefined;
    return cancels === undefined ? {} : { cancels };
  }
  const textDocument = isPlainObject(params) ? params.textDocument : undefined;
  const document = isPlainObject(textDocument) && typeof textDocument.uri === 'string' ? textDocument.uri : undefined;
  return { document, requestId };
}

/** Whether a message keyed `key` may be handled before all of `ahead` (the messages still waiting before it). */
export function mayOvertake(key: OrderKey, ahead: readonly OrderKey[]): boolean {
  if (key.response) return true;
  if (key.cancels !== undefined) return ahead.every((a) => a.requestId !== key.cancels);
  if (key.document === undefined) return false;
  return ahead.every((a) => a.document !== undefined && a.document !== key.document);
}
