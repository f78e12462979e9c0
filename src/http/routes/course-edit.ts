// Editing a course in the browser (staff): classes (add, move, cancel after a look at what they hold), readings, units, staff, policies.
import type { FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import {
  addMeetingBodySchema,
  cancelBodySchema,
  meetingFieldsSchema,
  meetingIdParamsSchema,
  policiesBodySchema,
  readingsBodySchema,
  staffBodySchema,
  unitsBodySchema,
} from '../../contracts/course-edit.js';
import { errorSchema } from '../../contracts/course.js';
import { cancelClass, classAttachments } from '../../services/course-edit/cancel-class.js';
import {
  addClass,
  changeClass,
  editPolicies,
  editReadings,
  editStaff,
  editUnits,
  viewCourseForEdit,
} from '../../services/course-edit/edit-course.js';
import { courseAccess } from '../../services/enrollment/course-access.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { slugParamsSchema } from './courses.js';

const tags = ['course-edit'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const ok = z.object({}).passthrough();

export const courseEditRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = { db: deps.db, clock: deps.clock };
  const access = (request: FastifyRequest) =>
    courseAccess(deps.db, (request.params as { slug: string }).slug, request.viewer);
  const schema = (summary: string, params: ZodType, body?: ZodType) => ({
    schema: { summary, tags, params, ...(body ? { body } : {}), response: { 200: ok, ...errors } },
  });

  app.get(
    '/courses/:slug/edit',
    schema('The course as the editor shows it (staff)', slugParamsSchema),
    async (request, reply) => {
      noStore(reply);
      return viewCourseForEdit(svc, await access(request));
    },
  );

  app.post(
    '/courses/:slug/edit/classes',
    schema(
      'Add a class on a free day, at the usual or its own hours in the course zone (staff)',
      slugParamsSchema,
      addMeetingBodySchema,
    ),
    async (request) =>
      addClass(svc, await access(request), request.body as z.output<typeof addMeetingBodySchema>),
  );

  app.patch(
    '/courses/:slug/edit/classes/:meetingId',
    schema(
      'Move a class to another day or time, or retitle it; its roles, hand-ins and discussion follow (staff)',
      meetingIdParamsSchema,
      meetingFieldsSchema,
    ),
    async (request) => {
      const { meetingId } = request.params as { meetingId: string };
      return changeClass(
        svc,
        await access(request),
        meetingId,
        request.body as z.output<typeof meetingFieldsSchema>,
      );
    },
  );

  app.get(
    '/courses/:slug/edit/classes/:meetingId/attached',
    schema(
      'What a class holds (roles, hand-ins, deadlines), shown before cancelling it (staff)',
      meetingIdParamsSchema,
    ),
    async (request, reply) => {
      noStore(reply);
      const { meetingId } = request.params as { meetingId: string };
      return classAttachments(svc, await access(request), meetingId);
    },
  );

  app.post(
    '/courses/:slug/edit/classes/:meetingId/cancel',
    schema(
      'Cancel a class once what it holds was confirmed: a special day "Cancelled", roles released (staff)',
      meetingIdParamsSchema,
      cancelBodySchema,
    ),
    async (request) => {
      const { meetingId } = request.params as { meetingId: string };
      return cancelClass(svc, await access(request), meetingId);
    },
  );

  app.put(
    '/courses/:slug/edit/classes/:meetingId/readings',
    schema(
      'Set the readings of a class: add, edit, remove, reorder (staff)',
      meetingIdParamsSchema,
      readingsBodySchema,
    ),
    async (request) => {
      const { meetingId } = request.params as { meetingId: string };
      return editReadings(
        svc,
        await access(request),
        meetingId,
        request.body as z.output<typeof readingsBodySchema>,
      );
    },
  );

  app.put(
    '/courses/:slug/edit/units',
    schema('Set the units (staff)', slugParamsSchema, unitsBodySchema),
    async (request) =>
      editUnits(svc, await access(request), request.body as z.output<typeof unitsBodySchema>),
  );

  app.put(
    '/courses/:slug/edit/staff',
    schema(
      'Set the staff: names, roles, NetIDs, office hours; the staff e-mail (staff)',
      slugParamsSchema,
      staffBodySchema,
    ),
    async (request) =>
      editStaff(svc, await access(request), request.body as z.output<typeof staffBodySchema>),
  );

  app.put(
    '/courses/:slug/edit/policies',
    schema('Set the policies (Markdown, shown sanitized) (staff)', slugParamsSchema, policiesBodySchema),
    async (request) =>
      editPolicies(svc, await access(request), request.body as z.output<typeof policiesBodySchema>),
  );
};
