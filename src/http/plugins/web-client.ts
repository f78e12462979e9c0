// Serves the built web client (web/dist): hashed /assets/* cached for a year, index.html for every other page path.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { DEFAULT_SSR_FILE, registerCoursePages } from './course-pages.js';
import { readManifest } from '../presenters/page-assets.js';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Seminar</title></head>
<body><main><h1>Seminar</h1>
<p>The web client has not been built yet. Run <code>npm run build:web</code> and reload this page.</p>
<p>The JSON API is up: <a href="/api/courses">/api/courses</a>, documentation at <a href="/api/docs">/api/docs</a>.</p>
</main></body></html>
`;

/**
 * Registers static serving of `webDir` and returns the SPA fallback the not-found handler calls
 * for non-API GETs: index.html (never cached, so a new build is picked up), or a page saying
 * how to build the client when there is none.
 */
export type WebFallback = (request: FastifyRequest, reply: FastifyReply) => unknown;

export async function registerWebClient(
  app: FastifyInstance,
  webDir: string = DEFAULT_WEB_DIR,
): Promise<WebFallback> {
  const indexFile = join(webDir, 'index.html');
  if (!existsSync(indexFile)) {
    return (_request, reply) =>
      reply
        .code(200)
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(NOT_BUILT_PAGE);
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    // One route per file present at start-up (a deploy restarts the server): every other path,
    // /api ones included, reaches the not-found handler (JSON 404 or the client's index.html).
    wildcard: false,
    index: false,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders(reply, path) {
      // Vite names files under assets/ by content hash: they never change, so cache them for good.
      if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      else reply.header('cache-control', 'no-cache');
    },
  });
  const fallback: WebFallback = (_request, reply) => {
    // Read each time (it is small): a rebuild's index.html is served at once (its assets after a restart).
    const html = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : NOT_BUILT_PAGE;
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };
  // The static handler answers a folder (like "/") with 403; the home page is the client too.
  app.get('/', { schema: { hide: true } }, fallback);
  // The public course pages come rendered (HTML in the first response), then the client takes over.
  await registerCoursePages(
    app,
    readFileSync(indexFile, 'utf8'),
    fallback,
    DEFAULT_SSR_FILE,
    readManifest(webDir),
  );
  return fallback;
}
