// Messages between the extension and the language server beyond LSP, declared once for both,
// typed: each pairs its method name with its parameter and result types.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

/** Client -> server in `initialize`: what the editor side offers beyond LSP. */
export interface AirbyteInitializationOptions {
  /** The editor answers AirbyteResourcesRequest (VS Code does; other editors do not). */
  airbyteResources?: boolean;
}

export interface AirbyteResourceSummary {
  id: string;
  name: string;
  /** Connector name, for example "Postgres". */
  connector?: string;
  workspaceName?: string;
}

export interface AirbyteResources {
  /** The server the ids come from, in canonical form (see core/api/serverUrl). */
  serverUrl: string;
  sources: AirbyteResourceSummary[];
  destinations: AirbyteResourceSummary[];
}

/**
 * The lists, or why there are none. `needsPermission`: the user has not allowed lookups on
 * `serverUrl` (canonical form) yet; hover and completion offer to allow it.
 */
export type AirbyteResourcesResult =
  | { ok: true; resources: AirbyteResources }
  | { ok: false; reason: string; needsPermission?: boolean; serverUrl?: string };

/**
 * Client command offered by id completion before consent: runs `airbyte.allowServer` for the
 * document and, once allowed, opens completion again. Argument: { uri: string }.
 */
export const ALLOW_LOOKUPS_AND_SUGGEST_COMMAND = 'airbyte.allowLookupsAndSuggest';

export interface AirbyteResourcesParams {
  /** The document asking: its settings decide the server and credentials. */
  uri: string;
}

/**
 * Server -> client: the sources and destinations of the Airbyte server configured for the
 * document `uri`. The client holds the credentials and decides whether lookups may be sent.
 */
export const AirbyteResourcesRequest = new RequestType<AirbyteResourcesParams, AirbyteResourcesResult, void>('airbyte/resources');

/** Client -> server: settings, credentials or consent changed; cached lists are stale. */
export const AirbyteResourcesChangedNotification = new NotificationType<void>('airbyte/resourcesChanged');

/** Client -> server: the problems of exactly `text`, as a fresh open of it would show them. */
export interface ValidateTextParams {
  uri: string;
  text: string;
}

/** LSP diagnostics (only the fields the client reads are typed here). */
export interface ValidateTextResult {
  diagnostics: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; code?: string | number; message: string }>;
}

/**
 * Create Connection asks before sending a file, so the check is the server's (one engine: the
 * extension validates nothing itself), never stale, and holds for a file that is not open.
 */
export const ValidateTextRequest = new RequestType<ValidateTextParams, ValidateTextResult, void>('airbyte/validateText');
