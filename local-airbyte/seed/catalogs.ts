// What each seeded source "discovers": the streams a real connector of that kind reports,
// with JSON schemas in the style the connector emits them.
import type { AirbyteStream, JsonObject } from '../apiTypes';
import { SEED_IDS } from './ids';

export interface SeedCatalog {
  sourceId: string;
  catalogId: string;
  streams: AirbyteStream[];
  /** What discovery returns from the second discovery on: the source's schema changed. */
  changed?: { catalogId: string; streams: AirbyteStream[] };
  /** The source's discover job fails (Airbyte answers 200 with `succeeded: false`). */
  failure?: { externalMessage: string; logLines: string[] };
}

const nullable = (type: string, extra: JsonObject = {}): JsonObject => ({ type: ['null', type], ...extra });
const objectSchema = (properties: Record<string, JsonObject>): JsonObject => ({ type: 'object', properties });

// Postgres source column types.
const pgInteger: JsonObject = { type: 'number', airbyte_type: 'integer' };
const pgNumber: JsonObject = { type: 'number' };
const pgText: JsonObject = { type: 'string' };
const pgTimestampTz: JsonObject = { type: 'string', format: 'date-time', airbyte_type: 'timestamp_with_timezone' };

function postgresStreams(): AirbyteStream[] {
  const table = (name: string, columns: Record<string, JsonObject>): AirbyteStream => ({
    name,
    namespace: 'public',
    jsonSchema: objectSchema(columns),
    supportedSyncModes: ['full_refresh', 'incremental'],
    sourceDefinedCursor: false,
    defaultCursorField: [],
    sourceDefinedPrimaryKey: [['id']],
  });
  return [
    table('orders', {
      id: pgInteger,
      customer_id: pgInteger,
      status: pgText,
      total_amount: pgNumber,
      currency: pgText,
      created_at: pgTimestampTz,
      updated_at: pgTimestampTz,
    }),
    table('customers', {
      id: pgInteger,
      email: pgText,
      full_name: pgText,
      country: pgText,
      created_at: pgTimestampTz,
      updated_at: pgTimestampTz,
    }),
    table('order_items', {
      id: pgInteger,
      order_id: pgInteger,
      product_sku: pgText,
      quantity: pgInteger,
      unit_price: pgNumber,
    }),
  ];
}

function stripeStreams(): AirbyteStream[] {
  const resource = (name: string, fields: Record<string, JsonObject>): AirbyteStream => ({
    name,
    jsonSchema: objectSchema({ id: nullable('string'), object: nullable('string'), created: nullable('integer'), ...fields }),
    supportedSyncModes: ['full_refresh', 'incremental'],
    sourceDefinedCursor: true,
    defaultCursorField: ['created'],
    sourceDefinedPrimaryKey: [['id']],
  });
  return [
    resource('charges', {
      amount: nullable('integer'),
      amount_captured: nullable('integer'),
      currency: nullable('string'),
      customer: nullable('string'),
      description: nullable('string'),
      paid: nullable('boolean'),
      status: nullable('string'),
      metadata: nullable('object'),
    }),
    resource('customers', {
      email: nullable('string'),
      name: nullable('string'),
      currency: nullable('string'),
      delinquent: nullable('boolean'),
      metadata: nullable('object'),
    }),
    resource('invoices', {
      customer: nullable('string'),
      status: nullable('string'),
      amount_due: nullable('integer'),
      amount_paid: nullable('integer'),
      currency: nullable('string'),
      due_date: nullable('integer'),
      lines: nullable('object'),
    }),
  ];
}

function githubStreams(): AirbyteStream[] {
  const dateTime = nullable('string', { format: 'date-time' });
  const user = nullable('object', { properties: { login: nullable('string'), id: nullable('integer') } });
  const stream = (name: string, cursor: string, key: string, fields: Record<string, JsonObject>): AirbyteStream => ({
    name,
    jsonSchema: objectSchema({ repository: { type: 'string' }, ...fields }),
    supportedSyncModes: ['full_refresh', 'incremental'],
    sourceDefinedCursor: true,
    defaultCursorField: [cursor],
    sourceDefinedPrimaryKey: [[key]],
  });
  return [
    stream('issues', 'updated_at', 'id', {
      id: nullable('integer'),
      number: nullable('integer'),
      title: nullable('string'),
      state: nullable('string'),
      user,
      labels: nullable('array', { items: nullable('object') }),
      created_at: dateTime,
      updated_at: dateTime,
      closed_at: dateTime,
    }),
    stream('pull_requests', 'updated_at', 'id', {
      id: nullable('integer'),
      number: nullable('integer'),
      title: nullable('string'),
      state: nullable('string'),
      draft: nullable('boolean'),
      user,
      created_at: dateTime,
      updated_at: dateTime,
      merged_at: dateTime,
    }),
    stream('commits', 'created_at', 'sha', {
      sha: nullable('string'),
      branch: nullable('string'),
      html_url: nullable('string'),
      created_at: dateTime,
      commit: nullable('object', {
        properties: { message: nullable('string'), author: nullable('object') },
      }),
    }),
  ];
}

