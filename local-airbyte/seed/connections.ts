// One existing connection, so lists, `operations/list` and "open in Airbyte" have something real.
import type { StoredConnection } from '../apiTypes';
import { catalogWithDefaults } from '../catalogDefaults';
import type { SeedCatalog } from './catalogs';
import { SEED_IDS } from './ids';

export function seedConnections(catalogs: SeedCatalog[]): StoredConnection[] {
  const postgres = catalogs.find((c) => c.sourceId === SEED_IDS.sources.postgres);
  const syncCatalog = catalogWithDefaults(postgres?.streams ?? []);
  for (const { stream, config } of syncCatalog.streams) {
    if (config && stream?.name === 'order_items') config.selected = false;
  }
  return [
    {
      connectionId: SEED_IDS.connections.ordersToSnowflake,
      name: 'Postgres — orders db <> Snowflake — analytics',
      namespaceDefinition: 'source',
      prefix: 'orders_',
      sourceId: SEED_IDS.sources.postgres,
      destinationId: SEED_IDS.destinations.snowflake,
      operationIds: [SEED_IDS.operations.normalization],
      syncCatalog,
      scheduleType: 'basic',
      scheduleData: { basicSchedule: { timeUnit: 'hours', units: 24 } },
      status: 'active',
      sourceCatalogId: SEED_IDS.catalogs.postgres,
      geography: 'auto',
      notifySchemaChanges: true,
      notifySchemaChangesByEmail: false,
      nonBreakingChangesPreference: 'ignore',
      latestSyncJobCreatedAt: 1687248000,
      latestSyncJobStatus: 'succeeded',
    },
  ];
}
