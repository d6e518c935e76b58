// The Airbyte Configuration API client: no editor dependencies, usable from a CLI.
export { AirbyteClient } from './client';
export { requestAirbyte, type ApiCall } from './request';
export { findIdField, guessPathFromMessage, mapPropertyPath } from './bodyPaths';
export { redactBodyText, redactJson, REDACTED } from './redact';
export { Scrubber, scrubText } from './scrub';
export {
  connectionPageUrl,
  endpointUrl,
  isInsecureRemote,
  isLoopbackHost,
  isLoopbackServer,
  normalizeServerUrl,
  parseServerUrl,
  trimSlashes,
  webAppUrl,
} from './serverUrl';
export type * from './types';
