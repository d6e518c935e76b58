// Discover Streams on large catalogs: how long merging a new discovery takes when every stream
// changed (the worst case). Prints numbers; asserts nothing about time.
//
//   node --import tsx test/bench/discoverMerge.bench.ts
import { mergeDiscoveredCatalog } from '../../core/catalog/mergeCatalog';
import { newConnectionBody } from '../../core/catalog/newConnectionBody';
import type { DiscoveredCatalog } from '../../core/catalog/types';

function catalog(streams: number, version: number): DiscoveredCatalog {
  return {
    streams: Array.from({ length: streams }, (_, i) => ({
      stream: {
        name: `table_${i}`,
        namespace: 'public',
        jsonSchema: {
          type: 'object',
          properties: Object.fromEntries(Array.from({ length: 20 }, (_, j) => [`column_${j}${version && j === 0 ? '_renamed' : ''}`, { type: ['null', 'string'] }])),
        },
        supportedSyncModes: ['full_refresh', 'incremental'],
        sourceDefinedPrimaryKey: [['column_1']],
      },
    })),
  };
}

for (const streams of [100, 500, 2000]) {
  const body = newConnectionBody({
    source: { sourceId: 's', name: 'S' },
    destination: { destinationId: 'd', name: 'D' },
    catalog: catalog(streams, 0),
    supportedDestinationSyncModes: ['overwrite', 'append'],
    pickedStreams: new Set(),
  });
  const text = JSON.stringify(body, null, 2);
  const started = performance.now();
  const result = mergeDiscoveredCatalog({ text, catalog: catalog(streams, 1), supportedDestinationSyncModes: ['overwrite', 'append'] });
  const ms = performance.now() - started;
  if (!result.ok || result.summary.changed.length !== streams) throw new Error('the merge did not change every stream');
  console.log(`${streams} streams (${(text.length / 1e6).toFixed(1)} MB), every one changed: merged in ${ms.toFixed(0)} ms`);
}
