// Error responses with the bodies Airbyte 0.44.3 sends, so clients are tested against the real
// shapes: NotFoundKnownExceptionInfo (404), InvalidInputExceptionInfo (400, bean validation),
// KnownExceptionInfo (422 schedule rules, 400 unreadable JSON, 404/405 routing).
import type { JsonObject } from './apiTypes';

const CONFIG_NOT_FOUND = 'io.airbyte.config.persistence.ConfigNotFoundException';
const CONSTRAINT_VIOLATION = 'javax.validation.ConstraintViolationException';
const JSON_VALIDATION = 'io.airbyte.validation.json.JsonValidationException';
const JSON_PARSE = 'com.fasterxml.jackson.core.JsonParseException';

/** Airbyte's persistence names for the things that can be missing. */
export type ConfigType =
  | 'STANDARD_WORKSPACE'
  | 'SOURCE_CONNECTION'
  | 'DESTINATION_CONNECTION'
  | 'STANDARD_SYNC'
  | 'STANDARD_SYNC_OPERATION'
  | 'STANDARD_DESTINATION_DEFINITION';

export interface InvalidInputProperty {
  propertyPath: string;
  invalidValue?: string;
  message?: string;
}

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
    exceptionClassName: CONFIG_NOT_FOUND,
    exceptionStack: [],
    rootCauseExceptionClassName: CONFIG_NOT_FOUND,
    rootCauseExceptionStack: [],
  });
}

export function invalidInput(violations: InvalidInputProperty[]): ApiError {
  return new ApiError(400, {
    message: 'Some properties contained invalid input.',
    exceptionClassName: CONSTRAINT_VIOLATION,
    exceptionStack: [],
    validationErrors: violations.map((v) => ({ ...v })),
  });
}

/** A rule of Airbyte's ConnectionScheduleHelper failed (its terse message is kept as is). */
export function scheduleRejected(message: string): ApiError {
  return knownException(422, message, JSON_VALIDATION);
}

export function unreadableJson(detail: string): ApiError {
  return knownException(400, `Invalid json input. ${detail}`, JSON_PARSE);
}

export function knownException(status: number, message: string, exceptionClassName?: string): ApiError {
  const body: JsonObject = { message, exceptionStack: [] };
  if (exceptionClassName) body.exceptionClassName = exceptionClassName;
  return new ApiError(status, body);
}
