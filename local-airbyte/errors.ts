// Error responses with the bodies Airbyte v0.44.3 (Micronaut) sends, so clients are tested
// against the real shapes:
// - Micronaut's own errors (400 conversion / unreadable JSON / missing body, 413, routing):
//   `{"message":"Bad Request","_links":{"self":…},"_embedded":{"errors":[{"message":…}]}}`;
// - Airbyte's handlers: IdNotFoundKnownException (404, with `id`), BadObjectSchemaKnownException
//   (422, a JsonValidationException wrapped by ApiHelper), and anything uncaught (500).
import type { JsonObject } from './apiTypes';

const ERRORS = 'io.airbyte.commons.server.errors';
const CONFIG_NOT_FOUND = 'io.airbyte.config.persistence.ConfigNotFoundException';
const JSON_VALIDATION = 'io.airbyte.validation.json.JsonValidationException';

/** Airbyte's persistence names for the things that can be missing. */
export type ConfigType =
  | 'STANDARD_WORKSPACE'
  | 'SOURCE_CONNECTION'
  | 'DESTINATION_CONNECTION'
  | 'STANDARD_SYNC'
  | 'STANDARD_SYNC_OPERATION'
  | 'STANDARD_DESTINATION_DEFINITION';

/** Thrown by handlers; the router turns it into the response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonObject,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
  }
}

export function configNotFound(type: ConfigType, id: string): ApiError {
  return new ApiError(404, {
    id,
    message: `Could not find configuration for ${type}: ${id}.`,
    exceptionClassName: `${ERRORS}.IdNotFoundKnownException`,
    exceptionStack: [],
    rootCauseExceptionClassName: CONFIG_NOT_FOUND,
    rootCauseExceptionStack: [],
  });
}

/** A JsonValidationException from a handler, as ApiHelper rewraps it (422). */
export function badObjectSchema(errors: string): ApiError {
  return new ApiError(422, {
    message: `The provided configuration does not fulfill the specification. Errors: ${errors}`,
    exceptionClassName: `${ERRORS}.BadObjectSchemaKnownException`,
    exceptionStack: [],
    rootCauseExceptionClassName: JSON_VALIDATION,
    rootCauseExceptionStack: [],
  });
}

/** Anything a handler does not catch (null pointers, failed preconditions, SQL errors). */
export function internalError(exceptionClassName: string, message: string | null): ApiError {
  return new ApiError(500, {
    message: `Internal Server Error: ${message ?? 'null'}`,
    exceptionClassName,
    exceptionStack: [],
    rootCauseExceptionClassName: exceptionClassName,
    rootCauseExceptionStack: [],
  });
}

export const nullPointer = (): ApiError => internalError('java.lang.NullPointerException', null);
export const failedPrecondition = (message: string | null = null): ApiError => internalError('java.lang.IllegalArgumentException', message);
export const valueTooLong = (): ApiError =>
  internalError('org.jooq.exception.DataAccessException', 'SQL [insert into …]; ERROR: value too long for type character varying(256)');

/** Micronaut's own error body (Hateoas JsonError with one embedded error). */
export function micronautError(status: number, title: string, href: string, message: string, path?: string): ApiError {
  const error: JsonObject = { message };
  if (path) error.path = path;
  return new ApiError(status, {
    message: title,
    _links: { self: { href, templated: false } },
    _embedded: { errors: [error] },
  });
}

/** 404/405 for paths and methods Micronaut has no route for. */
export function knownException(status: number, message: string): ApiError {
  return new ApiError(status, { message, exceptionStack: [] });
}
