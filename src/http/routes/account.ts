// The signed-in person's own account: read it, change name and password, sign out everywhere.
import { z } from 'zod';
import {
  accountBodySchema,
  changeNameBodySchema,
  changePasswordBodySchema,
  userSchema,
} from '../../contracts/auth.js';
import { errorSchema } from '../../contracts/course.js';
import {
  changeName,
  changePassword,
  myCourses,
  openSessionCount,
  signOutEverywhere,
} from '../../services/auth/account.js';
import type { RoutePlugin } from '../deps.js';
import { clearSessionCookie, metaOf, requireUser } from '../plugins/auth.js';
import { presentUser } from '../presenters/user.js';

const tags = ['account'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: errorSchema };

export const accountRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/account',
    {
      schema: {
        summary: 'My account, my courses, how many sessions are open',
        tags,
        response: { 200: accountBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      reply.header('cache-control', 'no-store');
      return {
        user: presentUser(user),
        courses: await myCourses(deps.db, user.id),
        sessions: await openSessionCount(deps.db, user.id),
      };
    },
  );

  app.patch(
    '/account',
    {
      schema: {
        summary: 'Change my name',
        tags,
        body: changeNameBodySchema,
        response: { 200: z.object({ user: userSchema }), ...errors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { name } = request.body;
      return { user: presentUser(await changeName(deps.db, deps.clock(), user, name, metaOf(request))) };
    },
  );

  app.post(
    '/account/password',
    {
      schema: {
        summary: 'Change my password (other sessions end; current-password checks are rate limited)',
        tags,
        body: changePasswordBodySchema,
        response: { 200: z.object({ otherSessionsEnded: z.number() }), ...errors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const body = request.body;
      return changePassword(
        deps.db,
        deps.clock(),
        user,
        { ...body, sessionId: request.session!.id },
        metaOf(request),
      );
    },
  );

  app.post(
    '/account/sign-out-everywhere',
    {
      schema: {
        summary: 'End every session of my account, this one included',
        tags,
        response: { 200: z.object({ sessionsEnded: z.number() }), ...errors },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const result = await signOutEverywhere(deps.db, deps.clock(), user, metaOf(request));
      clearSessionCookie(reply, app.auth);
      return result;
    },
  );
};
