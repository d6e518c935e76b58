// `/v1/connections/*`: the plain (non web-backend) read models.
import { toConnectionRead } from '../connectionViews';
import { post, type Route } from '../route';
import { connectionIdRequestBody, workspaceIdRequestBody } from '../validation/requestShapes';

export const connectionRoutes: Record<string, Route> = {
  '/v1/connections/list': post<{ workspaceId: string }>(
    'listConnectionsForWorkspace',
    workspaceIdRequestBody,
    (body, store) => ({
      connections: store.listConnections(body.workspaceId).map((c) => toConnectionRead(c, store)),
    }),
  ),
  '/v1/connections/get': post<{ connectionId: string }>('getConnection', connectionIdRequestBody, (body, store) =>
    toConnectionRead(store.getConnection(body.connectionId), store),
  ),
};
