// Turns an HTTP answer into a result: the parsed JSON on 2xx, otherwise an error that says
// what the answer means for someone creating a connection, and what to do next.
import { findIdField, findIdInMessage, guessPathFromMessage, mapPropertyPath, pathFromConversionMessage } from './bodyPaths';
import { truncate } from './redact';
import type { AirbyteApiError, AirbyteAuth, ApiResult, ValidationIssue } from './types';

export interface HttpAnswer {
  url: URL;
  status: number;
  statusText: string;
  location?: string | null;
  contentType?: string | null;
  bodyText: string;
}

export interface RequestContext {
  auth: AirbyteAuth;
  /** The body that was sent, to map ids and property paths back into it. */
  submitted?: unknown;
}

const MAX_SERVER_MESSAGE = 500;

export function classifyResponse(answer: HttpAnswer, context: RequestContext): ApiResult<unknown> {
  const error = classifyStatus(answer, context);
  if (error) return { ok: false, error };
  return { ok: true, value: parseJson(answer.bodyText) };
}

function classifyStatus(answer: HttpAnswer, context: RequestContext): AirbyteApiError | undefined {
  const { status, url } = answer;
  const statusLine = `${status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
  const where = url.origin;

  if (status >= 300 && status < 400) return redirectError(answer, statusLine);
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      message: `Airbyte at ${where} refused the request's credentials (${statusLine}).`,
      hint: unauthorizedHint(context.auth),
    };
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      status,
      message: `Airbyte at ${where} accepted the credentials but does not allow this request (${statusLine}).`,
      hint: 'Use an account or token that may create connections in this workspace, or ask your Airbyte administrator.',
    };
  }

  const json = parseJson(answer.bodyText);
  const serverMessage = messageOf(json);

  if (status >= 500) return serverError(answer, statusLine, serverMessage ?? htmlTitle(answer.bodyText));
  if (json === undefined) return notJsonError(answer, statusLine);
  if (status >= 200 && status < 300) return undefined;
  if (status === 404) return notFoundError(json, serverMessage, statusLine, context.submitted);
  if (status === 422 || (status === 400 && hasValidationErrors(json))) {
    return validationError(status, json, serverMessage, statusLine, context.submitted);
  }
  if (status === 400 && micronautErrors(json).length > 0) return conversionError(json, statusLine, context.submitted);
  if (status === 413) {
    return {
      kind: 'badRequest',
      status,
      message: `Airbyte refused the request because it is too large (${statusLine})${micronautErrors(json)[0] ? `: ${micronautErrors(json)[0]}` : '.'}`,
      hint: 'Airbyte v0.44.3 accepts bodies up to 10 MiB (Micronaut\'s max-request-size). Select fewer streams, or raise MICRONAUT_SERVER_MAX_REQUEST_SIZE on the Airbyte server.',
    };
  }
  if (status === 400) {
    return {
      kind: 'badRequest',
      status,
      message: `Airbyte could not read the request (${statusLine})${serverMessage ? `: ${serverMessage}` : '.'}`,
      hint: 'Check that the file is a WebBackendConnectionCreate body for Airbyte v0.44 (property names, types, enum values).',
    };
  }
  return {
    kind: 'unexpectedStatus',
    status,
    message: `The server answered ${statusLine}${serverMessage ? `: ${serverMessage}` : ''}, which Airbyte's API does not answer to this request.`,
    hint: 'Check that the server URL points at the Airbyte API (ending in /api) and look at the log for the full answer.',
  };
}

function unauthorizedHint(auth: AirbyteAuth): string {
  switch (auth.kind) {
    case 'none':
      return 'The server needs authentication: use basic authentication (user and password) or a bearer token.';
    case 'basic':
      return `Check the user name “${auth.username}” and the password stored for this server.`;
    case 'bearer':
      return 'Check the token stored for this server; it may have expired.';
  }
}

