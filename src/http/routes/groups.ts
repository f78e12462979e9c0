// Groups: the overview, students creating/inviting/leaving, invitations answered, staff moves and seeded auto-formation.
import { z } from 'zod';
import { errorSchema } from '../../contracts/course.js';
import {
  createGroupBodySchema,
  formationPlanBodySchema,
  formationPreviewSchema,
  groupsBodySchema,
  invitationParamsSchema,
  inviteBodySchema,
  moveMemberBodySchema,
  planIdBodySchema,
} from '../../contracts/groups.js';
import { abilitiesOf, courseAccess } from '../../services/enrollment/course-access.js';
import { applyGroupFormation, planGroupFormationFor } from '../../services/groups/form-groups.js';
import { groupsOverview } from '../../services/groups/list-groups.js';
import {
  createGroup,
  inviteToGroup,
  leaveGroup,
  respondToInvitation,
} from '../../services/groups/manage-group.js';
import { moveMember } from '../../services/groups/move-member.js';
import type { RoutePlugin } from '../deps.js';
import { requireUser } from '../plugins/auth.js';
import { presentGroups } from '../presenters/group.js';
import { slugParamsSchema } from './courses.js';

const tags = ['groups'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const ok = z.object({}).passthrough();

export const groupRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => ({ db: deps.db, clock: deps.clock });
  const signedIn = (request: { viewer: { userId: string; isAdmin: boolean } | null }) => {
    requireUser(request as never);
    return request.viewer!;
  };

  app.get(
    '/courses/:slug/groups',
    {
      schema: {
        summary:
          "The course's groups, the viewer's group and invitations, students without a group (members)",
        tags,
        params: slugParamsSchema,
        response: { 200: groupsBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const access = await courseAccess(deps.db, slug, request.viewer);
      reply.header('cache-control', 'no-store');
      return presentGroups(await groupsOverview(svc(), access), abilitiesOf(access));
    },
  );

  app.post(
    '/courses/:slug/groups',
    {
      schema: {
        summary: 'Create a group with yourself as its first member (students, before the deadline)',
        tags,
        params: slugParamsSchema,
        body: createGroupBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const viewer = signedIn(request);
      const body = request.body;
      return createGroup(
        svc(),
        await courseAccess(deps.db, slug, viewer),
        viewer,
        body.name === undefined ? {} : { name: body.name },
      );
    },
  );

  app.post(
    '/courses/:slug/groups/mine/invitations',
    {
      schema: {
        summary: 'Invite a classmate to your group (students, before the deadline)',
        tags,
        params: slugParamsSchema,
        body: inviteBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const viewer = signedIn(request);
      const { userId } = request.body;
      return inviteToGroup(svc(), await courseAccess(deps.db, slug, viewer), viewer, userId);
    },
  );

  app.post(
    '/courses/:slug/groups/mine/leave',
    {
      schema: {
        summary: 'Leave your group (students, before the deadline)',
        tags,
        params: slugParamsSchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const viewer = signedIn(request);
      return leaveGroup(svc(), await courseAccess(deps.db, slug, viewer), viewer);
    },
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/courses/:slug/invitations/:invitationId/${answer}`,
      {
        schema: {
          summary: `${answer === 'accept' ? 'Accept' : 'Decline'} an invitation to a group (students)`,
          tags,
          params: invitationParamsSchema,
          response: { 200: ok, ...errors },
        },
      },
      async (request) => {
        const { slug, invitationId } = request.params;
        const viewer = signedIn(request);
        return respondToInvitation(
          svc(),
          await courseAccess(deps.db, slug, viewer),
          viewer,
          invitationId,
          answer === 'accept',
        );
      },
    );
  }

  app.post(
    '/courses/:slug/groups/move',
    {
      schema: {
        summary: 'Move a student into a group, a new group, or out of every group (staff)',
        tags,
        params: slugParamsSchema,
        body: moveMemberBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const viewer = signedIn(request);
      return moveMember(svc(), await courseAccess(deps.db, slug, viewer), request.body);
    },
  );

  app.post(
    '/courses/:slug/groups/formation/plan',
    {
      schema: {
        summary: 'Plan groups for the students left without one; writes no group (staff)',
        tags,
        params: slugParamsSchema,
        body: formationPlanBodySchema,
        response: { 200: formationPreviewSchema, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const viewer = signedIn(request);
      const { seed } = request.body;
      return planGroupFormationFor(svc(), await courseAccess(deps.db, slug, viewer), seed);
    },
  );

  app.post(
    '/courses/:slug/groups/formation/apply',
    {
      schema: {
        summary: 'Apply a group formation plan, all or nothing; refused if groups changed since (staff)',
        tags,
        params: slugParamsSchema,
        body: planIdBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const viewer = signedIn(request);
      const { planId } = request.body;
      return applyGroupFormation(svc(), await courseAccess(deps.db, slug, viewer), planId);
    },
  );
};
