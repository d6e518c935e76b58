// Seeded destinations. Secrets are masked the way Airbyte returns them from the API.
import type { DestinationRead } from '../apiTypes';
import { DEFINITION_IDS, SEED_IDS } from './ids';

const MASKED = '**********';

export function seedDestinations(): DestinationRead[] {
  const workspaceId = SEED_IDS.workspace;
  return [
    {
      destinationDefinitionId: DEFINITION_IDS.destinationSnowflake,
      destinationId: SEED_IDS.destinations.snowflake,
      workspaceId,
      name: 'Snowflake — analytics',
      destinationName: 'Snowflake',
      connectionConfiguration: {
        host: 'acme-analytics.snowflakecomputing.com',
        role: 'AIRBYTE_ROLE',
        warehouse: 'AIRBYTE_WAREHOUSE',
        database: 'ANALYTICS',
        schema: 'AIRBYTE_RAW',
        username: 'AIRBYTE_USER',
        credentials: { auth_type: 'Username and Password', password: MASKED },
        loading_method: { method: 'Internal Staging' },
      },
    },
    {
      destinationDefinitionId: DEFINITION_IDS.destinationBigquery,
      destinationId: SEED_IDS.destinations.bigquery,
      workspaceId,
      name: 'BigQuery — warehouse',
      destinationName: 'BigQuery',
      connectionConfiguration: {
        project_id: 'acme-warehouse',
        dataset_id: 'airbyte_raw',
        dataset_location: 'US',
        credentials_json: MASKED,
        loading_method: { method: 'Standard' },
        transformation_priority: 'interactive',
        big_query_client_buffer_size_mb: 15,
      },
    },
    {
      destinationDefinitionId: DEFINITION_IDS.destinationLocalJson,
      destinationId: SEED_IDS.destinations.localJson,
      workspaceId,
      name: 'Local JSON',
      destinationName: 'Local JSON',
      connectionConfiguration: { destination_path: '/local/airbyte_json' },
    },
    {
      destinationDefinitionId: DEFINITION_IDS.destinationLocalJson,
      destinationId: SEED_IDS.destinations.sandboxJson,
      workspaceId: SEED_IDS.sandboxWorkspace,
      name: 'Local JSON — sandbox',
      destinationName: 'Local JSON',
      connectionConfiguration: { destination_path: '/local/sandbox' },
    },
  ];
}
