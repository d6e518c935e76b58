// The server URL as users type it, its one canonical form, and the URLs derived from it.
//
// The canonical form names a server for everything remembered about it (stored credentials,
// consent, the duplicate guard): scheme, lowercase host with every loopback name as
// `localhost`, the port only when it is not the scheme's default, the path without trailing
// slashes. `http://127.0.0.1:8000/api/` and `HTTP://LocalHost:8000/api` are one server.

/**
 * Loopback, as this extension decides it: exactly `localhost`, `127.0.0.1` and `::1`. Other
 * 127.x.y.z addresses are treated as remote on purpose: the decision only ever errs on the
 * side of asking the user.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export type ParsedServerUrl =
  | { ok: true; url: URL; canonical: string }
  | { ok: false; reason: 'notHttp' | 'userInfo'; message: string; hint: string };

/** Parses a configured server URL; refuses non-http(s) URLs and URLs carrying user information. */
export function parseServerUrl(serverUrl: string): ParsedServerUrl {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    return notHttp();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return notHttp();
  if (url.username || url.password) {
    return {
      ok: false,
      reason: 'userInfo',
      message: 'The server URL contains a user name or password, which would leak into logs and history, so nothing was sent.',
      hint: 'Remove the “user:password@” part from airbyte.serverUrl and store the password with “Airbyte: Set Credentials” instead.',
    };
  }
  url.hash = '';
  return { ok: true, url, canonical: canonicalOf(url) };
}

function notHttp(): ParsedServerUrl {
  return {
    ok: false,
    reason: 'notHttp',
    message: 'The server URL is not an http:// or https:// address.',
    hint: 'Set airbyte.serverUrl to the Airbyte API address, e.g. http://localhost:8000/api.',
  };
}

function canonicalOf(url: URL): string {
  const host = isLoopbackHost(url.hostname) ? 'localhost' : url.hostname.toLowerCase();
  // URL already drops the scheme's default port.
  const port = url.port ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${host}${port}${path}${url.search}`;
}

/** The canonical form of a server URL; URLs that are not valid server URLs keep a trimmed form. */
export function normalizeServerUrl(serverUrl: string): string {
  const parsed = parseServerUrl(serverUrl);
  return parsed.ok ? parsed.canonical : serverUrl.trim().replace(/\/+$/, '');
}

/** Whether `hostname` (as URL.hostname gives it) is this machine by our definition. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** Plain http:// to a host that is not loopback: credentials would cross the network readable. */
export function isInsecureRemote(serverUrl: string): boolean {
  const parsed = parseServerUrl(serverUrl);
  return parsed.ok && parsed.url.protocol === 'http:' && !isLoopbackHost(parsed.url.hostname);
}

export function isLoopbackServer(serverUrl: string): boolean {
  const parsed = parseServerUrl(serverUrl);
  return parsed.ok && isLoopbackHost(parsed.url.hostname);
}

/** `{serverUrl}{path}`, or undefined when the server URL is not a usable server URL. */
export function endpointUrl(serverUrl: string, path: string): URL | undefined {
  const parsed = parseServerUrl(serverUrl);
  if (!parsed.ok) return undefined;
  const base = parsed.url;
  return new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${path}${base.search}`);
}

/** The web app's base URL: the configured one, or the server URL without its trailing `/api`. */
export function webAppUrl(serverUrl: string, configuredWebAppUrl?: string): string {
  const configured = configuredWebAppUrl?.trim();
  if (configured) return trimSlashes(configured);
  return trimSlashes(serverUrl).replace(/\/api$/, '');
}

/** Where the Airbyte web app shows a connection. */
export function connectionPageUrl(webApp: string, workspaceId: string, connectionId: string): string {
  return `${trimSlashes(webApp)}/workspaces/${encodeURIComponent(workspaceId)}/connections/${encodeURIComponent(connectionId)}`;
}

/** The URL as typed, without surrounding whitespace and trailing slashes: what requests use. */
export function trimSlashes(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
