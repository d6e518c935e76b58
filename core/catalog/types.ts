// The catalog shapes of Airbyte v0.44.3 that New Connection File and Discover Streams work on.
// Only the fields they read are typed; every other field is carried through untouched.

export type SyncMode = 'full_refresh' | 'incremental';
export type DestinationSyncMode = 'append' | 'overwrite' | 'append_dedup';

/** `AirbyteStream`: what the source discovered. Copied into files exactly as received. */
export interface DiscoveredStream {
  name: string;
  namespace?: string;
  jsonSchema?: JsonSchema;
  supportedSyncModes?: SyncMode[];
  sourceDefinedCursor?: boolean;
  defaultCursorField?: string[];
  sourceDefinedPrimaryKey?: string[][];
  [key: string]: unknown;
}

/** `AirbyteStreamConfiguration`: the user's choices for one stream. */
export interface StreamConfig {
  syncMode?: SyncMode;
  destinationSyncMode?: DestinationSyncMode;
  cursorField?: string[];
  primaryKey?: string[][];
  aliasName?: string;
  selected?: boolean;
  suggested?: boolean;
  fieldSelectionEnabled?: boolean;
  selectedFields?: { fieldPath?: string[] }[];
  [key: string]: unknown;
}

export interface StreamAndConfig {
  stream: DiscoveredStream;
  config?: StreamConfig;
}

export interface DiscoveredCatalog {
  streams: StreamAndConfig[];
}

/** The subset of JSON schema that discovered stream schemas use. */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  airbyte_type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  [key: string]: unknown;
}

/** How a stream is identified across discoveries: namespace and name, as Airbyte does. */
export function streamKey(stream: { name?: unknown; namespace?: unknown }): string {
  return JSON.stringify([typeof stream.namespace === 'string' ? stream.namespace : null, stream.name]);
}

/** `public.orders`, or `orders` without a namespace: how streams are named to people. */
export function streamLabel(stream: { name?: unknown; namespace?: unknown }): string {
  const name = typeof stream.name === 'string' ? stream.name : '(unnamed)';
  return typeof stream.namespace === 'string' && stream.namespace ? `${stream.namespace}.${name}` : name;
}
