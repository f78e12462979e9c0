// Import review: instructors (and the administrator, for a new course) read a syllabus with their fixes, then apply it.
import { errorSchema } from '../../contracts/course.js';
import {
  applyViewSchema,
  reviewBodySchema,
  reviewViewSchema,
  storedFixesSchema,
} from '../../contracts/syllabus-review.js';
import { instanceBlocker } from '../../domain/permissions.js';
import { recordAudit } from '../../services/audit/record-audit.js';
import { authorize, blockerError, courseAccess } from '../../services/enrollment/course-access.js';
import { applyForCourse, reviewForCourse, storedFixes } from '../../services/syllabus-review.js';
import type { RoutePlugin } from '../deps.js';
import { metaOf } from '../plugins/auth.js';
import { slugParamsSchema } from './courses.js';

const tags = ['syllabus'];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
};
const bodyLimit = 6 * 1024 * 1024;

export const syllabusReviewRoutes: RoutePlugin = async (app, { deps }) => {
  const settings = { defaultZone: deps.config.timeZone, allowLoopback: deps.config.syllabusFetchLoopback };
  const services = { db: deps.db, clock: deps.clock };

  app.get(
    '/courses/:slug/syllabus/fixes',
    {
      schema: {
        summary: 'The fixes kept with the course from its last import review (instructors)',
        tags,
        params: slugParamsSchema,
        response: { 200: storedFixesSchema, ...errors },
      },
    },
    async (request) => {
      const access = await courseAccess(deps.db, request.params.slug, request.viewer);
      authorize(access, 'importSyllabus');
      return storedFixes(services, access.course.slug, settings);
    },
  );

  app.post(
    '/courses/:slug/syllabus/read',
    {
      bodyLimit,
      schema: {
        summary:
          'Read a new version of the syllabus with fixes, beside its source lines; writes nothing (instructors)',
        tags,
        params: slugParamsSchema,
        body: reviewBodySchema,
        response: { 200: reviewViewSchema, ...errors },
      },
    },
    async (request) => {
      const access = await courseAccess(deps.db, request.params.slug, request.viewer);
      authorize(access, 'importSyllabus');
      return reviewForCourse(services, access.course.slug, request.body, settings);
    },
  );

  app.post(
    '/courses/:slug/syllabus/apply',
    {
      bodyLimit,
      schema: {
        summary: 'Store the reviewed syllabus in place of the course and keep its fixes (instructors)',
        tags,
        params: slugParamsSchema,
        body: reviewBodySchema,
        response: { 200: applyViewSchema, ...errors },
      },
    },
    async (request) => {
      const access = await courseAccess(deps.db, request.params.slug, request.viewer);
      authorize(access, 'importSyllabus');
      const applied = await applyForCourse(services, access.course.slug, request.body, settings);
      const actor = request.session!.user;
      await recordAudit(deps.db, deps.clock(), {
        actor: { id: actor.id, email: actor.email },
        courseId: access.course.id,
        action: 'syllabus-imported',
        target: access.course.slug,
        details: { meetings: applied.meetings, fixes: applied.fixes.filter((f) => f.applied).length },
        ...metaOf(request),
      });
      return applied;
    },
  );

  app.post(
    '/admin/syllabus/read',
    {
      bodyLimit,
      schema: {
        summary:
          'Read the syllabus of a new course with fixes, beside its source lines; writes nothing (administrator)',
        tags,
        body: reviewBodySchema,
        response: { 200: reviewViewSchema, ...errors },
      },
    },
    async (request) => {
      const blocker = instanceBlocker('createCourse', request.viewer);
      if (blocker) throw blockerError(blocker);
      return reviewForCourse(services, null, request.body, settings);
    },
  );
};
