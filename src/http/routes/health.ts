// GET /api/health: the process is up and the database answers (load balancers poll this).
import { z } from 'zod';
import { checkDatabase } from '../../services/health.js';
import type { RoutePlugin } from '../deps.js';
import { sendError } from '../plugins/errors.js';

export const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok') });

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
};
