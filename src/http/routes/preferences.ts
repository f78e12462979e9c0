// Rankings: a group's own ranking of the meetings it would like to present, and the staff matrix of groups × meetings.
import { errorSchema } from '../../contracts/course.js';
import { preferenceMatrixSchema, rankingBodySchema, setRankingBodySchema } from '../../contracts/groups.js';
import { courseAccess } from '../../services/enrollment/course-access.js';
import { getGroupRanking, preferenceMatrix, setGroupRanking } from '../../services/groups/rank-meetings.js';
import type { RoutePlugin } from '../deps.js';
import { requireUser } from '../plugins/auth.js';
import { slugParamsSchema } from './courses.js';

const tags = ['preferences'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export const preferenceRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => ({ db: deps.db, clock: deps.clock });

  app.get(
    '/courses/:slug/groups/mine/preferences',
    {
      schema: {
        summary: "Your group's ranking, the meetings to rank and who changed it (students)",
        tags,
        params: slugParamsSchema,
        response: { 200: rankingBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      requireUser(request);
      reply.header('cache-control', 'no-store');
      return getGroupRanking(svc(), await courseAccess(deps.db, slug, request.viewer), request.viewer!);
    },
  );

  app.put(
    '/courses/:slug/groups/mine/preferences',
    {
      schema: {
        summary: "Replace your group's ranking, best first, fully or partly (students, before the deadline)",
        tags,
        params: slugParamsSchema,
        body: setRankingBodySchema,
        response: { 200: rankingBodySchema, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      requireUser(request);
      const { meetingIds } = request.body;
      return setGroupRanking(
        svc(),
        await courseAccess(deps.db, slug, request.viewer),
        request.viewer!,
        meetingIds,
      );
    },
  );

  app.get(
    '/courses/:slug/preferences',
    {
      schema: {
        summary: "Every group's rank of every meeting that needs presenters (staff)",
        tags,
        params: slugParamsSchema,
        response: { 200: preferenceMatrixSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      reply.header('cache-control', 'no-store');
      return preferenceMatrix(svc(), await courseAccess(deps.db, slug, request.viewer));
    },
  );
};
