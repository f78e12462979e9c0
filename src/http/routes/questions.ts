// Questions of a class: your own before the deadline; after it, presenters and staff see all, grouped by reading.
import { looseObjectSchema, meetingParamsSchema } from '../../contracts/work.js';
import { meetingQuestions } from '../../services/work/questions.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { errors, tags, workOf } from './deliverables.js';

export const questionRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/courses/:slug/meetings/:date/questions',
    {
      schema: {
        summary: 'Questions of a class visible to you, grouped by reading (members)',
        tags,
        params: meetingParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, date } = request.params;
      const work = await workOf(deps, request, slug);
      noStore(reply);
      return meetingQuestions(deps, work, date, deps.clock());
    },
  );
};