function redirectError(answer: HttpAnswer, statusLine: string): AirbyteApiError {
  const location = answer.location ?? undefined;
  let target: URL | undefined;
  try {
    target = location ? new URL(location, answer.url) : undefined;
  } catch {
    target = undefined;
  }
  let hint: string;
  if (target && answer.url.protocol === 'http:' && target.protocol === 'https:' && target.host === answer.url.host) {
    hint = 'The server only answers over HTTPS: use the https:// address as the server URL.';
  } else if (target && /login|auth|sso|oauth|signin|sign-in|saml|oidc/i.test(target.href)) {
    hint =
      'An authentication proxy sits in front of Airbyte: use an address that reaches the API directly, or a bearer token the proxy accepts.';
  } else {
    hint = 'If the new address is the Airbyte API, use it as the server URL; redirects are not followed so credentials are not sent elsewhere.';
  }
  return {
    kind: 'redirect',
    status: answer.status,
    location: target?.href ?? location,
    message: `The server redirected the request (${statusLine}) to ${target?.href ?? location ?? 'an unspecified address'} instead of answering.`,
    hint,
  };
}

function serverError(answer: HttpAnswer, statusLine: string, serverMessage: string | undefined): AirbyteApiError {
  const gateway = answer.status === 502 || answer.status === 503 || answer.status === 504;
  return {
    kind: 'serverError',
    status: answer.status,
    serverMessage,
    message: gateway
      ? `Airbyte at ${answer.url.origin} is unavailable (${statusLine})${serverMessage ? `: ${serverMessage}` : '.'}`
      : `Airbyte at ${answer.url.origin} failed while handling the request (${statusLine})${serverMessage ? `: ${serverMessage}` : '.'}`,
    hint: gateway
      ? 'Airbyte or a proxy in front of it is not ready: wait until it has started and try again.'
      : 'This is a problem on the server side: try again, and if it persists look at the Airbyte server logs.',
  };
}

function notJsonError(answer: HttpAnswer, statusLine: string): AirbyteApiError {
  const title = htmlTitle(answer.bodyText);
  const isHtml = /html/i.test(answer.contentType ?? '') || /^\s*</.test(answer.bodyText);
  const what = !answer.bodyText.trim()
    ? 'an empty answer'
    : isHtml
      ? `an HTML page${title ? ` (“${title}”)` : ''}`
      : `${answer.contentType ? `“${answer.contentType}” content` : 'content'} that is not JSON`;
  return {
    kind: 'notJson',
    status: answer.status,
    message: `${answer.url.origin} answered ${statusLine} with ${what} instead of Airbyte's JSON.`,
    hint: 'The server URL probably points at the web app, a login page or a proxy rather than the API: it should be the API address ending in /api, e.g. http://localhost:8000/api.',
  };
}

function notFoundError(
  json: unknown,
  serverMessage: string | undefined,
  statusLine: string,
  submitted: unknown,
): AirbyteApiError {
  const reportedId = typeof (json as { id?: unknown })?.id === 'string' ? (json as { id: string }).id : undefined;
  const located = reportedId
    ? { id: reportedId, field: findIdField(submitted, reportedId) }
    : findIdInMessage(serverMessage ?? '', submitted);
  const field = located?.field;
  if (located && field) {
    const what = field[0] === 'sourceId' ? 'source' : field[0] === 'destinationId' ? 'destination' : 'operation';
    return {
      kind: 'notFound',
      status: 404,
      id: located.id,
      field,
      message: `Airbyte has no ${what} with id ${located.id} (${statusLine}).`,
      hint: `Use the id of an existing ${what} in this workspace, or create the ${what} in Airbyte first.`,
    };
  }
  return {
    kind: 'notFound',
    status: 404,
    id: located?.id,
    message: `Airbyte answered ${statusLine}${serverMessage ? `: ${serverMessage}` : '.'}`,
    hint: located?.id
      ? 'Check that the ids in the file exist on this server.'
      : 'Check that the server URL points at the Airbyte API (ending in /api) and that the ids in the file exist on this server.',
  };
}

