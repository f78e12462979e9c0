// Dashboards: the student's "what is due", the staff view of a class, the staff table of a deliverable.
import { deliverableParamsSchema, looseObjectSchema, meetingParamsSchema } from '../../contracts/work.js';
import { deliverableTable, meetingDashboard } from '../../services/dashboard/staff.js';
import { studentDashboard } from '../../services/dashboard/student.js';
import { todayView } from '../../services/dashboard/today.js';
import type { RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { slugParamsSchema } from './courses.js';
import { errors, tags, workOf } from './deliverables.js';

export const dashboardRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/courses/:slug/dashboard',
    {
      schema: {
        summary:
          "What is due for me: questions, my group's work, late items, misses left, receipts (students)",
        tags,
        params: slugParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      noStore(reply);
      return studentDashboard(deps, await workOf(deps, request, slug), deps.clock());
    },
  );

  app.get(
    '/courses/:slug/today',
    {
      schema: {
        summary:
          'Today for staff: the next class (roles, slides, questions), decisions waiting, rolls not taken (staff)',
        tags,
        params: slugParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      noStore(reply);
      return todayView(deps, await workOf(deps, request, slug), deps.clock());
    },
  );

  app.get(
    '/courses/:slug/meetings/:date/dashboard',
    {
      schema: {
        summary: 'A class for staff: who handed in questions, slides and summary status, attendance (staff)',
        tags,
        params: meetingParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, date } = request.params;
      noStore(reply);
      return meetingDashboard(deps, await workOf(deps, request, slug), date, deps.clock());
    },
  );

  app.get(
    '/courses/:slug/deliverables/:key/status',
    {
      schema: {
        summary: "Everyone's status on one deliverable (staff)",
        tags,
        params: deliverableParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, key } = request.params;
      noStore(reply);
      return deliverableTable(deps, await workOf(deps, request, slug), key, deps.clock());
    },
  );
};
