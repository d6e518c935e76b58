// HTTP basic auth as a default local Airbyte install has it: its nginx proxy asks for
// `airbyte`/`password` and answers anything else with a plain 401 page.
import { timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { send } from './respond';

export interface BasicCredentials {
  username: string;
  password: string;
}

export function hasValidCredentials(authorization: string | undefined, expected: BasicCredentials): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1], 'base64');
  const wanted = Buffer.from(`${expected.username}:${expected.password}`, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export function sendUnauthorized(response: ServerResponse): void {
  const page =
    '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n' +
    '<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
  send(response, 401, page, {
    'Content-Type': 'text/html',
    'WWW-Authenticate': 'Basic realm="Airbyte"',
  });
}
