// Reads a request body as text, refusing anything unreasonably large for a config API.
import type { IncomingMessage } from 'node:http';
import { knownException } from '../errors';

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw knownException(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
