import type { Route } from '../route';

export const healthRoutes: Record<string, Route> = {
  '/v1/health': { operationId: 'getHealthCheck', methods: ['GET', 'POST'], open: true, handle: () => ({ available: true }) },
};
