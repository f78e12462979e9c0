// The staff roster: list and search, classmates for members, role change, drop/restore, CSV import preview and apply.
import { z } from 'zod';
import { errorSchema } from '../../contracts/course.js';
import {
  applyQuerySchema,
  applyResultSchema,
  canvasApplyResultSchema,
  canvasPlanSchema,
  classmatesBodySchema,
  enrollmentStartBodySchema,
  enrollmentStartSchema,
  roleChangeBodySchema,
  rosterBodySchema,
  rosterPlanSchema,
  rosterQuerySchema,
} from '../../contracts/roster.js';
import { abilitiesOf, courseAccess } from '../../services/enrollment/course-access.js';
import { applyCanvasImport, planCanvasImport } from '../../services/enrollment/canvas-import.js';
import { applyRosterImport, planRosterImport } from '../../services/enrollment/import-roster.js';
import { ROSTER_MAX_BYTES } from '../../services/enrollment/roster-csv.js';
import {
  changeRole,
  dropMember,
  listClassmates,
  listCourseRoster,
  restoreMember,
} from '../../services/enrollment/roster.js';
import { setEnrollmentStart } from '../../services/enrollment/set-start.js';
import { DomainError } from '../../services/errors.js';
import type { RoutePlugin } from '../deps.js';
import { metaOf, requireUser } from '../plugins/auth.js';
import { presentRoster } from '../presenters/roster.js';
import { slugParamsSchema } from './courses.js';

