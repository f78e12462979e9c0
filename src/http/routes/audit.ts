// The audit log: a course's (its instructors and the administrator) and the whole instance's (administrator).
import { errorSchema } from '../../contracts/course.js';
import { auditBodySchema, auditQuerySchema } from '../../contracts/roster.js';
import { instanceBlocker } from '../../domain/permissions.js';
import { readAuditLog } from '../../services/audit/list-audit.js';
import { presentAuditLog } from '../presenters/audit.js';
import { authorize, blockerError, courseAccess } from '../../services/enrollment/course-access.js';
import type { RoutePlugin } from '../deps.js';
import { slugParamsSchema } from './courses.js';

const tags = ['audit'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export const auditRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/courses/:slug/audit',
    {
      schema: {
        summary: "The course's audit log, newest first (instructors)",
        tags,
        params: slugParamsSchema,
        querystring: auditQuerySchema,
        response: { 200: auditBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const query = request.query;
      const access = await courseAccess(deps.db, slug, request.viewer);
      authorize(access, 'viewAuditLog');
      reply.header('cache-control', 'no-store');
      return presentAuditLog(await readAuditLog(deps.db, { courseId: access.course.id, ...query }));
    },
  );

  app.get(
    '/admin/audit',
    {
      schema: {
        summary: "The whole instance's audit log, newest first (administrator)",
        tags,
        querystring: auditQuerySchema,
        response: { 200: auditBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const blocker = instanceBlocker('viewInstanceAuditLog', request.viewer);
      if (blocker) throw blockerError(blocker);
      const query = request.query;
      reply.header('cache-control', 'no-store');
      return presentAuditLog(await readAuditLog(deps.db, { courseId: null, ...query }));
    },
  );
};
