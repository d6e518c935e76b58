// Seeded sources. Secrets are masked the way Airbyte returns them from the API.
import type { SourceRead } from '../apiTypes';
import { DEFINITION_IDS, SEED_IDS } from './ids';

const MASKED = '**********';

export function seedSources(): SourceRead[] {
  const workspaceId = SEED_IDS.workspace;
  return [
    {
      sourceDefinitionId: DEFINITION_IDS.sourcePostgres,
      sourceId: SEED_IDS.sources.postgres,
      workspaceId,
      name: 'Postgres — orders db',
      sourceName: 'Postgres',
      connectionConfiguration: {
        host: 'orders-db.internal.example.com',
        port: 5432,
        database: 'orders',
        schemas: ['public'],
        username: 'airbyte_reader',
        password: MASKED,
        ssl_mode: { mode: 'require' },
        replication_method: { method: 'Standard' },
        tunnel_method: { tunnel_method: 'NO_TUNNEL' },
      },
    },
    {
      sourceDefinitionId: DEFINITION_IDS.sourceStripe,
      sourceId: SEED_IDS.sources.stripe,
      workspaceId,
      name: 'Stripe',
      sourceName: 'Stripe',
      connectionConfiguration: {
        account_id: 'acct_1NxExample0Stripe',
        client_secret: MASKED,
        start_date: '2023-01-01T00:00:00Z',
        lookback_window_days: 0,
        slice_range: 365,
      },
    },
    {
      sourceDefinitionId: DEFINITION_IDS.sourceGithub,
      sourceId: SEED_IDS.sources.github,
      workspaceId,
      name: 'GitHub — airbytehq',
      sourceName: 'GitHub',
      connectionConfiguration: {
        credentials: { option_title: 'PAT Credentials', personal_access_token: MASKED },
        repository: 'airbytehq/airbyte',
        start_date: '2023-01-01T00:00:00Z',
        page_size_for_large_streams: 10,
      },
    },
    {
      sourceDefinitionId: DEFINITION_IDS.sourceShopApi,
      sourceId: SEED_IDS.sources.shopApi,
      workspaceId: SEED_IDS.sandboxWorkspace,
      name: 'Shop API',
      sourceName: 'Shop API',
      connectionConfiguration: { api_key: MASKED, base_url: 'https://shop.example.com/api/v2' },
    },
    {
      sourceDefinitionId: DEFINITION_IDS.sourceSalesforce,
      sourceId: SEED_IDS.sources.salesforce,
      workspaceId: SEED_IDS.sandboxWorkspace,
      name: 'Salesforce — sandbox',
      sourceName: 'Salesforce',
      connectionConfiguration: {
        client_id: '3MVG9Example',
        client_secret: MASKED,
        refresh_token: MASKED,
        is_sandbox: true,
        start_date: '2023-01-01T00:00:00Z',
      },
    },
  ];
}
