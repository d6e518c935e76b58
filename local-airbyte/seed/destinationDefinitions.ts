// What each seeded destination connector declares in its spec: the destination sync modes it
// supports (the web app picks each new stream's sync mode from these).
import { DEFINITION_IDS } from './ids';

export interface DestinationDefinitionSpec {
  destinationDefinitionId: string;
  documentationUrl: string;
  supportedDestinationSyncModes: ('append' | 'overwrite' | 'append_dedup')[];
}

export function seedDestinationDefinitionSpecs(): DestinationDefinitionSpec[] {
  return [
    {
      destinationDefinitionId: DEFINITION_IDS.destinationSnowflake,
      documentationUrl: 'https://docs.airbyte.com/integrations/destinations/snowflake',
      supportedDestinationSyncModes: ['overwrite', 'append', 'append_dedup'],
    },
    {
      destinationDefinitionId: DEFINITION_IDS.destinationBigquery,
      documentationUrl: 'https://docs.airbyte.com/integrations/destinations/bigquery',
      supportedDestinationSyncModes: ['overwrite', 'append', 'append_dedup'],
    },
    {
      destinationDefinitionId: DEFINITION_IDS.destinationLocalJson,
      documentationUrl: 'https://docs.airbyte.com/integrations/destinations/local-json',
      supportedDestinationSyncModes: ['overwrite', 'append'],
    },
  ];
}
