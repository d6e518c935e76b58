import { post, type Route } from '../route';
import { workspaceIdRequestBody } from '../validation/requestShapes';

export const workspaceRoutes: Record<string, Route> = {
  // No request body in the spec: an empty POST is the normal call.
  '/v1/workspaces/list': {
    operationId: 'listWorkspaces',
    methods: ['POST'],
    handle: (_body, store) => ({ workspaces: store.listWorkspaces() }),
  },
  '/v1/workspaces/get': post<{ workspaceId: string }>('getWorkspace', workspaceIdRequestBody, (body, store) =>
    store.getWorkspace(body.workspaceId),
  ),
};
