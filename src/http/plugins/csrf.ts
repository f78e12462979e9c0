// CSRF protection of every state-changing API request: same-origin check plus a token the page must echo in a header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../deps.js';
import { DomainError } from '../../services/errors.js';
import { CSRF_COOKIE, isApiRoute } from './auth.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Equal strings, compared in time that depends only on their length (no buffers made per request). */
export function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * Scheme: (1) the Origin (or Referer) header, when the browser sends one, must be this site
 * (PUBLIC_URL or the Host the request came to); (2) the X-CSRF-Token header must equal the
 * seminar_csrf cookie (double submit: another site can neither read that cookie nor set the
 * header), and for a signed-in request also the token stored in the session row (synchronizer),
 * so a cookie planted by a sibling subdomain does not help. SameSite=Lax cookies add a third wall.
 */
export async function csrfPlugin(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  // Synchronous (a refusal is thrown, which Fastify's hook runner answers like a rejection): no promise per request.
  app.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
    csrfCheck(request, publicOrigin);
    done();
  });
}

/** Throws the refusal (forbidden) unless the request passes the scheme above. */
function csrfCheck(request: FastifyRequest, publicOrigin: string): void {
  if (SAFE.has(request.method) || !isApiRoute(request)) return;
  // One-click unsubscribe (RFC 8058) is posted by mail clients: the signed token in the URL is the credential.
  if (request.routeOptions.url === '/api/unsubscribe/:token') return;
  const origin = originOf(request.headers.origin) ?? originOf(request.headers.referer);
  if (origin !== null && origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`) {
    throw new DomainError('forbidden', 'This request came from another site and was refused.', {
      reason: 'csrf-origin',
    });
  }
  const header = request.headers[CSRF_HEADER];
  const cookie = request.cookies[CSRF_COOKIE];
  const sent = typeof header === 'string' ? header : '';
  const expected = request.session ? request.session.csrfToken : cookie;
  if (!sent || !cookie || !expected || !same(sent, cookie) || !same(sent, expected)) {
    throw new DomainError(
      'forbidden',
      'The page is out of date (security token missing or stale). Reload it and try again.',
      {
        reason: 'csrf-token',
      },
    );
  }
}
