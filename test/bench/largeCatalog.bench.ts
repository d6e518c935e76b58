// Prints how the standalone server copes with real-size catalogs: time to first diagnostics,
// completion latency in the big file (first parse, then cached) and in a small file while the
// big one is being validated. Numbers, not pass/fail: run with `npm run bench`.
import { performance } from 'node:perf_hooks';
import { bigCatalog } from '../server/catalogFixture';
import { LspTestClient } from '../server/lspTestClient';

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - start)];
}

async function main(): Promise<void> {
  const client = new LspTestClient();
  await client.initialize();
  const small = 'file:///bench/small.connection.json';
  await client.open(small, '{\n  \n}');
  await client.diagnostics(small);
  console.log('streams\tMB\tdiagnostics ms\tcompletion in big (first) ms\t(cached) ms\tcompletion in small during validation ms');
  for (const streams of [500, 1500, 3000, 8000]) {
    const text = bigCatalog(streams);
    const uri = `file:///bench/catalog-${streams}.connection.json`;
    const start = performance.now();
    await client.open(uri, text);
    const [, smallMs] = await timed(() => client.completion(small, 1, 2));
    await client.diagnostics(uri, () => true, 600_000);
    const diagnosticsMs = Math.round(performance.now() - start);
    const [, firstMs] = await timed(() => client.completion(uri, 1, 2));
    const [, cachedMs] = await timed(() => client.completion(uri, 1, 2));
    console.log(`${streams}\t${(text.length / 1e6).toFixed(1)}\t${diagnosticsMs}\t${firstMs}\t${cachedMs}\t${smallMs}`);
  }
  await client.stop();
}

void main();