// A Connector Builder source in front of a shop's REST API, with nested objects. Between two
// discoveries its API changed: `products` gained `sku` and `dimensions.depth`, renamed
// `updated_at` to `modified_at` and lost `price`; `reviews` is gone; `inventory` is new.
function shopApiStreams(changed: boolean): AirbyteStream[] {
  const dateTime = nullable('string', { format: 'date-time' });
  const money = nullable('object', { properties: { amount: nullable('number'), currency: nullable('string') } });
  const dimensions = nullable('object', {
    properties: changed
      ? { width: nullable('number'), height: nullable('number'), depth: nullable('number') }
      : { width: nullable('number'), height: nullable('number') },
  });
  const products = objectSchema(
    changed
      ? { id: nullable('integer'), sku: nullable('string'), name: nullable('string'), list_price: money, dimensions, modified_at: dateTime }
      : { id: nullable('integer'), name: nullable('string'), price: nullable('number'), list_price: money, dimensions, updated_at: dateTime },
  );
  const stream = (name: string, jsonSchema: JsonObject): AirbyteStream => ({
    name,
    jsonSchema,
    supportedSyncModes: ['full_refresh', 'incremental'],
    sourceDefinedCursor: false,
    defaultCursorField: [],
    sourceDefinedPrimaryKey: [['id']],
  });
  const customers = stream('customers', objectSchema({
    id: nullable('integer'),
    email: nullable('string'),
    address: nullable('object', {
      properties: { street: nullable('string'), city: nullable('string'), postal_code: nullable('string'), country: nullable('string') },
    }),
    created_at: dateTime,
  }));
  const reviews = stream('reviews', objectSchema({ id: nullable('integer'), product_id: nullable('integer'), rating: nullable('integer'), body: nullable('string'), created_at: dateTime }));
  const inventory = stream('inventory', objectSchema({ id: nullable('integer'), product_id: nullable('integer'), warehouse: nullable('string'), quantity: nullable('integer'), counted_at: dateTime }));
  return changed ? [stream('products', products), customers, inventory] : [stream('products', products), customers, reviews];
}

export function seedCatalogs(): SeedCatalog[] {
  return [
    { sourceId: SEED_IDS.sources.postgres, catalogId: SEED_IDS.catalogs.postgres, streams: postgresStreams() },
    { sourceId: SEED_IDS.sources.stripe, catalogId: SEED_IDS.catalogs.stripe, streams: stripeStreams() },
    { sourceId: SEED_IDS.sources.github, catalogId: SEED_IDS.catalogs.github, streams: githubStreams() },
    {
      sourceId: SEED_IDS.sources.shopApi,
      catalogId: SEED_IDS.catalogs.shopApi,
      streams: shopApiStreams(false),
      changed: { catalogId: SEED_IDS.catalogs.shopApiChanged, streams: shopApiStreams(true) },
    },
    {
      sourceId: SEED_IDS.sources.salesforce,
      catalogId: '',
      streams: [],
      failure: {
        externalMessage: 'Something went wrong in the connector. See the logs for more details.',
        logLines: [
          '2023-05-02 09:14:03 INFO i.a.w.g.DefaultDiscoverCatalogWorker(run):67 - Starting discover catalog',
          '2023-05-02 09:14:05 ERROR i.a.w.i.DefaultAirbyteStreamFactory(internalLog):116 - Authentication failed: {"error":"invalid_grant","error_description":"expired access/refresh token"}',
          '2023-05-02 09:14:05 ERROR i.a.w.g.DefaultDiscoverCatalogWorker(run):112 - Discover job failed: Integration failed to output a catalog struct.',
        ],
      },
    },
  ];
}
