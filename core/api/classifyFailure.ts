// Turns a request that got no HTTP answer (refused, unresolvable, aborted, TLS…) into an error.
import type { AirbyteApiError } from './types';

export interface FailureContext {
  url: URL;
  /** The caller's signal aborted the request. */
  cancelled: boolean;
  /** Our own timer aborted the request. */
  timedOut: boolean;
  timeoutMs: number;
}

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|^EPROTO$/i;

export function classifyFailure(failure: unknown, context: FailureContext): AirbyteApiError {
  const { url } = context;
  if (context.timedOut) return timeoutError(context);
  if (context.cancelled) {
    return {
      kind: 'cancelled',
      message: `The request to ${url.origin} was cancelled.`,
      hint: 'If it had already reached Airbyte, the connection may exist anyway: check Airbyte before creating it again.',
    };
  }
  const code = errorCode(failure);
  const detail = describe(failure);
  switch (code) {
    case 'ECONNREFUSED':
      return {
        kind: 'connectionRefused',
        message: `Nothing is listening at ${url.host} (connection refused).`,
        hint: 'Check that Airbyte is running and that the server URL (host and port) is right.',
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return {
        kind: 'dnsFailure',
        message: `The host name “${url.hostname}” could not be resolved (${code}).`,
        hint: 'Check the host name in the server URL, and your network or VPN connection.',
      };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return timeoutError(context);
  }
  if (code && TLS_CODES.test(code)) {
    return {
      kind: 'network',
      message: `The secure connection to ${url.host} failed: ${detail}.`,
      hint:
        code === 'EPROTO' || /wrong version/i.test(detail)
          ? 'The server may not speak HTTPS on this port: check http:// versus https:// in the server URL.'
          : "The server's certificate is not trusted here: use a trusted certificate, or the http:// address on a private network.",
    };
  }
  return {
    kind: 'network',
    message: `The request to ${url.origin} failed: ${detail}.`,
    hint:
      code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
        ? 'The server closed the connection: check that the server URL points at Airbyte (http:// versus https://, port) and that Airbyte is healthy.'
        : 'Check the server URL and your network connection; the log has the details.',
  };
}

function timeoutError(context: FailureContext): AirbyteApiError {
  const seconds = Math.round(context.timeoutMs / 100) / 10;
  return {
    kind: 'timeout',
    message: `Airbyte at ${context.url.origin} did not answer within ${seconds} s.`,
    hint: 'The server may be overloaded or unreachable: try again, or allow more time for requests.',
  };
}

/** The first system error code along the `cause` / `errors` chain (fetch wraps them). */
export function errorCode(failure: unknown, depth = 0): string | undefined {
  if (!failure || typeof failure !== 'object' || depth > 5) return undefined;
  const { code, cause, errors } = failure as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && code) return code;
  const fromCause = errorCode(cause, depth + 1);
  if (fromCause) return fromCause;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const fromInner = errorCode(inner, depth + 1);
      if (fromInner) return fromInner;
    }
  }
  return undefined;
}

/** The innermost message, which is the informative one (`fetch failed` is not). */
function describe(failure: unknown): string {
  let current: unknown = failure;
  let message = 'unknown error';
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const text = (current as { message?: unknown }).message;
    if (typeof text === 'string' && text) message = text;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}
