// Authentication step of every request: session cookie → request.viewer; cookie helpers; the account use cases' context.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { join } from 'node:path';
import type { AppDeps } from '../deps.js';
import type { Viewer } from '../../domain/permissions.js';
import { createMailer, type Mailer } from '../../mail/mailer.js';
import type { AuthContext, RequestMeta } from '../../services/auth/context.js';
import { resolveSession, type ActiveSession, type NewSession } from '../../services/auth/sessions.js';
import { cleanUpAccounts } from '../../services/auth/cleanup.js';
import { DomainError } from '../../services/errors.js';
import type { Account } from '../../services/auth/users.js';

export const SESSION_COOKIE = 'seminar_session';
export const CSRF_COOKIE = 'seminar_csrf';

export interface AuthRuntime {
  mailer: Mailer;
  /** Cookies carry Secure when PUBLIC_URL is https. */
  secureCookies: boolean;
  /** Called when account mail was queued; the composition root points it at the mail worker. */
  onMailQueued: () => void;
  context(): AuthContext;
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthRuntime;
  }
  interface FastifyRequest {
    /** The live session of the request's cookie, or null. */
    session: ActiveSession | null;
    /** Who is asking (null for a visitor); what the permission module takes. */
    viewer: Viewer | null;
  }
}

export async function authPlugin(app: FastifyInstance, deps: AppDeps): Promise<void> {
  if (!app.hasDecorator('parseCookie')) await app.register(fastifyCookie);
  const mailer = createMailer({
    smtpUrl: deps.config.smtpUrl,
    from: deps.config.mailFrom,
    outboxDir: join(deps.config.dataDir, 'outbox'),
    log: (line) => (app.log.level === 'silent' ? process.stderr.write(line + '\n') : app.log.info(line)),
  });
  const runtime: AuthRuntime = {
    mailer,
    secureCookies: deps.config.publicUrl.startsWith('https:'),
    onMailQueued: () => {},
    context: () => ({
      db: deps.db,
      now: deps.clock,
      mailer,
      publicUrl: deps.config.publicUrl,
      mailQueued: () => runtime.onMailQueued(),
    }),
  };
  app.decorate('auth', runtime);
  app.decorateRequest('session', null);
  app.decorateRequest('viewer', null);
  // Hourly housekeeping (expired sessions, old rate-limit counters); harmless when several instances run it.
  const sweep = setInterval(() => {
    cleanUpAccounts(deps.db, deps.clock()).catch((error: unknown) =>
      app.log.warn({ err: error }, 'account clean-up failed'),
    );
  }, 60 * 60_000);
  sweep.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweep);
    mailer.close();
  });

  app.addHook('onRequest', async (request) => {
    // Only the API needs to know who is asking; the web client's static files do not. The matched
    // route decides, not the raw URL (a percent-encoded "/%61pi/" reaches the same API routes).
    if (!isApiRoute(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(deps.db, token, deps.clock());
    if (!session) return;
    request.session = session;
    request.viewer = { userId: session.user.id, isAdmin: session.user.isAdmin, requestId: request.id };
  });
}

/** Whether the request was routed to an API route (by the router's match, whatever the URL's spelling). */
export function isApiRoute(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return typeof url === 'string' && url.startsWith('/api/');
}

export function metaOf(request: FastifyRequest): RequestMeta {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/** The signed-in user, or 401. */
export function requireUser(request: FastifyRequest): Account {
  if (!request.session)
    throw new DomainError('unauthenticated', 'Sign in to continue.', { blocker: 'not-signed-in' });
  return request.session.user;
}

/** Sets the session cookie (HttpOnly) and the CSRF cookie (readable by the page's script). */
export function setSessionCookies(reply: FastifyReply, runtime: AuthRuntime, session: NewSession): void {
  const base = {
    path: '/',
    sameSite: 'lax' as const,
    secure: runtime.secureCookies,
    expires: session.expiresAt,
  };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
  reply.header('cache-control', 'no-store');
}

export function clearSessionCookie(reply: FastifyReply, runtime: AuthRuntime): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    sameSite: 'lax',
    secure: runtime.secureCookies,
    httpOnly: true,
  });
  reply.header('cache-control', 'no-store');
}

/** An anonymous CSRF token for visitors (sign-in, reset forms), as a session cookie. */
export function setAnonymousCsrfCookie(reply: FastifyReply, runtime: AuthRuntime, token: string): void {
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'lax',
    secure: runtime.secureCookies,
    httpOnly: false,
  });
}
