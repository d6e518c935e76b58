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
