// Connection files shaped like what a source's discover returns: N streams, each with 10–40
// typed columns (some nested objects), realistic names, sync modes and keys. Deterministic for
// a given stream count, so benchmark runs and randomized tests are reproducible.

const SOURCE = '2b1f0c2e-6f3a-4c8e-9d7b-1a2b3c4d5e01';
const DESTINATION = '7c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e01';

const NOUNS = ['customer', 'order', 'invoice', 'payment', 'product', 'shipment', 'account', 'contact', 'campaign', 'ticket', 'subscription', 'refund', 'warehouse', 'employee', 'session', 'event', 'lead', 'opportunity', 'charge', 'coupon'];
const QUALIFIERS = ['', 'line_items', 'history', 'audit', 'daily', 'archive', 'details', 'events', 'snapshots', 'tags'];
const FIELDS = ['name', 'email', 'status', 'amount', 'currency', 'created_at', 'description', 'country', 'city', 'postal_code', 'phone', 'total', 'quantity', 'discount', 'tax', 'notes', 'source', 'channel', 'owner_id', 'external_id', 'is_active', 'deleted', 'score', 'rank', 'url', 'title', 'category', 'sku', 'balance', 'metadata'];

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function column(rand: () => number, name: string, depth: number): Record<string, unknown> {
  const pick = rand();
  if (depth === 0 && pick < 0.12) {
    const nested: Record<string, unknown> = {};
    for (let i = 0; i < 3 + Math.floor(rand() * 4); i++) nested[FIELDS[Math.floor(rand() * FIELDS.length)]] = column(rand, name, 1);
    return { type: ['null', 'object'], description: `Nested ${name.replace(/_/g, ' ')} record`, properties: nested };
  }
  if (pick < 0.3) return { type: ['null', 'integer'] };
  if (pick < 0.45) return { type: ['null', 'number'] };
  if (pick < 0.55) return { type: ['null', 'boolean'] };
  if (pick < 0.7) return { type: ['null', 'string'], format: 'date-time' };
  return { type: ['null', 'string'], description: `The ${name.replace(/_/g, ' ')}` };
}

function streamEntry(rand: () => number, index: number): Record<string, unknown> {
  const noun = NOUNS[index % NOUNS.length];
  const qualifier = QUALIFIERS[Math.floor(index / NOUNS.length) % QUALIFIERS.length];
  const name = `${noun}${qualifier ? '_' + qualifier : ''}_${index}`;
  const properties: Record<string, unknown> = { id: { type: 'integer' }, updated_at: { type: 'string', format: 'date-time' } };
  const count = 10 + Math.floor(rand() * 31);
  for (let i = properties.id ? 2 : 0; i < count; i++) {
    const field = `${FIELDS[Math.floor(rand() * FIELDS.length)]}${i > FIELDS.length / 2 ? '_' + i : ''}`;
    properties[field] = column(rand, field, 0);
  }
  const incremental = rand() < 0.6;
  return {
    stream: {
      name,
      namespace: rand() < 0.8 ? 'public' : 'analytics',
      jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', additionalProperties: true, properties },
      supportedSyncModes: ['full_refresh', 'incremental'],
      sourceDefinedCursor: false,
      defaultCursorField: ['updated_at'],
      sourceDefinedPrimaryKey: [['id']],
    },
    config: incremental
      ? { syncMode: 'incremental', cursorField: ['updated_at'], destinationSyncMode: 'append_dedup', primaryKey: [['id']], aliasName: name, selected: rand() < 0.9 }
      : { syncMode: 'full_refresh', cursorField: [], destinationSyncMode: 'overwrite', primaryKey: [], aliasName: name, selected: rand() < 0.9 },
  };
}

/** A valid connection file with `streams` discovered streams, pretty-printed as editors keep it. */
export function discoveredCatalog(streams: number, seed = 42): string {
  const rand = random(seed);
  const entries = Array.from({ length: streams }, (_, i) => streamEntry(rand, i));
  return JSON.stringify(
    {
      name: 'Postgres → Warehouse',
      sourceId: SOURCE,
      destinationId: DESTINATION,
      status: 'active',
      namespaceDefinition: 'source',
      prefix: '',
      scheduleType: 'basic',
      scheduleData: { basicSchedule: { timeUnit: 'hours', units: 24 } },
      syncCatalog: { streams: entries },
    },
    null,
    2,
  );
}
