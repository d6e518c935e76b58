// Real-size catalogs for robustness tests and benchmarks.

const SOURCE = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';

/** A realistic catalog of `count` streams, each with a 40-column JSON schema. */
export function bigCatalog(count: number): string {
  const columns = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`column_${i}`, { type: ['null', 'string'], description: `Column ${i} of the table` }]));
  const streams = Array.from({ length: count }, (_, i) => ({
    stream: { name: `table_${i}`, namespace: 'public', jsonSchema: { type: 'object', properties: { id: { type: 'integer' }, updated_at: { type: 'string', format: 'date-time' }, ...columns } }, supportedSyncModes: ['full_refresh', 'incremental'], sourceDefinedCursor: false, defaultCursorField: [], sourceDefinedPrimaryKey: [['id']] },
    config: { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id']], aliasName: `table_${i}`, selected: true },
  }));
  return JSON.stringify({ sourceId: SOURCE, destinationId: DESTINATION, status: 'active', syncCatalog: { streams } }, null, 2);
}

