// Sign-in, sign-out, the session probe, password reset, invitations and first-run set-up.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  completeLinkBodySchema,
  linkStatusBodySchema,
  linkStatusSchema,
  messageSchema,
  resetRequestBodySchema,
  sessionBodySchema,
  setupBodySchema,
  signInBodySchema,
} from '../../contracts/auth.js';
import { errorSchema } from '../../contracts/course.js';
import { recordAudit } from '../../services/audit/record-audit.js';
import { completeSetup, setupLinkState } from '../../services/auth/first-run.js';
import { linkError } from '../../services/auth/links.js';
import {
  completePasswordLink,
  describeLink,
  requestPasswordReset,
} from '../../services/auth/password-reset.js';
import { endSession } from '../../services/auth/sessions.js';
import { signIn } from '../../services/auth/sign-in.js';
import { myCourses } from '../../services/auth/account.js';
import type { RoutePlugin } from '../deps.js';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  clearSessionCookie,
  metaOf,
  setAnonymousCsrfCookie,
  setSessionCookies,
} from '../plugins/auth.js';
import { presentSession, presentUser } from '../presenters/user.js';

const tags = ['auth'];
const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  410: errorSchema,
  429: errorSchema,
};
const signedIn = z.object({ user: sessionBodySchema.shape.user, csrfToken: z.string() });

export const authRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/auth/session',
    {
      schema: {
        summary: 'Who is signed in, their courses, and the CSRF token to echo',
        tags,
        response: { 200: sessionBodySchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const session = request.session;
      if (!session) {
        // Visitors get a CSRF token too: sign-in and reset forms are state-changing requests.
        let token = request.cookies[CSRF_COOKIE];
        if (!token || !/^[A-Za-z0-9_-]{20,64}$/.test(token)) {
          token = randomBytes(24).toString('base64url');
          setAnonymousCsrfCookie(reply, app.auth, token);
        }
        return presentSession(null, null, token, []);
      }
      const courses = await myCourses(deps.db, session.user.id);
      return presentSession(session.user, request.viewer, session.csrfToken, courses);
    },
  );

  app.post(
    '/auth/sign-in',
    {
      schema: {
        summary: 'Sign in with e-mail and password (rate limited)',
        tags,
        body: signInBodySchema,
        response: { 200: signedIn, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const { user, session } = await signIn(
        deps.db,
        deps.clock(),
        { ...body, previousToken: request.cookies[SESSION_COOKIE] ?? null },
        metaOf(request),
      );
      setSessionCookies(reply, app.auth, session);
      return { user: presentUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { summary: 'End this session', tags, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(deps.db, token);
      if (request.session) {
        const user = request.session.user;
        await recordAudit(deps.db, deps.clock(), {
          actor: { id: user.id, email: user.email },
          courseId: null,
          action: 'sign-out',
          ...metaOf(request),
        });
      }
      clearSessionCookie(reply, app.auth);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        summary: 'E-mail a reset link if the account exists (same answer either way)',
        tags,
        body: resetRequestBodySchema,
        response: { 202: messageSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      const result = await requestPasswordReset(app.auth.context(), email, {
        ...metaOf(request),
        requestId: request.id,
      });
      return reply.code(202).send(result);
    },
  );

  app.post(
    '/auth/link-status',
    {
      schema: {
        summary: 'Whether a reset, invitation or set-up link still works (and what to do if not)',
        tags,
        body: linkStatusBodySchema,
        response: { 200: linkStatusSchema, ...errors },
      },
    },
    async (request) => {
      const { purpose, token } = request.body;
      if (purpose === 'setup') {
        const state = await setupLinkState(deps.db, deps.clock(), token);
        return {
          state,
          email: null,
          name: null,
          message: state === 'valid' ? null : linkError('setup', state).message,
        };
      }
      const info = await describeLink(app.auth.context(), purpose, token);
      return { ...info, message: info.state === 'valid' ? null : linkError(purpose, info.state).message };
    },
  );

  for (const purpose of ['reset', 'invite'] as const) {
    const path = purpose === 'reset' ? '/auth/password-reset/complete' : '/auth/invitation/accept';
    const summary =
      purpose === 'reset'
        ? 'Set a new password from a reset link (single use) and sign in'
        : 'Set a first password from an invitation link and sign in';
    app.post(
      path,
      { schema: { summary, tags, body: completeLinkBodySchema, response: { 200: signedIn, ...errors } } },
      async (request, reply) => {
        const { token, password } = request.body;
        const { user, session } = await completePasswordLink(
          app.auth.context(),
          purpose,
          token,
          password,
          metaOf(request),
        );
        setSessionCookies(reply, app.auth, session);
        return { user: presentUser(user), csrfToken: session.csrfToken };
      },
    );
  }

  app.post(
    '/auth/setup',
    {
      schema: {
        summary: 'Create the first administrator from the one-time set-up link',
        tags,
        body: setupBodySchema,
        response: { 200: signedIn, ...errors },
      },
    },
    async (request, reply) => {
      const { token, ...input } = request.body;
      const { user, session } = await completeSetup(deps.db, deps.clock(), token, input, metaOf(request));
      setSessionCookies(reply, app.auth, session);
      return { user: presentUser(user), csrfToken: session.csrfToken };
    },
  );
};
