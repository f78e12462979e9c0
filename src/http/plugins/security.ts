// Security headers (helmet) with a Content-Security-Policy that the built React client satisfies.
import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import type { AppDeps } from '../deps.js';

/**
 * The built client loads only its own scripts and styles (Vite emits files, no inline script;
 * prefetch.js is a classic external script). style-src keeps 'unsafe-inline' for React style
 * attributes rendered into markup by the docs page; scripts never get it.
 */
export async function securityPlugin(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const https = deps.config.publicUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    global: true,
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
  });
}