const tags = ['roster'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const personParams = slugParamsSchema.extend({ userId: z.string().max(40) });
const csvBody = z.custom<Buffer>(
  (v) => Buffer.isBuffer(v),
  'Send the roster file itself as the body (Content-Type: text/csv).',
);

export const rosterRoutes: RoutePlugin = async (app, { deps }) => {
  // Roster files arrive as raw bytes so that their encoding (BOM, Latin-1) can be detected, not guessed by a parser.
  for (const type of ['text/csv', 'application/octet-stream', 'text/plain']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: ROSTER_MAX_BYTES }, (_req, body, done) =>
      done(null, body),
    );
  }

  app.get(
    '/courses/:slug/roster',
    {
      schema: {
        summary: 'The course roster with e-mails and NetIDs (staff)',
        tags,
        params: slugParamsSchema,
        querystring: rosterQuerySchema,
        response: { 200: rosterBodySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const query = request.query;
      const access = await courseAccess(deps.db, slug, request.viewer);
      const rows = await listCourseRoster(deps.db, access, {
        ...(query.search ? { search: query.search } : {}),
        ...(query.role ? { role: query.role } : {}),
        includeDropped: query.includeDropped === 'true',
      });
      reply.header('cache-control', 'no-store');
      return presentRoster(rows, abilitiesOf(access));
    },
  );

  app.get(
    '/courses/:slug/classmates',
    {
      schema: {
        summary: 'Names of the active members (members only; no e-mails)',
        tags,
        params: slugParamsSchema,
        response: { 200: classmatesBodySchema, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const access = await courseAccess(deps.db, slug, request.viewer);
      return { people: await listClassmates(deps.db, access) };
    },
  );

  app.patch(
    '/courses/:slug/roster/:userId',
    {
      schema: {
        summary: "Change a member's role (instructors)",
        tags,
        params: personParams,
        body: roleChangeBodySchema,
        response: { 200: z.object({ userId: z.string(), role: z.string() }), ...errors },
      },
    },
    async (request) => {
      const { slug, userId } = request.params;
      const { role } = request.body;
      const actor = requireUser(request);
      const access = await courseAccess(deps.db, slug, request.viewer);
      return changeRole(deps.db, deps.clock(), access, actor, userId, role, metaOf(request));
    },
  );

  app.post(
    '/courses/:slug/roster/:userId/drop',
    {
      schema: {
        summary: 'Drop a member: work stays, access and listing end (staff)',
        tags,
        params: personParams,
        response: { 200: z.object({ userId: z.string(), droppedAt: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const { slug, userId } = request.params;
      const actor = requireUser(request);
      const access = await courseAccess(deps.db, slug, request.viewer);
      return dropMember(deps.db, deps.clock(), access, actor, userId, metaOf(request));
    },
  );

  app.post(
    '/courses/:slug/roster/:userId/restore',
    {
      schema: {
        summary: 'Restore a dropped member (staff)',
        tags,
        params: personParams,
        response: { 200: z.object({ userId: z.string(), droppedAt: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const { slug, userId } = request.params;
      const actor = requireUser(request);
      const access = await courseAccess(deps.db, slug, request.viewer);
      return restoreMember(deps.db, deps.clock(), access, actor, userId, metaOf(request));
    },
  );

  app.put(
    '/courses/:slug/roster/:userId/start',
    {
      schema: {
        summary:
          "Set a student's effective start date (a local date in the course's zone): work due before it is not theirs (staff)",
        tags,
        params: personParams,
        body: enrollmentStartBodySchema,
        response: { 200: enrollmentStartSchema, ...errors },
      },
    },
    async (request) => {
      const { slug, userId } = request.params;
      const { date } = request.body;
      const actor = requireUser(request);
      const access = await courseAccess(deps.db, slug, request.viewer);
      return setEnrollmentStart(deps.db, deps.clock(), access, actor, userId, date, metaOf(request));
    },
  );

  app.post(
    '/courses/:slug/roster/import/preview',
    {
      schema: {
        summary: "Plan a roster CSV import: each row's action and problems; writes nothing (staff)",
        tags,
        params: slugParamsSchema,
        body: csvBody,
        response: { 200: rosterPlanSchema, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const access = await courseAccess(deps.db, slug, request.viewer);
      return planRosterImport(deps.db, access, bytesOf(request.body));
    },
  );

  app.post(
    '/courses/:slug/roster/import/apply',
    {
      schema: {
        summary: 'Apply the previewed roster CSV: all rows or none; invites new people (staff)',
        tags,
        params: slugParamsSchema,
        querystring: applyQuerySchema,
        body: csvBody,
        response: { 200: applyResultSchema, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const { fingerprint } = request.query;
      const actor = requireUser(request);
      const access = await courseAccess(deps.db, slug, request.viewer);
      return applyRosterImport(
        app.auth.context(),
        access,
        actor,
        bytesOf(request.body),
        fingerprint,
        metaOf(request),
      );
    },
  );

  app.post(
    '/courses/:slug/roster/canvas/preview',
    {
      schema: {
        summary:
          'Preview a Canvas roster or gradebook export: students matched by SIS Login ID or e-mail, unmatched rows and why, what would change; writes nothing (staff)',
        tags,
        params: slugParamsSchema,
        body: csvBody,
        response: { 200: canvasPlanSchema, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const access = await courseAccess(deps.db, slug, request.viewer);
      return planCanvasImport(deps.db, access, bytesOf(request.body));
    },
  );

  app.post(
    '/courses/:slug/roster/canvas/confirm',
    {
      schema: {
        summary:
          "Confirm the previewed Canvas export: store the matched students' Canvas ids, audited (staff)",
        tags,
        params: slugParamsSchema,
        querystring: applyQuerySchema,
        body: csvBody,
        response: { 200: canvasApplyResultSchema, ...errors },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const { fingerprint } = request.query;
      const actor = requireUser(request);
      const access = await courseAccess(deps.db, slug, request.viewer);
      return applyCanvasImport(
        deps.db,
        deps.clock(),
        access,
        actor,
        bytesOf(request.body),
        fingerprint,
        metaOf(request),
      );
    },
  );
};

function bytesOf(body: unknown): Uint8Array {
  if (!Buffer.isBuffer(body))
    throw new DomainError(
      'invalid_input',
      'Send the roster file itself as the body (Content-Type: text/csv).',
      { field: 'file' },
    );
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}
