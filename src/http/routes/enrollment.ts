// Join links: staff create, list and revoke them; a signed-in person checks one and joins the course; a visitor
// joins by e-mail and is enrolled once the mailed confirmation link is opened.
import { z } from 'zod';
import {
  joinConfirmBodySchema,
  joinConfirmResultSchema,
  joinConfirmStatusSchema,
  joinRequestBodySchema,
  joinResultSchema,
  joinStatusBodySchema,
  joinStatusSchema,
  messageSchema,
} from '../../contracts/auth.js';
import { errorSchema } from '../../contracts/course.js';
import {
  createJoinLinkBodySchema,
  createdJoinLinkSchema,
  joinLinkSchema,
  joinLinksBodySchema,
} from '../../contracts/roster.js';
import { courseAccess } from '../../services/enrollment/course-access.js';
import {
  createJoinLink,
  describeJoinLink,
  joinByLink,
  listCourseJoinLinks,
  revokeCourseJoinLink,
} from '../../services/enrollment/join-links.js';
import {
  confirmJoinByEmail,
  describePendingJoin,
  requestJoinByEmail,
} from '../../services/enrollment/join-by-email.js';
import type { RoutePlugin } from '../deps.js';
import { metaOf, requireUser, setSessionCookies } from '../plugins/auth.js';
import { slugParamsSchema } from './courses.js';

const tags = ['enrollment'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 410: errorSchema };
const STATE_MESSAGES = {
  valid: null,
  expired: 'This join link has expired. Ask the course staff for a new one.',
  revoked: 'This join link was withdrawn by the course staff. Ask them for a new one.',
  invalid:
    'This join link is not valid (it may have been copied incompletely). Ask the course staff for the link again.',
} as const;
const linkParams = slugParamsSchema.extend({ linkId: z.string().max(40) });

export const enrollmentRoutes: RoutePlugin = async (app, { deps }) => {
  app.post(
    '/join/status',
    {
      schema: {
        summary: 'Which course a join link opens, or why it does not work',
        tags,
        body: joinStatusBodySchema,
        response: { 200: joinStatusSchema, ...errors },
      },
    },
    async (request) => {
      const { token } = request.body;
      const { state, course } = await describeJoinLink(deps.db, deps.clock(), token);
      return {
        state,
        course: course ? { slug: course.slug, title: course.title, code: course.code } : null,
        message: STATE_MESSAGES[state],
      };
    },
  );

  app.post(
    '/join',
    {
      schema: {
        summary: 'Join a course as a student with a join link',
        tags,
        body: joinStatusBodySchema,
        response: { 200: joinResultSchema, ...errors },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { token } = request.body;
      const result = await joinByLink(deps.db, deps.clock(), user, token, metaOf(request));
      return {
        course: { slug: result.course.slug, title: result.course.title, code: result.course.code },
        role: result.role,
        alreadyEnrolled: result.alreadyEnrolled,
      };
    },
  );

  app.post(
    '/join/request',
    {
      schema: {
        summary:
          'Join with an e-mail instead of signing in: a link to confirm the address is mailed; nobody is enrolled before (same answer for everyone)',
        tags,
        body: joinRequestBodySchema,
        response: { 202: messageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await requestJoinByEmail(
        app.auth.context(),
        body.token,
        { email: body.email, name: body.name },
        { ...metaOf(request), requestId: request.id },
      );
      return reply.code(202).send(result);
    },
  );

  app.post(
    '/join/confirm/status',
    {
      schema: {
        summary: 'Which course and address a mailed join confirmation link is for, or why it does not work',
        tags,
        body: joinStatusBodySchema,
        response: { 200: joinConfirmStatusSchema, ...errors },
      },
    },
    async (request) => {
      const info = await describePendingJoin(deps.db, deps.clock(), request.body.token);
      const { course } = info;
      return {
        ...info,
        course: course ? { slug: course.slug, title: course.title, code: course.code } : null,
      };
    },
  );

  app.post(
    '/join/confirm',
    {
      schema: {
        summary:
          'Confirm a join by e-mail (single use): enrolls the address as a student; a new address sets its password and is signed in',
        tags,
        body: joinConfirmBodySchema,
        response: { 200: joinConfirmResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { token, password } = request.body;
      const result = await confirmJoinByEmail(
        app.auth.context(),
        token,
        { password },
        request.session?.user ?? null,
        metaOf(request),
      );
      if (result.session) setSessionCookies(reply, app.auth, result.session);
      const { course } = result;
      return {
        course: { slug: course.slug, title: course.title, code: course.code },
        email: result.email,
        alreadyEnrolled: result.alreadyEnrolled,
        signedIn: result.signedIn,
        csrfToken: result.session?.csrfToken ?? null,
      };
    },
  );

  app.get(
    '/courses/:slug/join-links',
    {
      schema: {
        summary: 'Join links of the course (staff)',
        tags,
        params: slugParamsSchema,
        response: { 200: joinLinksBodySchema, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const access = await courseAccess(deps.db, slug, request.viewer);
      return { links: await listCourseJoinLinks(deps.db, deps.clock(), access) };
    },
  );

  app.post(
    '/courses/:slug/join-links',
    {
      schema: {
        summary: 'Create a student join link (staff); the URL is shown once',
        tags,
        params: slugParamsSchema,
        body: createJoinLinkBodySchema,
        response: { 201: createdJoinLinkSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const user = requireUser(request);
      const access = await courseAccess(deps.db, slug, request.viewer);
      const { days } = request.body;
      const created = await createJoinLink(
        deps.db,
        deps.clock(),
        access,
        user,
        { days, publicUrl: deps.config.publicUrl },
        metaOf(request),
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/courses/:slug/join-links/:linkId',
    {
      schema: {
        summary: 'Revoke a join link (staff)',
        tags,
        params: linkParams,
        response: { 200: z.object({ link: joinLinkSchema }), ...errors },
      },
    },
    async (request) => {
      const { slug, linkId } = request.params;
      const user = requireUser(request);
      const access = await courseAccess(deps.db, slug, request.viewer);
      return {
        link: await revokeCourseJoinLink(deps.db, deps.clock(), access, user, linkId, metaOf(request)),
      };
    },
  );
};
