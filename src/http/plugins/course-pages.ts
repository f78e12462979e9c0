// Server-rendered public course pages (home, schedule, grading, policies, project, resources): HTML in the first response, then hydrated.
import { existsSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../../domain/permissions.js';
import { resolveSession } from '../../services/auth/sessions.js';
import { DomainError } from '../../services/errors.js';
import type { AppDeps } from '../deps.js';
import { encodedBody, type CachedBody } from '../presenters/course-cache.js';
import { readCourseBody } from '../presenters/course-read.js';
import { fillTemplate, parseTemplate, type PageTemplate } from '../presenters/page-template.js';
import { pageAssetLinks, type Manifest } from '../presenters/page-assets.js';
import { etagMatches } from '../routes/courses.js';
import { SESSION_COOKIE } from './auth.js';

/** The server renderer `npm run build:web` writes (web/src/entry-server.tsx). */
export const DEFAULT_SSR_FILE = fileURLToPath(
  new URL('../../../web/dist-ssr/entry-server.js', import.meta.url),
);

/** Course pages anyone may read, by their path below /courses/:slug. */
const PUBLIC_PAGES = new Set(['', 'schedule', 'grading', 'policies', 'project', 'resources']);

/** id of the embedded data element (web/src/page-data.ts reads it). */
const PAGE_DATA_ID = 'seminar-page';

/** A rendered page is reused this long: its "next class in 3 hours" wording moves with the clock. */
const RENDER_TTL_MS = 60_000;

interface Renderer {
  preload(): Promise<void>;
  /** The module of each public page's code, by its path below /courses/:slug (a key of Vite's manifest). */
  pageSources?: Record<string, string>;
  renderPage(
    pathname: string,
    data: { slug: string; course: unknown },
    serverNow: string,
  ): { html: string; title: string };
}

interface RenderedPage extends CachedBody {
  at: number;
}

type Fallback = (request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * Registers GET /courses/:slug and /courses/:slug/:page. A public page is rendered on the server with the
 * course (as the API gives it to this viewer) embedded for hydration; other pages get the client's index.html.
 * Without a server build (or with an index.html that has no outlet) every page is the plain client.
 */
export async function registerCoursePages(
  app: FastifyInstance,
  indexHtml: string,
  fallback: Fallback,
  ssrFile: string = DEFAULT_SSR_FILE,
  manifest: Manifest | null = null,
): Promise<void> {
  const template = parseTemplate(indexHtml);
  if (!template || !existsSync(ssrFile)) return;
  const deps = app.deps;
  let renderer: Promise<Renderer> | null = null;
  // Loaded on the first page asked for, so that start-up (and every test) does not pay for it.
  const load = () =>
    (renderer ??= import(pathToFileURL(ssrFile).href).then(async (mod: Renderer) => {
      await mod.preload();
      return mod;
    }));
  const rendered = new WeakMap<CachedBody, Map<string, RenderedPage>>();
  // Each page's <link> hints, worked out once.
  const links = new Map<string, string>();
  const linksOf = (renderer: Renderer, page: string): string => {
    let hit = links.get(page);
    if (hit === undefined) {
      const source = renderer.pageSources?.[page];
      hit = manifest && source ? pageAssetLinks(manifest, source) : '';
      links.set(page, hit);
    }
    return hit;
  };

  const handler = async (
    request: FastifyRequest<{ Params: { slug: string; page?: string } }>,
    reply: FastifyReply,
  ) => {
    const { slug, page = '' } = request.params;
    if (!PUBLIC_PAGES.has(page)) return fallback(request, reply);
    const viewer = await viewerOf(deps, request);
    const course = await readCourseBody(deps, slug, viewer).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'not_found') return null;
      throw error;
    });
    const pathname = `/courses/${slug}${page ? '/' + page : ''}`;
    const renderer = await load();
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', viewer ? 'private, no-cache' : 'no-cache')
      .header('vary', 'cookie, accept-encoding');
    if (!course) {
      const html = renderHtml(renderer, template, pathname, slug, 'null', deps.clock(), viewer !== null, '');
      return reply.code(404).send(html);
    }
    const pages = rendered.get(course) ?? new Map<string, RenderedPage>();
    rendered.set(course, pages);
    // By the app's clock (a moved clock moves the wording too), either way.
    const now = deps.clock().getTime();
    // A visitor's page and a signed-in one differ only in when the browser hydrates it (see web/src/main.tsx).
    const key = viewer ? `${page}|in` : page;
    let hit = pages.get(key);
    if (!hit || Math.abs(now - hit.at) > RENDER_TTL_MS) {
      const html = renderHtml(
        renderer,
        template,
        pathname,
        slug,
        course.body.toString('utf8'),
        deps.clock(),
        viewer !== null,
        linksOf(renderer, page),
      );
      hit = {
        body: Buffer.from(html),
        etag: `${course.etag.slice(0, -1)}.${page}${viewer ? '.in' : ''}.${now.toString(36)}"`,
        encoded: {},
        at: now,
      };
      pages.set(key, hit);
    }
    reply.header('etag', hit.etag);
    if (etagMatches(request.headers['if-none-match'], hit.etag)) return reply.code(304).send();
    const { encoding, body } = encodedBody(hit, request.headers['accept-encoding']);
    if (encoding) reply.header('content-encoding', encoding);
    return reply.send(body);
  };
  app.get('/courses/:slug', { schema: { hide: true } }, handler);
  app.get('/courses/:slug/:page', { schema: { hide: true } }, handler);
}

function renderHtml(
  renderer: Renderer,
  template: PageTemplate,
  pathname: string,
  slug: string,
  courseJson: string,
  now: Date,
  signedIn: boolean,
  links: string,
): string {
  const json = `{"slug":${JSON.stringify(slug)},${signedIn ? '"signedIn":true,' : ''}"course":${courseJson}}`;
  const { html, title } = renderer.renderPage(
    pathname,
    JSON.parse(json) as { slug: string; course: unknown },
    now.toISOString(),
  );
  return fillTemplate(template, { title, html, dataId: PAGE_DATA_ID, json, links });
}

/** Who is asking, from the session cookie (the API's auth step runs for /api routes only). */
async function viewerOf(deps: AppDeps, request: FastifyRequest): Promise<Viewer | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const session = await resolveSession(deps.db, token, deps.clock());
  return session ? { userId: session.user.id, isAdmin: session.user.isAdmin } : null;
}
