// The administrator's routes: create a course from a syllabus and name its instructors.
import { z } from 'zod';
import { errorSchema } from '../../contracts/course.js';
import { userSchema } from '../../contracts/auth.js';
import { syllabusFixSchema } from '../../contracts/syllabus-review.js';
import type { SyllabusFix } from '../../syllabus/index.js';
import { instanceBlocker } from '../../domain/permissions.js';
import { recordAudit } from '../../services/audit/record-audit.js';
import { blockerError, findCourse } from '../../services/enrollment/course-access.js';
import { nameInstructor } from '../../services/enrollment/name-instructor.js';
import { DomainError } from '../../services/errors.js';
import { importSyllabus } from '../../services/import-syllabus.js';
import type { RoutePlugin } from '../deps.js';
import { metaOf } from '../plugins/auth.js';
import { presentUser } from '../presenters/user.js';
import { slugParamsSchema } from './courses.js';

const tags = ['admin'];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
};

const createCourseBody = z.object({
  slug: z.string().max(64),
  /** The course's Markdown syllabus. */
  syllabus: z
    .string()
    .min(1)
    .max(5 * 1024 * 1024),
  timeZone: z.string().max(64).optional(),
  /** The course repository's folder: the syllabus's relative links resolve against it. */
  baseUrl: z.string().max(2000).optional(),
  instructor: z.object({ email: z.string().max(300), name: z.string().max(200) }).optional(),
  /** Fixes from the import review (POST /admin/syllabus/read), kept with the course. */
  fixes: z.array(syllabusFixSchema).max(500).optional(),
  /** Store the course even though the importer refused it (header, staff and policies, no classes). */
  acceptPartial: z.boolean().optional(),
});
const instructorBody = z.object({ email: z.string().max(300), name: z.string().max(200) });

export const adminRoutes: RoutePlugin = async (app, { deps }) => {
  app.post(
    '/admin/courses',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        summary:
          'Create a course from its Markdown syllabus, optionally naming its instructor (administrator)',
        tags,
        body: createCourseBody,
        response: {
          201: z.object({
            slug: z.string(),
            title: z.string(),
            meetings: z.number().int(),
            instructor: userSchema.nullable(),
            /** Whether the instructor was new here and was e-mailed an invitation to choose a password. */
            invited: z.boolean(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const blocker = instanceBlocker('createCourse', request.viewer);
      if (blocker) throw blockerError(blocker);
      const body = request.body;
      if (await findCourse(deps.db, body.slug))
        throw new DomainError('conflict', `A course "${body.slug}" already exists.`, { field: 'slug' });
      const result = await importSyllabus(
        { db: deps.db, clock: deps.clock },
        {
          source: body.syllabus,
          slug: body.slug,
          timeZone: body.timeZone ?? deps.config.timeZone,
          ...(body.baseUrl !== undefined ? { baseUrl: body.baseUrl } : {}),
          fixes: (body.fixes ?? []) as SyllabusFix[],
          acceptPartial: body.acceptPartial === true,
        },
      );
      const course = (await findCourse(deps.db, body.slug))!;
      const actor = request.session!.user;
      await recordAudit(deps.db, deps.clock(), {
        actor: { id: actor.id, email: actor.email },
        courseId: course.id,
        action: 'course-created',
        target: body.slug,
        ...metaOf(request),
      });
      const named = body.instructor
        ? await nameInstructor(
            app.auth.context(),
            request.viewer,
            actor,
            course,
            body.instructor,
            metaOf(request),
          )
        : null;
      return reply.code(201).send({
        slug: result.stored.slug ?? body.slug,
        title: course.title,
        meetings: result.course.meetings.length,
        instructor: named ? presentUser(named.user) : null,
        invited: named?.invited ?? false,
      });
    },
  );

  app.post(
    '/admin/courses/:slug/instructors',
    {
      schema: {
        summary: 'Name an instructor of a course; new people get an invitation (administrator)',
        tags,
        params: slugParamsSchema,
        body: instructorBody,
        response: { 200: z.object({ user: userSchema, invited: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      const blocker = instanceBlocker('nameInstructors', request.viewer);
      if (blocker) throw blockerError(blocker);
      const { slug } = request.params;
      const course = await findCourse(deps.db, slug);
      if (!course) throw new DomainError('not_found', `No course "${slug}" here.`);
      const body = request.body;
      const named = await nameInstructor(
        app.auth.context(),
        request.viewer,
        request.session!.user,
        course,
        body,
        metaOf(request),
      );
      return { user: presentUser(named.user), invited: named.invited };
    },
  );
};
