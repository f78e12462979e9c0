// GET /api/health (liveness: the process is up and the database answers) and GET /api/ready (readiness, for balancers).
import { z } from 'zod';
import { checkDatabase, checkReadiness } from '../../services/health.js';
import type { RoutePlugin } from '../deps.js';
import { sendError } from '../plugins/errors.js';

export const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') });
const readySchema = z.object({ status: z.literal('ready') });

export const healthRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/health',
    { schema: { summary: 'Liveness and database check', tags: ['system'], response: { 200: healthSchema } } },
    async (_request, reply) => {
      try {
        await checkDatabase(deps.db);
      } catch {
        return sendError(reply, 503, 'unavailable', 'The database does not answer.');
      }
      reply.header('cache-control', 'no-store');
      return { status: 'ok', database: 'ok' } as const;
    },
  );

  app.get(
    '/ready',
    {
      schema: {
        summary:
          'Readiness for a load balancer: 200 when the database answers and its migrations are this version’s; 503 with the reason otherwise, and while the instance drains before stopping',
        tags: ['system'],
        response: { 200: readySchema },
      },
    },
    async (_request, reply) => {
      deps.lifecycle.lastReadyProbe = Date.now();
      reply.header('cache-control', 'no-store');
      if (deps.lifecycle.draining)
        return sendError(
          reply,
          503,
          'draining',
          'This instance is shutting down; requests go to the others.',
        );
      const readiness = await checkReadiness(deps.db);
      if (!readiness.ready) return sendError(reply, 503, readiness.code, readiness.message);
      return { status: 'ready' } as const;
    },
  );
};
