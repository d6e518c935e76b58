// Writes responses, quietly giving up when the client has already gone (cancel tests do that).
import type { ServerResponse } from 'node:http';

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(response, status, JSON.stringify(body ?? null), { 'Content-Type': 'application/json', ...headers });
}

export function send(response: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  if (response.destroyed || response.headersSent) return;
  response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  response.end(text);
}
