// Security headers (helmet's set) with a Content-Security-Policy that the built React client satisfies.
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppDeps } from '../deps.js';

/**
 * The built client loads only its own scripts and styles (Vite emits files, no inline script;
 * prefetch.js is a classic external script). style-src keeps 'unsafe-inline' for React style
 * attributes rendered into markup by the docs page; scripts never get it.
 */
function helmetOptions(https: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only means something over https; on http://localhost it would pin the browser needlessly.
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  };
}

/**
 * Helmet's headers depend only on the options, so they are computed once at start-up by running
 * its middleware against a recorder, and then set on every reply (helmet as a per-request
 * middleware was the largest cost of the hot course route).
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown = null;
  helmet(helmetOptions(https))({} as never, recorder as never, (error?: unknown) => {
    failure = error ?? null;
  });
  if (failure) throw failure;
  return headers;
}

export async function securityPlugin(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const headers = securityHeaders(deps.config.publicUrl.startsWith('https:'));
  // A callback hook, not an async one: no promise per request for a synchronous step.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
