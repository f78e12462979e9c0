// GET /api/openapi.json: the OpenAPI 3 document generated from the routes' zod schemas.
import type { RoutePlugin } from '../deps.js';

export const openApiRoutes: RoutePlugin = async (app) => {
  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return app.swagger();
  });
};
