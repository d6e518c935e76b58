// Every endpoint this server implements, keyed by its path below `/api`.
import { connectionRoutes } from './handlers/connections';
import { destinationDefinitionSpecificationRoutes } from './handlers/destinationDefinitionSpecifications';
import { destinationRoutes } from './handlers/destinations';
import { healthRoutes } from './handlers/health';
import { operationRoutes } from './handlers/operations';
import { sourceRoutes } from './handlers/sources';
import { webBackendConnectionRoutes } from './handlers/webBackendConnections';
import { workspaceRoutes } from './handlers/workspaces';
import type { Route } from './route';

export const API_BASE_PATH = '/api';

const routes = new Map<string, Route>(
  Object.entries({
    ...healthRoutes,
    ...workspaceRoutes,
    ...sourceRoutes,
    ...destinationRoutes,
    ...destinationDefinitionSpecificationRoutes,
    ...operationRoutes,
    ...connectionRoutes,
    ...webBackendConnectionRoutes,
  }),
);

/** The route for a request path such as `/api/v1/sources/list` (query string already removed). */
export function findRoute(pathname: string): Route | undefined {
  if (!pathname.startsWith(`${API_BASE_PATH}/`)) return undefined;
  return routes.get(pathname.slice(API_BASE_PATH.length));
}
