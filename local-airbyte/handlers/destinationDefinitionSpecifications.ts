// `POST /v1/destination_definition_specifications/get`: the connector's spec, of which clients
// mostly need `supportedDestinationSyncModes`. The spec itself is answered as an empty object
// schema (the seeds carry no connector specs); the job that "fetched" it succeeded.
import { randomUUID } from 'node:crypto';
import { configNotFound } from '../errors';
import { post, type Route } from '../route';
import { seedDestinationDefinitionSpecs } from '../seed/destinationDefinitions';
import { destinationDefinitionIdWithWorkspaceId } from '../validation/requestShapes';

const specs = seedDestinationDefinitionSpecs();

export const destinationDefinitionSpecificationRoutes: Record<string, Route> = {
  '/v1/destination_definition_specifications/get': post<{ destinationDefinitionId: string; workspaceId: string }>(
    'getDestinationDefinitionSpecification',
    destinationDefinitionIdWithWorkspaceId,
    (body) => {
      const spec = specs.find((s) => s.destinationDefinitionId === body.destinationDefinitionId);
      if (!spec) throw configNotFound('STANDARD_DESTINATION_DEFINITION', body.destinationDefinitionId);
      const now = Math.floor(Date.now() / 1000);
      return {
        destinationDefinitionId: spec.destinationDefinitionId,
        documentationUrl: spec.documentationUrl,
        connectionSpecification: { type: 'object', properties: {} },
        jobInfo: {
          id: randomUUID(),
          configType: 'get_spec',
          createdAt: now,
          endedAt: now,
          succeeded: true,
          connectorConfigurationUpdated: false,
          logs: { logLines: [] },
        },
        supportedDestinationSyncModes: [...spec.supportedDestinationSyncModes],
      };
    },
  ),
};
