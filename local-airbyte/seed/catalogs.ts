// What each seeded source "discovers": the streams a real connector of that kind reports,
// with JSON schemas in the style the connector emits them.
import type { AirbyteStream, JsonObject } from '../apiTypes';
import { SEED_IDS } from './ids';

export interface SeedCatalog {
  sourceId: string;
  catalogId: string;
  streams: AirbyteStream[];
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

export function seedCatalogs(): SeedCatalog[] {
  return [
    { sourceId: SEED_IDS.sources.postgres, catalogId: SEED_IDS.catalogs.postgres, streams: postgresStreams() },
    { sourceId: SEED_IDS.sources.stripe, catalogId: SEED_IDS.catalogs.stripe, streams: stripeStreams() },
    { sourceId: SEED_IDS.sources.github, catalogId: SEED_IDS.catalogs.github, streams: githubStreams() },
  ];
}
