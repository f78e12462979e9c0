// Role assignment: public panels, staff plan → preview → apply, hand edits and locks, exclusions, settings, publish; a student's own roles.
import { z } from 'zod';
import { errorSchema } from '../../contracts/course.js';
import {
  editRoleBodySchema,
  exclusionBodySchema,
  lockRoleBodySchema,
  myRolesBodySchema,
  panelsBodySchema,
  planRolesBodySchema,
  publishBodySchema,
  rolePlanSchema,
  settingsPatchSchema,
  staffAssignmentSchema,
} from '../../contracts/assignment.js';
import { planIdBodySchema } from '../../contracts/groups.js';
import {
  editRole,
  publishRoles,
  setExclusion,
  setRoleLock,
  updateAssignmentSettings,
  type SettingsPatch,
} from '../../services/assignment/edit-roles.js';
import { applyRolePlan, latestRolePlan, planRoles } from '../../services/assignment/plan-roles.js';
import { coursePanels, myRoles, staffAssignmentView } from '../../services/assignment/view-assignment.js';
import { courseAccess } from '../../services/enrollment/course-access.js';
import type { RoutePlugin } from '../deps.js';
import { requireUser } from '../plugins/auth.js';
import { presentStaffAssignment } from '../presenters/assignment.js';
import { slugParamsSchema } from './courses.js';

const tags = ['assignment'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const ok = z.object({}).passthrough();

export const assignmentRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => ({ db: deps.db, clock: deps.clock });
  const staffAccess = async (request: {
    params: { slug: string };
    viewer: { userId: string; isAdmin: boolean } | null;
  }) => {
    requireUser(request as never);
    const { slug } = request.params;
    return courseAccess(deps.db, slug, request.viewer);
  };

  app.get(
    '/courses/:slug/assignment',
    {
      schema: {
        summary:
          "Each lecture's panel: presenters and summarizers (authors), reviewers — once published (staff: always)",
        tags,
        params: slugParamsSchema,
        response: { 200: panelsBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      reply.header('cache-control', 'no-store');
      return coursePanels(svc(), await courseAccess(deps.db, slug, request.viewer));
    },
  );

  app.get(
    '/courses/:slug/assignment/staff',
    {
      schema: {
        summary: 'Roles with locks, exclusions, rule violations, settings and the latest plan (staff)',
        tags,
        params: slugParamsSchema,
        response: { 200: staffAssignmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const access = await staffAccess(request);
      const view = await staffAssignmentView(svc(), access);
      reply.header('cache-control', 'no-store');
      return presentStaffAssignment(view, await latestRolePlan(svc(), access));
    },
  );

  app.post(
    '/courses/:slug/assignment/plan',
    {
      schema: {
        summary: 'Solve for the current groups, rankings and locks; stores the plan and previews it (staff)',
        tags,
        params: slugParamsSchema,
        body: planRolesBodySchema,
        response: { 200: rolePlanSchema, ...errors },
      },
    },
    async (request) => {
      const body = request.body;
      return planRoles(
        svc(),
        await staffAccess(request),
        body.timeLimitSeconds ? { timeLimitSeconds: body.timeLimitSeconds } : {},
      );
    },
  );

  app.post(
    '/courses/:slug/assignment/apply',
    {
      schema: {
        summary: 'Replace the roles with a stored plan; refused when its input changed since (staff)',
        tags,
        params: slugParamsSchema,
        body: planIdBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { planId } = request.body;
      return applyRolePlan(svc(), await staffAccess(request), planId);
    },
  );

  app.put(
    '/courses/:slug/assignment/roles',
    {
      schema: {
        summary:
          "Set or remove one group's role in one meeting by hand (locked); rule breaks need confirm (staff)",
        tags,
        params: slugParamsSchema,
        body: editRoleBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const body = request.body;
      return editRole(svc(), await staffAccess(request), {
        meetingId: body.meetingId,
        groupId: body.groupId,
        role: body.role,
        ...(body.locked === undefined ? {} : { locked: body.locked }),
        ...(body.confirm === undefined ? {} : { confirm: body.confirm }),
      });
    },
  );

  app.post(
    '/courses/:slug/assignment/locks',
    {
      schema: {
        summary: 'Lock or unlock a role so re-solving keeps it (staff)',
        tags,
        params: slugParamsSchema,
        body: lockRoleBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      return setRoleLock(svc(), await staffAccess(request), request.body);
    },
  );

  app.post(
    '/courses/:slug/assignment/exclusions',
    {
      schema: {
        summary: 'Mark a group unavailable on a meeting, or available again (staff)',
        tags,
        params: slugParamsSchema,
        body: exclusionBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      await setExclusion(svc(), await staffAccess(request), request.body);
      return {};
    },
  );

  app.post(
    '/courses/:slug/assignment/publish',
    {
      schema: {
        summary: 'Publish the roles to students and the schedule, or take them back (staff)',
        tags,
        params: slugParamsSchema,
        body: publishBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { published } = request.body;
      return publishRoles(svc(), await staffAccess(request), published);
    },
  );

  app.patch(
    '/courses/:slug/assignment/settings',
    {
      schema: {
        summary: 'Group sizes, group deadline and per-role counts; null restores the syllabus value (staff)',
        tags,
        params: slugParamsSchema,
        body: settingsPatchSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const body = request.body;
      const patch = Object.fromEntries(
        Object.entries(body).filter(([, v]) => v !== undefined),
      ) as SettingsPatch;
      await updateAssignmentSettings(svc(), await staffAccess(request), patch);
      return {};
    },
  );

  app.get(
    '/courses/:slug/my-roles',
    {
      schema: {
        summary: "Your group's published roles with the dates they imply (students)",
        tags,
        params: slugParamsSchema,
        response: { 200: myRolesBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      requireUser(request);
      const { slug } = request.params;
      reply.header('cache-control', 'no-store');
      return myRoles(svc(), await courseAccess(deps.db, slug, request.viewer), request.viewer!);
    },
  );
};
