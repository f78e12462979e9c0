// Talk slots of presentation days: staff board, auto-fill plan → preview → apply, place / move / reorder, remove, talk length, publish; a student's own day.
import { z } from 'zod';
import { errorSchema } from '../../contracts/course.js';
import {
  myTalksBodySchema,
  placeTalkBodySchema,
  slotApplyBodySchema,
  slotBoardsSchema,
  slotGroupParamsSchema,
  slotKeyParamsSchema,
  slotPlanBodySchema,
  slotPlanSchema,
  slotProblemsBodySchema,
  slotPublishBodySchema,
  slotSettingsBodySchema,
} from '../../contracts/talk-slots.js';
import { courseAccess } from '../../services/enrollment/course-access.js';
import {
  placeTalk,
  publishTalkSlots,
  removeTalkSlot,
  updateTalkSlotSettings,
} from '../../services/slots/edit-slots.js';
import { applyTalkSlotPlan, planTalkSlots } from '../../services/slots/plan-slots.js';
import { myTalkSlots, staffSlotBoards } from '../../services/slots/view-slots.js';
import type { RoutePlugin } from '../deps.js';
import { requireUser } from '../plugins/auth.js';
import { slugParamsSchema } from './courses.js';

const tags = ['talk-slots'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const ok = z.object({}).passthrough();

export const talkSlotRoutes: RoutePlugin = async (app, { deps }) => {
  const svc = () => ({ db: deps.db, clock: deps.clock });
  const signedInAccess = async (request: {
    params: { slug: string };
    viewer: { userId: string; isAdmin: boolean } | null;
  }) => {
    requireUser(request as never);
    const { slug } = request.params;
    return courseAccess(deps.db, slug, request.viewer);
  };

  app.get(
    '/courses/:slug/talk-slots',
    {
      schema: {
        summary: 'Presentation days with the groups on them, in order, and what is wrong (staff)',
        tags,
        params: slugParamsSchema,
        response: { 200: slotBoardsSchema, ...errors },
      },
    },
    async (request, reply) => {
      const access = await signedInAccess(request);
      reply.header('cache-control', 'no-store');
      return staffSlotBoards(svc(), access);
    },
  );

  app.post(
    '/courses/:slug/talk-slots/:key/plan',
    {
      schema: {
        summary:
          'Spread the groups evenly over the days, keeping hand-placed talks; a preview, nothing is saved (staff)',
        tags,
        params: slotKeyParamsSchema,
        body: slotPlanBodySchema,
        response: { 200: slotPlanSchema, ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      return planTalkSlots(svc(), await signedInAccess(request), key);
    },
  );

  app.post(
    '/courses/:slug/talk-slots/:key/apply',
    {
      schema: {
        summary: 'Apply the previewed spread; refused when groups or slots changed since (staff)',
        tags,
        params: slotKeyParamsSchema,
        body: slotApplyBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { fingerprint } = request.body;
      return applyTalkSlotPlan(svc(), await signedInAccess(request), key, fingerprint);
    },
  );

  app.put(
    '/courses/:slug/talk-slots/:key/groups/:groupId',
    {
      schema: {
        summary:
          'Put a group on a presentation day at a place in its order (moves it off another day); kept by auto-fill (staff)',
        tags,
        params: slotGroupParamsSchema,
        body: placeTalkBodySchema,
        response: { 200: slotProblemsBodySchema, ...errors },
      },
    },
    async (request) => {
      const { key, groupId } = request.params;
      const body = request.body;
      return placeTalk(svc(), await signedInAccess(request), key, {
        groupId,
        meetingId: body.meetingId,
        ...(body.position === undefined ? {} : { position: body.position }),
        ...(body.startTime === undefined ? {} : { startTime: body.startTime }),
      });
    },
  );

  app.delete(
    '/courses/:slug/talk-slots/:key/groups/:groupId',
    {
      schema: {
        summary: 'Take a group off its presentation day (staff)',
        tags,
        params: slotGroupParamsSchema,
        response: { 200: slotProblemsBodySchema, ...errors },
      },
    },
    async (request) => {
      const { key, groupId } = request.params;
      return removeTalkSlot(svc(), await signedInAccess(request), key, groupId);
    },
  );

  app.patch(
    '/courses/:slug/talk-slots/:key/settings',
    {
      schema: {
        summary:
          'Talk length in minutes (a day then takes class length ÷ talk length talks), null for none (staff)',
        tags,
        params: slotKeyParamsSchema,
        body: slotSettingsBodySchema,
        response: { 200: slotProblemsBodySchema, ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const body = request.body;
      return updateTalkSlotSettings(
        svc(),
        await signedInAccess(request),
        key,
        body.talkMinutes === undefined ? {} : { talkMinutes: body.talkMinutes },
      );
    },
  );

  app.post(
    '/courses/:slug/talk-slots/:key/publish',
    {
      schema: {
        summary: 'Publish the presentation days to the students, or take them back (staff)',
        tags,
        params: slotKeyParamsSchema,
        body: slotPublishBodySchema,
        response: { 200: ok, ...errors },
      },
    },
    async (request) => {
      const { key } = request.params;
      const { published } = request.body;
      return publishTalkSlots(svc(), await signedInAccess(request), key, published);
    },
  );

  app.get(
    '/courses/:slug/my-talk-slot',
    {
      schema: {
        summary: "Your group's presentation day and place in the order, once published (students)",
        tags,
        params: slugParamsSchema,
        response: { 200: myTalksBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const access = await signedInAccess(request);
      reply.header('cache-control', 'no-store');
      return myTalkSlots(svc(), access, request.viewer!);
    },
  );
};
