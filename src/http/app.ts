// Builds the Fastify app: error handling, zod validation, OpenAPI, compression, the API route plugins, the web client.
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Config } from '../config.js';
import type { Db } from '../storage/db.js';
import type { AppDeps, RoutePlugin } from './deps.js';
import { registerErrorHandling, sendError } from './plugins/errors.js';
import { registerWebClient, type WebFallback } from './plugins/web-client.js';
import { swaggerTransform, useZodSchemas } from './plugins/zod-schemas.js';
import { CourseBodyCache } from './presenters/course-cache.js';
import { closeConnectionsWhileDraining, Lifecycle } from './lifecycle.js';
import { healthRoutes } from './routes/health.js';
import { courseRoutes } from './routes/courses.js';
import { openApiRoutes } from './routes/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { authPlugin } from './plugins/auth.js';
import { csrfPlugin } from './plugins/csrf.js';
import { metricsPlugin } from './plugins/metrics.js';
import { requestIdOf, requestIdPlugin } from './plugins/request-ids.js';
import { authRoutes } from './routes/auth.js';
import { accountRoutes } from './routes/account.js';
import { enrollmentRoutes } from './routes/enrollment.js';
import { rosterRoutes } from './routes/roster.js';
import { auditRoutes } from './routes/audit.js';
import { adminRoutes } from './routes/admin.js';
import { groupRoutes } from './routes/groups.js';
import { preferenceRoutes } from './routes/preferences.js';
import { assignmentRoutes } from './routes/assignment.js';
import { deliverableRoutes } from './routes/deliverables.js';
import { submissionRoutes } from './routes/submissions.js';
import { questionRoutes } from './routes/questions.js';
import { attendanceRoutes } from './routes/attendance.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { downloadRoutes } from './routes/downloads.js';
import { talkSlotRoutes } from './routes/talk-slots.js';
import { gradeRoutes } from './routes/grades.js';
import { peerFeedbackRoutes } from './routes/peer-feedback.js';
import { discussionRoutes } from './routes/discussions.js';
import { summaryCommentRoutes } from './routes/summary-comments.js';
import { notificationRoutes } from './routes/notifications.js';
import { calendarRoutes } from './routes/calendar.js';
import { syllabusReviewRoutes } from './routes/syllabus-review.js';
import { courseEditRoutes } from './routes/course-edit.js';
import { roomRoutes } from './routes/room.js';

/**
 * App-wide plugins run on the root instance before any route (so their hooks and decorators
 * reach every route): e.g. cookies, sessions, CSRF, security headers. Add yours here.
 */
export const appPlugins: Array<(app: FastifyInstance, deps: AppDeps) => Promise<void>> = [
  requestIdPlugin,
  metricsPlugin,
  securityPlugin,
  authPlugin,
  csrfPlugin,
];

/** Route plugins, each registered under /api with { deps }. Add a resource's routes here. */
export const routePlugins: RoutePlugin[] = [
  healthRoutes,
  courseRoutes,
  courseEditRoutes,
  openApiRoutes,
  authRoutes,
  accountRoutes,
  enrollmentRoutes,
  rosterRoutes,
  auditRoutes,
  adminRoutes,
  groupRoutes,
  preferenceRoutes,
  assignmentRoutes,
  deliverableRoutes,
  submissionRoutes,
  questionRoutes,
  attendanceRoutes,
  dashboardRoutes,
  downloadRoutes,
  talkSlotRoutes,
  gradeRoutes,
  peerFeedbackRoutes,
  discussionRoutes,
  summaryCommentRoutes,
  roomRoutes,
  notificationRoutes,
  calendarRoutes,
  syllabusReviewRoutes,
];

export interface BuildAppOptions {
  config: Readonly<Config>;
  db: Db;
  clock?: () => Date;
  /** Folder of the built web client; defaults to web/dist. */
  webDir?: string;
  /** Fastify logger: false (default for tests), or a pino level. */
  logLevel?: string | false;
  /** Where JSON log lines go (default stdout; tests collect them). */
  logStream?: { write(line: string): void };
}

/** Largest JSON body accepted by default (routes that take uploads set their own limit). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const logLevel = options.logLevel ?? false;
  const app = Fastify({
    // JSON lines (pino), each with the requestId of the request it is about.
    logger:
      logLevel === false
        ? false
        : { level: logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: requestIdOf,
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      // One line per request costs throughput at a deadline: only when asked (LOG_REQUESTS=1).
      disableRequestLogging: !options.config.logRequests,
    }),
    bodyLimit: BODY_LIMIT_BYTES,
    // While stopping, a request that still arrives on an open connection (a balancer's pooled one) is served, not
    // answered 503: the database stays open until the server has closed, and the answer closes the connection.
    return503OnClosing: false,
    // X-Forwarded-* count only from the proxies TRUSTED_PROXIES names (none by default).
    trustProxy: options.config.trustedProxies.length > 0 ? [...options.config.trustedProxies] : false,
    // A URL that cannot be decoded is bad input, answered like every other error.
    frameworkErrors: (error, _request, reply) => {
      sendError(
        reply,
        400,
        'invalid_input',
        error.code === 'FST_ERR_BAD_URL' ? 'The URL is malformed.' : error.message.slice(0, 200),
      );
    },
    // Slugs are at most 64 characters; longer parameters are answered 404 by the router.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  const deps: AppDeps = {
    config: options.config,
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    courseCache: new CourseBodyCache(),
    lifecycle: new Lifecycle(),
  };
  app.decorate('deps', deps);
  closeConnectionsWhileDraining(app, deps.lifecycle);

  useZodSchemas(app);
  // Before any plugin: route contexts copy the error handler when they are created.
  const webClient: { fallback?: WebFallback } = {};
  registerErrorHandling(app, (request, reply) => webClient.fallback?.(request, reply));
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Seminar API',
        version: '0.1.0',
        description: 'Runs a paper-reading seminar course. Errors: { error: { code, message, details? } }.',
      },
    },
    transform: swaggerTransform as never,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  for (const plugin of appPlugins) await plugin(app, deps);
  for (const plugin of routePlugins) await app.register(plugin, { prefix: '/api', deps });

  webClient.fallback = await registerWebClient(app, options.webDir);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
