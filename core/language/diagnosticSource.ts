// The one `source` of every diagnostic this extension's language server publishes.
export const DIAGNOSTIC_SOURCE = 'airbyte';
