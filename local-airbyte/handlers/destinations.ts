import { post, type Route } from '../route';
import { destinationIdRequestBody, workspaceIdRequestBody } from '../validation/requestShapes';

export const destinationRoutes: Record<string, Route> = {
  // Like Airbyte, an unknown workspace simply has no destinations.
  '/v1/destinations/list': post<{ workspaceId: string }>(
    'listDestinationsForWorkspace',
    workspaceIdRequestBody,
    (body, store) => ({ destinations: store.listDestinations(body.workspaceId) }),
  ),
  '/v1/destinations/get': post<{ destinationId: string }>('getDestination', destinationIdRequestBody, (body, store) =>
    store.getDestination(body.destinationId),
  ),
};