function validationError(
  status: number,
  json: unknown,
  serverMessage: string | undefined,
  statusLine: string,
  submitted: unknown,
): AirbyteApiError {
  const reported = hasValidationErrors(json) ? json.validationErrors : [];
  const issues: ValidationIssue[] = reported.map((entry) => {
    const propertyPath = typeof entry?.propertyPath === 'string' ? entry.propertyPath : '';
    const message = typeof entry?.message === 'string' && entry.message ? entry.message : 'is invalid';
    return {
      propertyPath,
      message,
      invalidValue: entry?.invalidValue === undefined || entry.invalidValue === null ? undefined : String(entry.invalidValue),
      path: propertyPath ? mapPropertyPath(propertyPath, submitted) : guessPathFromMessage(message, submitted),
    };
  });
  if (issues.length === 0) {
    const message = serverMessage ?? 'The connection is invalid.';
    issues.push({ propertyPath: '', message, path: guessPathFromMessage(message, submitted) });
  }
  const summary =
    issues.length === 1
      ? describeIssue(issues[0])
      : `${issues.length} problems, first: ${describeIssue(issues[0])}`;
  return {
    kind: 'validation',
    status,
    issues,
    message: `Airbyte rejected the connection (${statusLine}): ${summary}`,
    hint: 'Fix the marked properties and create the connection again.',
  };
}

/**
 * Micronaut's 400 (`{"message":"Bad Request","_embedded":{"errors":[{"message":…}]}}`): the
 * body could not be bound. Each embedded message is an issue, placed on the property whose
 * value it names when that is unambiguous.
 */
function conversionError(json: unknown, statusLine: string, submitted: unknown): AirbyteApiError {
  const issues: ValidationIssue[] = micronautErrors(json).map((message) => ({
    propertyPath: '',
    message: truncate(readableConversion(message), MAX_SERVER_MESSAGE),
    path: pathFromConversionMessage(message, submitted) ?? [],
  }));
  return {
    kind: 'validation',
    status: 400,
    issues,
    message: `Airbyte could not read the request (${statusLine}): ${describeIssue(issues[0])}`,
    hint: 'Fix the marked value (a malformed id, an unknown enum value or a value of the wrong type) and create the connection again.',
  };
}

/** `Failed to convert argument [x] for value [null] due to: Cannot …` -> `Cannot …`, without Jackson's location. */
function readableConversion(message: string): string {
  return message
    .replace(/^Failed to convert argument \[[^\]]*\] for value \[[^\]]*\] due to: /, '')
    .replace(/\s*\(through reference chain: [^)]*\)\s*$/, '')
    .replace(/\s+at \[Source: [\s\S]*?; line: \d+, column: \d+\]/, '')
    .trim();
}

function micronautErrors(json: unknown): string[] {
  const errors = (json as { _embedded?: { errors?: unknown } } | null)?._embedded?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => (e as { message?: unknown } | null)?.message).filter((m): m is string => typeof m === 'string' && m.trim() !== '');
}

function describeIssue(issue: ValidationIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

type ValidationEntry = { propertyPath?: unknown; message?: unknown; invalidValue?: unknown } | null;

function hasValidationErrors(json: unknown): json is { validationErrors: ValidationEntry[] } {
  const list = (json as { validationErrors?: unknown } | null)?.validationErrors;
  return Array.isArray(list) && list.length > 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function messageOf(json: unknown): string | undefined {
  const message = (json as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' && message.trim() ? truncate(message.trim(), MAX_SERVER_MESSAGE) : undefined;
}

function htmlTitle(text: string): string | undefined {
  // The title is near the top; looking only there keeps this cheap on a huge page.
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text.slice(0, 16_384))?.[1]?.trim();
  return title ? truncate(title.replace(/\s+/g, ' '), 120) : undefined;
}
