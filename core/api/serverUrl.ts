// The server URL as users type it, and the URLs derived from it.

/** Trims whitespace and trailing slashes, so `…/api/` and `…/api` are the same server. */
export function normalizeServerUrl(serverUrl: string): string {
  return serverUrl.trim().replace(/\/+$/, '');
}

/** `{serverUrl}{path}`, or undefined when the server URL is not an absolute http(s) URL. */
export function endpointUrl(serverUrl: string, path: string): URL | undefined {
  let base: URL;
  try {
    base = new URL(normalizeServerUrl(serverUrl));
  } catch {
    return undefined;
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return undefined;
  return new URL(`${base.href.replace(/\/+$/, '')}${path}`);
}

/** The web app's base URL: the configured one, or the server URL without its trailing `/api`. */
export function webAppUrl(serverUrl: string, configuredWebAppUrl?: string): string {
  const configured = configuredWebAppUrl?.trim();
  if (configured) return normalizeServerUrl(configured);
  return normalizeServerUrl(serverUrl).replace(/\/api$/, '');
}

/** Where the Airbyte web app shows a connection. */
export function connectionPageUrl(webApp: string, workspaceId: string, connectionId: string): string {
  return `${normalizeServerUrl(webApp)}/workspaces/${encodeURIComponent(workspaceId)}/connections/${encodeURIComponent(connectionId)}`;
}
