// GET /api/courses and GET /api/courses/:slug: the public course site's data.
import { z } from 'zod';
import { courseDetailSchema, courseSummarySchema, errorSchema } from '../../contracts/course.js';
import { listCourses } from '../../services/list-courses.js';
import type { RoutePlugin } from '../deps.js';
import { presentCourseSummary } from '../presenters/course.js';
import { encodedBody } from '../presenters/course-cache.js';
import { readCourseBody } from '../presenters/course-read.js';

export const slugParamsSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, 'a course slug is lower-case letters, digits and hyphens, 1–64 characters')
    .describe('Course slug, e.g. cs598-genai-f24'),
});

export const courseListSchema = z.object({ courses: z.array(courseSummarySchema) });

const JSON_TYPE = 'application/json; charset=utf-8';

export const courseRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/courses',
    { schema: { summary: 'Courses hosted here', tags: ['courses'], response: { 200: courseListSchema } } },
    async (_request, reply) => {
      const courses = await listCourses(deps);
      reply.header('cache-control', 'no-cache');
      return { courses: courses.map(presentCourseSummary) };
    },
  );

  app.get(
    '/courses/:slug',
    {
      schema: {
        summary: 'One course: logistics, staff, schedule with readings, grading, policies, milestones',
        tags: ['courses'],
        params: slugParamsSchema,
        response: {
          200: courseDetailSchema,
          304: z.null().describe('Not modified (ETag matched)'),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const cached = await readCourseBody(deps, request.params.slug, request.viewer);
      reply
        .header('etag', cached.etag)
        .header('cache-control', request.viewer ? 'private, no-cache' : 'no-cache')
        .header('vary', 'cookie');
      if (etagMatches(request.headers['if-none-match'], cached.etag)) return reply.code(304).send();
      const { encoding, body } = encodedBody(cached, request.headers['accept-encoding']);
      reply.header('vary', 'cookie, accept-encoding');
      if (encoding) reply.header('content-encoding', encoding);
      return reply.type(JSON_TYPE).send(body);
    },
  );
};

/** If-None-Match holds our ETag (weak comparison, lists and "*" allowed). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
