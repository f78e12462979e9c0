// Deliverables of a course (members read, staff edit) and extensions granted by staff.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorSchema } from '../../contracts/course.js';
import {
  deliverableParamsSchema,
  deliverablePatchSchema,
  extensionBodySchema,
  extensionParamsSchema,
  handInsQuerySchema,
  looseObjectSchema,
} from '../../contracts/work.js';
import { blobStorageFor } from '../../files/stores.js';
import { authorize } from '../../services/enrollment/course-access.js';
import {
  integrityPolicyText,
  loadWorkCourse,
  type WorkCourse,
  type WorkDeps,
} from '../../services/work/context.js';
import { grantExtension, revokeExtension, updateDeliverable } from '../../services/work/staff.js';
import { listExtensions, ownerHandIns } from '../../services/work/staff-views.js';
import type { AppDeps, RoutePlugin } from '../deps.js';
import { noStore } from '../presenters/dashboard.js';
import { presentDeliverable } from '../presenters/work.js';
import { slugParamsSchema } from './courses.js';

export const tags = ['work'];
export const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};

const workDeps = new WeakMap<AppDeps, WorkDeps>();

/** The work use cases' dependencies for this app: its database, files folder, mailer and clock. */
export function workDepsOf(app: FastifyInstance, deps: AppDeps): WorkDeps {
  let found = workDeps.get(deps);
  if (!found) {
    found = {
      db: deps.db,
      files: blobStorageFor(deps.config),
      mailer: app.hasDecorator('auth') ? app.auth.mailer : null,
      clock: deps.clock,
      publicUrl: deps.config.publicUrl,
    };
    workDeps.set(deps, found);
  }
  return found;
}

export function workOf(deps: AppDeps, request: FastifyRequest, slug: string): Promise<WorkCourse> {
  return loadWorkCourse(deps, slug, request.viewer);
}

export const deliverableRoutes: RoutePlugin = async (app, { deps }) => {
  app.get(
    '/courses/:slug/deliverables',
    {
      schema: {
        summary: 'Deliverables of the course with their due, late and file rules (members)',
        tags,
        params: slugParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const work = await workOf(deps, request, slug);
      authorize(work.access, 'viewPrivate');
      noStore(reply);
      return {
        timeZone: work.course.timeZone,
        policy: integrityPolicyText(work.course),
        deliverables: work.deliverables.map((d) => presentDeliverable(d, work.course.timeZone)),
      };
    },
  );

  app.patch(
    '/courses/:slug/deliverables/:key',
    {
      schema: {
        summary: "Edit a deliverable's policy: due rule, late rule, grace, allowance, limits, closed (staff)",
        tags,
        params: deliverableParamsSchema,
        body: deliverablePatchSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request) => {
      const { slug, key } = request.params;
      const work = await workOf(deps, request, slug);
      const saved = await updateDeliverable(workDepsOf(app, deps), work, key, request.body);
      return { deliverable: presentDeliverable(saved, work.course.timeZone) };
    },
  );

  app.post(
    '/courses/:slug/deliverables/:key/extensions',
    {
      schema: {
        summary: 'Grant a student or a group a later deadline (staff)',
        tags,
        params: deliverableParamsSchema,
        body: extensionBodySchema,
        response: { 201: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, key } = request.params;
      const body = request.body;
      const work = await workOf(deps, request, slug);
      const granted = await grantExtension(workDepsOf(app, deps), work, {
        deliverableKey: key,
        meetingDate: body.meetingDate ?? null,
        target: body.target,
        dueAt: body.dueAt,
        reason: body.reason ?? null,
      });
      return reply.code(201).send(granted);
    },
  );

  app.get(
    '/courses/:slug/extensions',
    {
      schema: {
        summary: 'Every extension of the course, with the students and groups one can be granted to (staff)',
        tags,
        params: slugParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      noStore(reply);
      return listExtensions(deps, await workOf(deps, request, slug));
    },
  );

  app.delete(
    '/courses/:slug/extensions/:extensionId',
    {
      schema: {
        summary: 'Revoke an extension: the regular deadline applies again (staff)',
        tags,
        params: extensionParamsSchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request) => {
      const { slug, extensionId } = request.params;
      const work = await workOf(deps, request, slug);
      return revokeExtension(workDepsOf(app, deps), work, extensionId);
    },
  );

  app.get(
    '/courses/:slug/deliverables/:key/hand-ins',
    {
      schema: {
        summary:
          "One student's or group's every version of a deliverable, with reviews and the counted one (staff)",
        tags,
        params: deliverableParamsSchema,
        querystring: handInsQuerySchema,
        response: { 200: looseObjectSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { slug, key } = request.params;
      const query = request.query;
      noStore(reply);
      return ownerHandIns(
        deps,
        await workOf(deps, request, slug),
        key,
        query.owner ?? '',
        { meetingDate: query.meetingDate ?? null },
        deps.clock(),
      );
    },
  );
};
