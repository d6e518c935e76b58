// Reads a request body as text, refusing what Micronaut refuses: more than its default
// `max-request-size` (10 MiB), which Airbyte v0.44.3 does not raise.
import type { IncomingMessage } from 'node:http';
import { micronautError } from '../errors';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(request: IncomingMessage, href: string): Promise<string> {
  const declared = Number(request.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when refusing, so the client reads the answer instead of a reset.
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  if (size > MAX_BODY_BYTES || declared > MAX_BODY_BYTES) throw tooLarge(Math.max(size, declared || 0), href);
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(size: number, href: string) {
  return micronautError(413, 'Request Entity Too Large', href, `The content length [${size}] exceeds the maximum allowed content length [${MAX_BODY_BYTES}]`);
}
