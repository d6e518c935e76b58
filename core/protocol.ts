// Messages between the extension and the language server beyond LSP, declared once for both.

/** Server -> client: the sources, destinations and operations of the configured Airbyte server. */
export const AIRBYTE_RESOURCES_REQUEST = 'airbyte/resources';

export interface AirbyteResourceSummary {
  id: string;
  name: string;
  /** Connector name, for example "Postgres". */
  connector?: string;
  workspaceName?: string;
}

export interface AirbyteResources {
  serverUrl: string;
  sources: AirbyteResourceSummary[];
  destinations: AirbyteResourceSummary[];
  operations: AirbyteResourceSummary[];
}

/** Why the list is empty, for the completion list's status item. */
export type AirbyteResourcesResult = { ok: true; resources: AirbyteResources } | { ok: false; reason: string };

/**
 * Client -> server: the problems of exactly this text, as a fresh open of it would show them.
 * `Create Connection` asks before sending a file, so the check is the server's, never stale, and
 * holds for a file that is not open.
 */
export const VALIDATE_TEXT_REQUEST = 'airbyte/validateText';

export interface ValidateTextParams {
  uri: string;
  text: string;
}

/** LSP diagnostics (only the fields the client reads are typed here). */
export interface ValidateTextResult {
  diagnostics: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; code?: string | number; message: string }>;
}
