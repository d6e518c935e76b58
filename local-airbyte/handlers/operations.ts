import { post, type Route } from '../route';
import { connectionIdRequestBody, operationIdRequestBody } from '../validation/requestShapes';

export const operationRoutes: Record<string, Route> = {
  '/v1/operations/list': post<{ connectionId: string }>(
    'listOperationsForConnection',
    connectionIdRequestBody,
    (body, store) => ({
      operations: store.getConnection(body.connectionId).operationIds.map((id) => store.getOperation(id)),
    }),
  ),
  '/v1/operations/get': post<{ operationId: string }>('getOperation', operationIdRequestBody, (body, store) =>
    store.getOperation(body.operationId),
  ),
};
