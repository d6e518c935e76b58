// Refuses requests whose Host header names a host this server does not answer to. A web page
// can make a browser talk to 127.0.0.1 through a name it controls (DNS rebinding); such
// requests carry that name in Host. IP literals and `localhost` cannot be rebound.
import { isIP } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from './respond';

export function isAllowedHost(request: IncomingMessage, extraHosts: readonly string[] = []): boolean {
  const header = request.headers.host;
  if (!header) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return true;
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  return extraHosts.some((allowed) => allowed.toLowerCase() === hostname);
}

export function sendInvalidHost(response: ServerResponse): void {
  send(response, 403, 'Invalid Host header\n', { 'Content-Type': 'text/plain' });
}
