// One request to the Airbyte API: auth header, timeout that really aborts, caller
// cancellation, no redirect following, a response read as a stream with a byte cap, and a
// scrubbed log of both directions. Everything it returns or logs has been through the scrubber.
import { classifyFailure } from './classifyFailure';
import { classifyResponse } from './classifyResponse';
import { redactBodyText } from './redact';
import { basicCredentials, Scrubber } from './scrub';
import { parseServerUrl, endpointUrl } from './serverUrl';
import type { AirbyteApiError, AirbyteAuth, AirbyteClientConfig, ApiResult, RequestOptions } from './types';

/** Above this, an answer is not Airbyte's JSON for any call this client makes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface ApiCall {
  method: 'GET' | 'POST';
  /** Below the server URL, e.g. `/v1/health`. */
  path: string;
  /** The body as a value: sent as JSON when `bodyText` is absent, and used to place errors. */
  body?: unknown;
  /** The exact text to send (a file's text: `1e999` and big integers must not change on the way). */
  bodyText?: string;
}

export async function requestAirbyte(
  config: AirbyteClientConfig,
  call: ApiCall,
  options: RequestOptions = {},
): Promise<ApiResult<unknown>> {
  const scrubber = config.scrubber ?? new Scrubber();
  rememberSecrets(scrubber, config.auth);
  const log = (line: string) => config.log?.(scrubber.scrub(line));
  const fail = (error: AirbyteApiError): ApiResult<unknown> => ({ ok: false, error: scrubError(error, scrubber) });

  const parsed = parseServerUrl(config.serverUrl);
  const url = endpointUrl(config.serverUrl, call.path);
  if (!parsed.ok || !url) {
    const error = {
      kind: 'invalidServerUrl' as const,
      message: parsed.ok ? 'The server URL is not an http:// or https:// address.' : parsed.message,
      hint: parsed.ok ? 'Set it to the Airbyte API address, e.g. http://localhost:8000/api.' : parsed.hint,
    };
    log(`✗ ${error.kind}: ${error.message}`);
    return fail(error);
  }

  const bodyText = call.bodyText ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  const headers: Record<string, string> = { Accept: 'application/json', ...authorizationHeader(config.auth) };
  if (bodyText !== undefined) headers['Content-Type'] = 'application/json';
  const maxBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

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
  if (bodyText !== undefined) log(`  request body: ${redactBodyText(bodyText, scrubber)}`);
  try {
    const response = await fetch(url, {
      method: call.method,
      headers,
      body: bodyText,
      redirect: 'manual',
      signal: controller.signal,
    });
    const contentType = response.headers.get('content-type');
    log(`← ${response.status} ${response.statusText} in ${Date.now() - started} ms${contentType ? ` (${contentType})` : ''}`);
    const read = await readCapped(response, maxBytes);
    if (!read.ok) {
      const error: AirbyteApiError = {
        kind: 'responseTooLarge',
        status: response.status,
        message: `${url.origin} answered ${response.status} with more than ${formatBytes(maxBytes)}; the answer was not read further.`,
        hint: "No Airbyte API answer to this request is that large: check that the server URL points at the Airbyte API (ending in /api), not at a web page or file server.",
      };
      log(`  response body: ${redactBodyText(read.head, scrubber)}`);
      log(`✗ ${error.kind}: ${error.message}`);
      return fail(error);
    }
    const responseText = read.text;
    if (responseText) log(`  response body: ${redactBodyText(responseText, scrubber)}`);
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
    if (!result.ok) {
      log(`✗ ${result.error.kind}: ${result.error.message}`);
      return fail(result.error);
    }
    return result;
  } catch (failure) {
    const error = classifyFailure(failure, {
      url,
      timedOut,
      cancelled: options.signal?.aborted === true,
      timeoutMs: config.timeoutMs,
    });
    log(`✗ ${error.kind} after ${Date.now() - started} ms: ${error.message}`);
    return fail(error);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardCancel);
  }
}

/** The body as text, or its first bytes when it is larger than `maxBytes` (the rest is never read). */
async function readCapped(response: Response, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; head: string }> {
  if (!response.body) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, head: (parts[0] ?? '') + decoder.decode(value.subarray(0, 4096)) };
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { ok: true, text: parts.join('') };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function rememberSecrets(scrubber: Scrubber, auth: AirbyteAuth): void {
  if (auth.kind === 'basic') scrubber.addBasicCredentials(auth.username, auth.password);
  else if (auth.kind === 'bearer') scrubber.addSecret(auth.token);
}

/** The error with every text the user may see scrubbed (servers echo what they were sent). */
function scrubError(error: AirbyteApiError, scrubber: Scrubber): AirbyteApiError {
  const s = (text: string) => scrubber.scrub(text);
  const scrubbed = { ...error, message: s(error.message), hint: s(error.hint) } as AirbyteApiError;
  if (scrubbed.kind === 'serverError' && scrubbed.serverMessage) scrubbed.serverMessage = s(scrubbed.serverMessage);
  if (scrubbed.kind === 'redirect' && scrubbed.location) scrubbed.location = s(scrubbed.location);
  if (scrubbed.kind === 'validation') {
    scrubbed.issues = scrubbed.issues.map((issue) => ({
      ...issue,
      message: s(issue.message),
      invalidValue: issue.invalidValue === undefined ? undefined : s(issue.invalidValue),
    }));
  }
  return scrubbed;
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
