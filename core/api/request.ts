// One request to the Airbyte API: auth header, timeout that really aborts, caller
// cancellation, no redirect following, and a redacted log of both directions.
import { classifyFailure } from './classifyFailure';
import { classifyResponse } from './classifyResponse';
import { redactBodyText, secretScrubber } from './redact';
import { endpointUrl } from './serverUrl';
import type { AirbyteAuth, AirbyteClientConfig, ApiResult, RequestOptions } from './types';

export interface ApiCall {
  method: 'GET' | 'POST';
  /** Below the server URL, e.g. `/v1/health`. */
  path: string;
  /** Sent as JSON; omitted (no body at all) when undefined. */
  body?: unknown;
}

export async function requestAirbyte(
  config: AirbyteClientConfig,
  call: ApiCall,
  options: RequestOptions = {},
): Promise<ApiResult<unknown>> {
  const log = redactingLog(config);
  const url = endpointUrl(config.serverUrl, call.path);
  if (!url) {
    const error = {
      kind: 'invalidServerUrl' as const,
      message: `The server URL “${config.serverUrl}” is not an http:// or https:// address.`,
      hint: 'Set it to the Airbyte API address, e.g. http://localhost:8000/api.',
    };
    log(`✗ ${error.kind}: ${error.message}`);
    return { ok: false, error };
  }

  const bodyText = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: Record<string, string> = { Accept: 'application/json', ...authorizationHeader(config.auth) };
  if (bodyText !== undefined) headers['Content-Type'] = 'application/json';

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);
  const forwardCancel = () => controller.abort();
  options.signal?.addEventListener('abort', forwardCancel, { once: true });
  if (options.signal?.aborted) controller.abort();

  const started = Date.now();
  log(`→ ${call.method} ${url.href} (${describeAuth(config.auth)}, timeout ${config.timeoutMs} ms)`);
  if (bodyText !== undefined) log(`  request body: ${redactBodyText(bodyText)}`);
  try {
    const response = await fetch(url, {
      method: call.method,
      headers,
      body: bodyText,
      redirect: 'manual',
      signal: controller.signal,
    });
    const responseText = await response.text();
    const contentType = response.headers.get('content-type');
    log(`← ${response.status} ${response.statusText} in ${Date.now() - started} ms${contentType ? ` (${contentType})` : ''}`);
    if (responseText) log(`  response body: ${redactBodyText(responseText)}`);
    const result = classifyResponse(
      {
        url,
        status: response.status,
        statusText: response.statusText,
        location: response.headers.get('location'),
        contentType,
        bodyText: responseText,
      },
      { auth: config.auth, submitted: call.body },
    );
    if (!result.ok) log(`✗ ${result.error.kind}: ${result.error.message}`);
    return result;
  } catch (failure) {
    const error = classifyFailure(failure, {
      url,
      timedOut,
      cancelled: options.signal?.aborted === true,
      timeoutMs: config.timeoutMs,
    });
    log(`✗ ${error.kind} after ${Date.now() - started} ms: ${error.message}`);
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardCancel);
  }
}

function authorizationHeader(auth: AirbyteAuth): Record<string, string> {
  switch (auth.kind) {
    case 'none':
      return {};
    case 'basic':
      return { Authorization: `Basic ${basicCredentials(auth.username, auth.password)}` };
    case 'bearer':
      return { Authorization: `Bearer ${auth.token}` };
  }
}

function basicCredentials(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}

function describeAuth(auth: AirbyteAuth): string {
  switch (auth.kind) {
    case 'none':
      return 'no authentication';
    case 'basic':
      return `basic auth as “${auth.username}”`;
    case 'bearer':
      return 'bearer token';
  }
}

/** The configured log, with every form of the configured secret scrubbed from each line. */
function redactingLog(config: AirbyteClientConfig): (line: string) => void {
  const sink = config.log;
  if (!sink) return () => undefined;
  const { auth } = config;
  const scrub =
    auth.kind === 'basic'
      ? secretScrubber([auth.password], [basicCredentials(auth.username, auth.password)])
      : auth.kind === 'bearer'
        ? secretScrubber([auth.token])
        : (line: string) => line;
  return (line) => sink(scrub(line));
}
