// `/v1/web_backend/connections/*`: what the Airbyte web app (and this extension) talks to.
import type { WebBackendConnectionCreate } from '../apiTypes';
import { createConnection } from '../connectionCreation';
import { stateTypeOf, updateConnection, type WebBackendConnectionUpdate } from '../connectionUpdate';
import { toConnectionListItem, toWebBackendConnectionRead } from '../connectionViews';
import { post, type Route } from '../route';
import {
  webBackendConnectionCreate,
  webBackendConnectionListRequestBody,
  webBackendConnectionRequestBody,
} from '../validation/requestShapes';
import { webBackendConnectionUpdate } from '../validation/updateRequestShape';
import { connectionIdRequestBody } from '../validation/requestShapes';

interface ListRequest {
  workspaceId: string;
  sourceId?: string[] | null;
  destinationId?: string[] | null;
}

export const webBackendConnectionRoutes: Record<string, Route> = {
  '/v1/web_backend/connections/create': post<WebBackendConnectionCreate>(
    'webBackendCreateConnection',
    webBackendConnectionCreate,
    async (body, store) => toWebBackendConnectionRead(await createConnection(body, store), store),
  ),
  '/v1/web_backend/connections/get': post<{ connectionId: string; withRefreshedCatalog?: boolean }>(
    'webBackendGetConnection',
    webBackendConnectionRequestBody,
    (body, store) =>
      toWebBackendConnectionRead(store.getConnection(body.connectionId), store, {
        withRefreshedCatalog: body.withRefreshedCatalog === true,
      }),
  ),
  '/v1/web_backend/connections/list': post<ListRequest>(
    'webBackendListConnectionsForWorkspace',
    webBackendConnectionListRequestBody,
    (body, store) => ({
      connections: store
        .listConnections(body.workspaceId)
        .filter((c) => !body.sourceId || body.sourceId.includes(c.sourceId))
        .filter((c) => !body.destinationId || body.destinationId.includes(c.destinationId))
        .map((c) => toConnectionListItem(c, store)),
    }),
  ),
  '/v1/web_backend/connections/update': post<WebBackendConnectionUpdate>(
    'webBackendUpdateConnection',
    webBackendConnectionUpdate,
    async (body, store) => toWebBackendConnectionRead(await updateConnection(body, store), store),
  ),
  '/v1/web_backend/state/get_type': post<{ connectionId: string }>('getStateType', connectionIdRequestBody, (body, store) =>
    stateTypeOf(store.getConnection(body.connectionId)),
  ),
};
