// Shapes shared by the Airbyte Configuration API client and its callers (the extension, a CLI).
// Expected failures are values, never exceptions: callers switch on `error.kind`.
import type { JsonPath } from '../json/locate';
import type { Scrubber } from './scrub';

export type AirbyteAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

export interface AirbyteClientConfig {
  /** Base URL up to and including `/api`, e.g. `http://localhost:8000/api`. */
  serverUrl: string;
  auth: AirbyteAuth;
  /** Whole request, body included; the request is aborted when it runs out. */
  timeoutMs: number;
  /** Receives one line per request, response and failure, with credentials redacted. */
  log?: (line: string) => void;
  /** Removes secrets from logs and errors; the request adds its own credentials to it. */
  scrubber?: Scrubber;
  /** Answers above this many bytes are refused unread (default 10 MB). */
  maxResponseBytes?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: AirbyteApiError };

export type AirbyteApiErrorKind = AirbyteApiError['kind'];

interface ErrorBase {
  /** What happened, in a data engineer's words. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** HTTP status, when the server answered at all. */
  status?: number;
}

/** One `validationErrors[]` entry, with its path mapped into the submitted document. */
export interface ValidationIssue {
  /** As the server sent it, e.g. `webBackendCreateConnection.arg0.status`; empty when only a message was given. */
  propertyPath: string;
  message: string;
  invalidValue?: string;
  /** Where in the submitted body the issue belongs (may name a property the body lacks). */
  path: JsonPath;
}

export type AirbyteApiError =
  | (ErrorBase & {
      kind: 'notFound';
      /** The id the server could not find, when it said which. */
      id?: string;
      /** Where that id sits in the submitted body: `['sourceId']`, `['operationIds', 1]`… */
      field?: JsonPath;
    })
  | (ErrorBase & { kind: 'validation'; issues: ValidationIssue[] })
  | (ErrorBase & { kind: 'redirect'; location?: string })
  | (ErrorBase & { kind: 'serverError'; serverMessage?: string })
  | (ErrorBase & {
      kind:
        | 'unauthorized'
        | 'forbidden'
        | 'connectionRefused'
        | 'dnsFailure'
        | 'timeout'
        | 'cancelled'
        | 'notJson'
        | 'badRequest'
        | 'unexpectedStatus'
        | 'unexpectedResponse'
        | 'invalidServerUrl'
        | 'responseTooLarge'
        | 'network'
        // Airbyte answered 200, but the discover job failed (`jobInfo.succeeded: false`).
        | 'discoverFailed';
    });

// The few response fields callers rely on; the server sends more.
export interface SourceRead {
  sourceId: string;
  workspaceId: string;
  name: string;
  sourceName?: string;
  sourceDefinitionId?: string;
}

export interface DestinationRead {
  destinationId: string;
  workspaceId: string;
  name: string;
  destinationName?: string;
  destinationDefinitionId?: string;
}

export interface OperationRead {
  operationId: string;
  workspaceId: string;
  name: string;
  operatorConfiguration?: unknown;
}

export interface WorkspaceRead {
  workspaceId: string;
  name: string;
  slug?: string;
}

export interface WebBackendConnectionRead {
  connectionId: string;
  name: string;
  sourceId: string;
  destinationId: string;
  status?: string;
  source?: SourceRead;
  destination?: DestinationRead;
  [key: string]: unknown;
}

/** One entry of `web_backend/connections/list`. */
export interface WebBackendConnectionListItem {
  connectionId: string;
  name: string;
  status?: string;
  source: { sourceId: string; name: string };
  destination: { destinationId: string; name: string };
  [key: string]: unknown;
}

export interface HealthCheckRead {
  available: boolean;
}

/** `SourceDiscoverSchemaRead` of a successful discovery (the catalog is present). */
export interface DiscoveredSchema {
  catalog: { streams: { stream: Record<string, unknown> & { name: string }; config?: Record<string, unknown> }[] };
  catalogId?: string;
  jobId?: string;
}

export interface DestinationDefinitionSpecificationRead {
  destinationDefinitionId: string;
  supportedDestinationSyncModes?: ('append' | 'overwrite' | 'append_dedup')[];
}
